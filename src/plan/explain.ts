/**
 * `assess explain`: why a node sits where it sits (its pull towards its own
 * cluster against the others), what it is coupled to (its strongest links),
 * and what moving it would change (the cut weight delta per destination).
 */
import type { Candidate, ExplainedLink, NodeExplanation, NotCandidate } from '../core/decomposition.js';
import { byId, estateView, type EstateView, type PlanSource } from './estateView.js';
import { findTargets, type Target } from './findNode.js';
import { planCandidates } from './index.js';
import { toolingClusters } from './tooling.js';
import { round } from './score.js';
import { edgeIndex, type EdgeIndex, tablesOf, unitLinks } from './nodeLinks.js';

/** Links shown per explanation; the pull and the moves count them all. */
const LINKS_SHOWN = 10;

export type ExplainOutcome = { explanations: NodeExplanation[] } | { suggestions: string[] };

export function explain(source: PlanSource, query: string, candidates?: readonly Candidate[]): ExplainOutcome {
  const view = estateView(source);
  const found = findTargets(view, query);
  if ('suggestions' in found) return found;
  const index = edgeIndex(source.graph.edges);
  const ranked = candidates ?? planCandidates(source);
  const left = toolingClusters(source);
  return { explanations: found.targets.map((target) => explainTarget(view, index, ranked, left, target)) };
}

function explainTarget(
  view: EstateView,
  index: EdgeIndex,
  candidates: readonly Candidate[],
  left: ReadonlyMap<string, NotCandidate>,
  target: Target,
) {
  if (target.kind === 'cluster') return explainCluster(view, candidates, left, target.id);
  const node = view.nodes.get(target.id)!;
  if (node.kind === 'namespace') return explainNamespace(view, index, target.id);
  if (node.kind === 'table') return explainTable(view, index, target.id);
  return explainUnit(view, index, left, target.id);
}

function explainUnit(
  view: EstateView,
  index: EdgeIndex,
  left: ReadonlyMap<string, NotCandidate>,
  id: string,
): NodeExplanation {
  const node = view.nodes.get(id)!;
  const own = view.clusterOf.get(id);
  const links = unitLinks(view, index, id);
  const pull = pullOf(view, links, own);
  const moves = own && !view.clusterById.get(own)?.shared ? movesFrom(pull) : [];
  const name = (cluster: string) => clusterName(view, cluster);
  const summary: string[] = [];
  if (!own) summary.push(`${node.name} is in no cluster: the clustering left it out.`);
  else {
    const ownPull = pull.find((p) => p.own)?.weight ?? 0;
    const elsewhere = pull.filter((p) => !p.own && !p.shared).reduce((sum, p) => sum + p.weight, 0);
    const toShared = pull.filter((p) => !p.own && p.shared).reduce((sum, p) => sum + p.weight, 0);
    summary.push(
      `${node.name} sits in ${name(own)}${view.clusterById.get(own)?.shared ? ' (the shared layer)' : ''}: ` +
        `its links into it weigh ${round(ownPull)}, to other clusters ${round(elsewhere)}` +
        (toShared > 0 ? ` (and ${round(toShared)} to the shared layer, which is no cut).` : '.'),
    );
    summary.push(...namespaceHint(view, index, id, own));
    const notCandidate = left.get(own);
    if (notCandidate) summary.push(`${name(own)} is not a candidate: ${notCandidate.reason}`);
    const best = moves[0];
    if (view.clusterById.get(own)?.shared)
      summary.push('The shared layer becomes a library each service references: its uses are no cut to move.');
    else if (!best) summary.push('It has no links to other clusters: moving it would only add to the cut.');
    else if (best.cutDelta < 0)
      summary.push(`Moving it to ${name(best.to)} would make the cut lighter by ${round(-best.cutDelta)}.`);
    else
      summary.push(
        `Moving it would add at least ${round(best.cutDelta)} to the cut (to ${name(best.to)}): it belongs where it is.`,
      );
  }
  return {
    id,
    kind: node.kind === 'file' ? 'file' : 'type',
    name: node.name,
    ...(own ? { cluster: own } : {}),
    pull,
    links: links.slice(0, LINKS_SHOWN),
    moves,
    summary,
  };
}

/** A type whose namespace mostly sits elsewhere: the namespace says one thing, its links another. */
function namespaceHint(view: EstateView, index: EdgeIndex, id: string, own: string): string[] {
  const namespace = (index.in.get(id) ?? []).find((e) => e.kind === 'contains' && e.from.startsWith('namespace:'));
  if (!namespace) return [];
  const counts = membersByCluster(view, index, namespace.from);
  const dominant = counts[0];
  if (!dominant || dominant.cluster === own) return [];
  const label = view.nodes.get(namespace.from)?.name ?? namespace.from;
  return [
    `Its namespace ${label} mostly sits in ${clusterName(view, dominant.cluster)}; its links put it in ${clusterName(view, own)}.`,
  ];
}

function explainNamespace(view: EstateView, index: EdgeIndex, id: string): NodeExplanation {
  const node = view.nodes.get(id)!;
  const members = membersByCluster(view, index, id);
  const inside = new Set(members.flatMap((m) => m.units));
  const links = [...inside]
    .flatMap((unit) => unitLinks(view, index, unit))
    .filter((l) => !inside.has(l.node))
    .sort((a, b) => b.weight - a.weight || byId(a.node, b.node));
  const dominant = members[0]?.cluster;
  const summary = [
    members.length === 0
      ? `${node.name} holds no clustered unit.`
      : `${node.name}: ${inside.size} units in ${members.length === 1 ? 'one cluster' : `${members.length} clusters`}: ` +
        members.map((m) => `${clusterName(view, m.cluster)} (${m.units.length})`).join(', ') +
        '.',
  ];
  for (const m of members.slice(1))
    summary.push(
      `In ${clusterName(view, m.cluster)}, pulled there by their links: ${m.units.map((u) => view.nodes.get(u)?.name ?? u).join(', ')}.`,
    );
  return {
    id,
    kind: 'namespace',
    name: node.name,
    ...(dominant ? { cluster: dominant } : {}),
    pull: pullOf(view, links, dominant),
    links: links.slice(0, LINKS_SHOWN),
    moves: [],
    members,
    summary,
  };
}

function explainTable(view: EstateView, index: EdgeIndex, id: string): NodeExplanation {
  const node = view.nodes.get(id)!;
  const weight = view.source.decomposition.settings.weights.sharedTables;
  const users = tableUsers(view, index, id);
  const links: ExplainedLink[] = users.map((unit) => {
    const cluster = view.clusterOf.get(unit);
    return {
      node: unit,
      name: view.nodes.get(unit)?.name ?? unit,
      ...(cluster ? { cluster } : {}),
      kind: 'table',
      direction: 'in',
      weight,
    };
  });
  const owner = view.clusterOf.get(id);
  const pull = pullOf(view, links, owner);
  const sharers = (view.usersOfTable.get(id) ?? []).filter((c) => c !== owner);
  const summary = [
    owner
      ? `${node.name} belongs to ${clusterName(view, owner)}, which uses it most (${pull.find((p) => p.own)?.weight ?? 0}).`
      : `${node.name} is owned by no cluster.`,
    sharers.length === 0
      ? 'No other cluster uses it.'
      : `Shared with ${sharers.map((c) => clusterName(view, c)).join(', ')}: split it, or serve it through the owner's API.`,
  ];
  const moves = owner && !view.clusterById.get(owner)?.shared ? movesFrom(pull) : [];
  if (moves[0])
    summary.push(
      `Giving it to ${clusterName(view, moves[0].to)} would change the cut by ${signed(moves[0].cutDelta)}.`,
    );
  return {
    id,
    kind: 'table',
    name: node.name,
    ...(owner ? { cluster: owner } : {}),
    pull,
    links: links.slice(0, LINKS_SHOWN),
    moves,
    summary,
  };
}

function explainCluster(
  view: EstateView,
  candidates: readonly Candidate[],
  left: ReadonlyMap<string, NotCandidate>,
  id: string,
): NodeExplanation {
  const cluster = view.clusterById.get(id)!;
  const members = new Set(cluster.members);
  const pullBy = new Map<string, number>();
  const crossing: ExplainedLink[] = [];
  for (const member of cluster.members)
    for (const link of view.linksOf.get(member) ?? []) {
      const other = members.has(link.from) ? link.to : link.from;
      if (link.from !== member && members.has(link.from)) continue; // an internal link, counted from its source
      const otherCluster = view.clusterOf.get(other)!;
      pullBy.set(otherCluster, (pullBy.get(otherCluster) ?? 0) + link.weight);
      if (otherCluster !== id)
        crossing.push({
          node: other,
          name: `${view.nodes.get(member)?.name ?? member} ${link.from === member ? '→' : '←'} ${view.nodes.get(other)?.name ?? other}`,
          cluster: otherCluster,
          kind: link.kind,
          direction: link.from === member ? 'out' : 'in',
          weight: link.weight,
        });
    }
  const candidate = candidates.find((c) => c.cluster === id);
  const notCandidate = left.get(id);
  const pull = [...pullBy]
    .map(([c, weight]) => ({ cluster: c, weight, own: c === id }))
    .sort((a, b) => b.weight - a.weight || byId(a.cluster, b.cluster));
  return {
    id,
    kind: 'cluster',
    name: cluster.name,
    cluster: id,
    pull,
    links: crossing.sort((a, b) => b.weight - a.weight || byId(a.name, b.name)).slice(0, LINKS_SHOWN),
    moves: [],
    members: [{ cluster: id, units: cluster.members }],
    ...(candidate ? { candidate } : {}),
    ...(notCandidate ? { notCandidate } : {}),
    summary: [
      `${cluster.name}: ${cluster.members.length} units, ${cluster.tables.length} tables owned, ${cluster.sharedTables.length} shared.`,
      ...(cluster.shared
        ? ['The shared layer: the hubs and kernels every area uses; not a candidate, it becomes a library.']
        : candidate
          ? [`Candidate #${candidate.rank} of ${candidates.length} (score ${candidate.score}).`, ...candidate.reasons]
          : notCandidate
            ? [`Not a candidate, left out of the ranking: ${notCandidate.reason}`]
            : []),
    ],
  };
}

/** Clustered units declared in a namespace, grouped by cluster, the biggest group first. */
function membersByCluster(
  view: EstateView,
  index: EdgeIndex,
  namespace: string,
): { cluster: string; units: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const edge of index.out.get(namespace) ?? []) {
    const cluster = edge.kind === 'contains' ? view.clusterOf.get(edge.to) : undefined;
    if (!cluster) continue;
    const units = groups.get(cluster) ?? [];
    units.push(edge.to);
    groups.set(cluster, units);
  }
  return [...groups]
    .map(([cluster, units]) => ({ cluster, units: units.sort(byId) }))
    .sort((a, b) => b.units.length - a.units.length || byId(a.cluster, b.cluster));
}

/** Clustered units reading or writing a table, themselves or through the files declaring them. */
function tableUsers(view: EstateView, index: EdgeIndex, table: string): string[] {
  const users = new Set<string>();
  for (const edge of index.in.get(table) ?? []) {
    if (edge.kind !== 'reads' && edge.kind !== 'writes') continue;
    if (view.clusterOf.has(edge.from)) users.add(edge.from);
    for (const contained of index.out.get(edge.from) ?? [])
      if (
        contained.kind === 'contains' &&
        view.clusterOf.has(contained.to) &&
        tablesOf(view, index, contained.to).includes(table)
      )
        users.add(contained.to);
  }
  return [...users].sort(byId);
}

function pullOf(view: EstateView, links: readonly ExplainedLink[], own: string | undefined): NodeExplanation['pull'] {
  const byCluster = new Map<string, number>();
  for (const link of links)
    if (link.cluster) byCluster.set(link.cluster, (byCluster.get(link.cluster) ?? 0) + link.weight);
  return [...byCluster]
    .map(([cluster, weight]) => ({
      cluster,
      weight: round(weight),
      own: cluster === own,
      ...(view.clusterById.get(cluster)?.shared ? { shared: true as const } : {}),
    }))
    .sort((a, b) => b.weight - a.weight || byId(a.cluster, b.cluster));
}

/**
 * Moving from its own cluster (never the shared layer: its uses are no cut) to X: links into its own
 * start to cross, links into X stop crossing. Links to the shared layer cross nothing either way.
 */
function movesFrom(pull: NodeExplanation['pull']): NodeExplanation['moves'] {
  const ownWeight = pull.find((p) => p.own)?.weight ?? 0;
  return pull
    .filter((p) => !p.own && !p.shared)
    .map((p) => ({ to: p.cluster, cutDelta: round(ownWeight - p.weight) }))
    .sort((a, b) => a.cutDelta - b.cutDelta || byId(a.to, b.to));
}

const clusterName = (view: EstateView, id: string): string => view.clusterById.get(id)?.name ?? id;
const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));
