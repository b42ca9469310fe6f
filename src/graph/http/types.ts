/** Routes served and calls made, from every language, before they are matched. */
import type { HttpMethod } from '../../core/graphData.js';
import type { RouteSegment } from './routeTemplate.js';

export interface ServedRoute {
  method: HttpMethod;
  segments: RouteSegment[];
  /** Template as composed from the source (prefixes applied, tokens replaced). */
  template: string;
  framework: 'aspnet' | 'minimal-api' | 'express' | 'fastify' | 'nest';
  /** How the route was declared: attribute, conventional (`MapRoute`), or code (`app.get`). */
  style: 'attribute' | 'conventional' | 'code';
  /** The node serving it: a controller type or a Node file. */
  handler: string;
  action?: string;
  caseInsensitive: boolean;
  repo: string;
  file: string;
  line: number;
}

export interface HttpCallSite {
  /** The calling file or C# type. */
  from: string;
  client: string;
  method?: HttpMethod;
  url: string;
  call: string;
  repo: string;
  file: string;
  line: number;
}
