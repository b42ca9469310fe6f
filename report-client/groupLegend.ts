/** What each node colour stands for on the level shown: the coloured groups, the rest counted as one grey. */
import type { GraphLevel } from '../src/report/html/reportData.js';
import { OTHER_GROUP_COLOR } from './colors.js';
import { h } from './dom.js';

export interface GroupLegendInput {
  level: GraphLevel;
  byCluster: boolean;
  colors: Map<string, string>;
  /** The name a group or cluster id is shown by. */
  labelOf: (group: string) => string;
}

export function groupLegendItems({ level, byCluster, colors, labelOf }: GroupLegendInput): HTMLElement[] {
  const present = new Set(
    level.nodes.flatMap((n) => (n.kind !== 'unit' ? [] : byCluster ? [n.cluster ?? n.group] : [n.group])),
  );
  const shown = [...colors].filter(([group, color]) => present.has(group) && color !== OTHER_GROUP_COLOR);
  const others = [...present].filter((g) => (colors.get(g) ?? OTHER_GROUP_COLOR) === OTHER_GROUP_COLOR).length;
  return [
    h('span', { class: 'muted' }, byCluster ? 'Clusters:' : level.id === 'repo' ? 'Repositories:' : 'Groups:'),
    ...shown.map(([group, color]) => item(color, labelOf(group))),
    ...(others > 0 ? [item(OTHER_GROUP_COLOR, `${others} more, smaller`)] : []),
  ];
}

function item(color: string, text: string): HTMLElement {
  const swatch = h('span', { class: 'swatch round' });
  swatch.style.background = color;
  const label = h('span', { class: 'legend-label', attrs: { title: text } }, text);
  return h('span', { class: 'legend-item' }, swatch, label);
}
