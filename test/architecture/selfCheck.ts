/** The layering of layers.ts as `allowed` rules of assess.config.json, for `assess check` on the project's own source (.ci/run). */
import { LAYERS } from './layers.js';

export function layeringRules(layers: Readonly<Record<string, readonly string[]>> = LAYERS) {
  const folder = (layer: string) => `path:*/${layer}/**`;
  return Object.entries(layers).map(([layer, allowed]) => ({
    name: `layering:${layer}`,
    from: folder(layer),
    to: [layer, ...allowed].map(folder),
    kinds: ['reference'],
  }));
}
