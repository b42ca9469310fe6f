/** A candidate's reasons in words, from its figures and its place in the ranking. */
import type { CandidateWork, NotArea } from '../core/decomposition.js';
import type { EstateView } from './estateView.js';
import type { FactorValues } from './factorValues.js';

export interface Marks {
  pilot: boolean;
  highestValue: boolean;
  /** The deployable it is the only cluster of: a service already. */
  standalone?: string;
  notArea?: NotArea;
  /** The cluster that is the service of the deployable it was split off. */
  sideOf?: string;
  /** The shared deployable whose entry point it holds ('' when it belongs to none). */
  host?: string;
}

const NOT_AREA: Record<NotArea, string> = {
  fragment: 'a fragment of fewer than 5 units',
  'data shapes': 'a bag of data shapes (view models, DTOs, settings) that does nothing by itself',
  library: 'a library: no table of its own, no endpoint served',
};

export function reasonsFor(view: EstateView, values: FactorValues, work: CandidateWork, marks: Marks): string[] {
  const name = (id: string) => view.clusterById.get(id)?.name ?? id;
  const label = (id: string) => view.nodes.get(id)?.name ?? id;
  const reasons: string[] = [];
  if (marks.pilot) reasons.push('Low-risk pilot: the fewest cuts, the most of its own data and few calls back.');
  if (marks.highestValue)
    reasons.push('Highest-value target: the most churn and hotspots, where the business invests.');

  if (marks.standalone)
    reasons.push(
      `Already deployed on its own (${label(marks.standalone)}): a service today, ranked after the clusters still inside a shared deployable and not the pilot; its cuts are what keeps it apart.`,
    );

  if (marks.sideOf)
    reasons.push(
      `Split off ${name(marks.sideOf)}, which is already deployed on its own: extracting it splits that service rather than the monolith.`,
    );
  if (marks.host !== undefined)
    reasons.push(
      `Holds the entry point of ${marks.host ? label(marks.host) : 'its deployable'}, which other areas share: the host stays behind when they are extracted around it.`,
    );
  if (marks.notArea)
    reasons.push(
      `Ranked after the business areas: ${NOT_AREA[marks.notArea]}; it moves with an area or becomes a package.`,
    );

  const feeding = work.seams.filter((s) => s.inbound > 0 && !view.clusterById.get(s.cluster)?.shared);
  if (values.inbound === 0)
    reasons.push(
      values.inboundCalls === 0
        ? 'Nothing else uses it: no inbound references to cut.'
        : 'No inbound references to cut in-process.',
    );
  else {
    const top = feeding[0];
    const heaviest = top?.links.find((l) => view.clusterOf.get(l.to) !== top.cluster);
    reasons.push(
      `${plural(values.inbound, 'inbound reference')} from ${plural(feeding.length, 'cluster')} to cut or serve through an API` +
        (top
          ? ` (most from ${name(top.cluster)}${heaviest ? `: ${label(heaviest.from)} → ${label(heaviest.to)}` : ''})`
          : '') +
        '.',
    );
  }
  if (values.inboundCalls > 0) reasons.push(callersReason(values, work, name));
  const called = work.seams.filter((s) => s.outbound > 0 && !view.clusterById.get(s.cluster)?.shared);
  reasons.push(
    values.callsBack === 0
      ? 'Makes no calls back into the rest.'
      : `${plural(values.callsBack, 'reference')} back into ${called.map((s) => name(s.cluster)).join(', ')}.`,
  );
  if (values.sharedLayer > 0)
    reasons.push(
      `${plural(values.sharedLayer, 'reference')} into the shared layer: it comes along as a library, not a cut.`,
    );

  if (values.ownedTables + values.sharedTables === 0) reasons.push('Uses no tables.');
  else
    reasons.push(
      `Owns ${plural(values.ownedTables, 'table')}` +
        (values.sharedTables === 0
          ? ' and shares none.'
          : `; shares ${work.tablesToSplit.map((t) => `${label(t.table)} (with ${t.alsoUsedBy.map(name).join(', ')})`).join(', ')}.`),
    );
  if (values.cycleWith.length > 0)
    reasons.push(
      `Sits in a dependency cycle with ${values.cycleWith.map(name).join(', ')}: one direction must be cut.`,
    );
  reasons.push(`${plural(values.size, 'unit')} of code.`);

  const history = values.history;
  if (!history) reasons.push('No history: churn, hotspots and knowledge concentration unknown.');
  else {
    reasons.push(
      history.churn === 0
        ? 'Unchanged in the history window.'
        : `${plural(history.churn, 'line')} changed in the history window; ${history.hotspots.length} of its units in the estate's top tenth by churn × complexity.`,
    );
    if (history.mainAuthor && history.mainAuthorShare !== undefined)
      reasons.push(
        `${history.mainAuthor} made about ${Math.round(history.mainAuthorShare * 100)}% of its changes` +
          (history.mainAuthorShare >= 0.75 ? ': knowledge sits with one person.' : '.'),
      );
  }
  return reasons;
}

/** Calls in are dependents, not cuts: the endpoints stay, and a gateway routes them to the new service. */
function callersReason(values: FactorValues, work: CandidateWork, name: (id: string) => string): string {
  const endpoints = work.endpoints ?? [];
  const gateways = [...new Set(endpoints.flatMap((e) => e.via ?? []))].sort();
  return (
    `Called over HTTP/gRPC by ${values.callers.map(name).join(', ')} at ${plural(values.inboundCalls, 'call site')}` +
    (endpoints.length > 0 ? ` on ${plural(endpoints.length, 'endpoint')}` : '') +
    `: keep these endpoints${gateways.length > 0 ? ` and route ${gateways.join(', ')} to the new service` : ''}.`
  );
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
