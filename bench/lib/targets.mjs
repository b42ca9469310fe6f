/**
 * The issue-15 targets, judged against a benchmark's figures: each verdict is
 * PASS, MISS or "n/a" (the figure was not measured in this run).
 */
export const TARGETS = {
  coldHistoryS: 30,
  coldHistoryMB: 1536,
  warmS: 3,
  changedS: 5,
  floorRatio: 1.0,
  growth200to400: 2.2,
  fasterThanDepcruise: 3,
  fasterThanMadge: 1.5,
  dotnetS: 25,
  dotnetMB: 1024,
};

export function judge(f) {
  const t = TARGETS;
  const byId = (id) => f.rows.find((r) => r.id === id && r.wallS !== undefined);
  const out = [];
  const add = (target, value, ok, shown) =>
    out.push({
      target,
      measured: value === undefined ? 'not measured' : shown,
      verdict: value === undefined ? 'n/a' : ok ? 'PASS' : 'MISS',
    });

  // The targets name a 207-repository estate: a smaller one's figures are printed but not judged.
  const full = f.estate.repos >= 200;
  const cold = full ? byId('cold-history') : undefined;
  add(
    `cold with history < ${t.coldHistoryS} s`,
    cold?.wallS,
    cold?.wallS < t.coldHistoryS,
    `${cold?.wallS.toFixed(2)} s`,
  );
  add(
    `cold with history peak RSS < ${t.coldHistoryMB} MB`,
    cold?.rssMB,
    cold?.rssMB < t.coldHistoryMB,
    `${cold?.rssMB.toFixed(0)} MB`,
  );
  const warm = full ? byId('warm') : undefined;
  add(`warm, nothing changed < ${t.warmS} s`, warm?.wallS, warm?.wallS < t.warmS, `${warm?.wallS.toFixed(2)} s`);
  const changed = full ? byId('changed') : undefined;
  add(
    `warm, 1% of files changed < ${t.changedS} s`,
    changed?.wallS,
    changed?.wallS < t.changedS,
    `${changed?.wallS.toFixed(2)} s`,
  );
  add(
    `cold without history ≤ ${t.floorRatio.toFixed(1)}× the 1-thread parse floor`,
    f.floorRatio,
    f.floorRatio <= t.floorRatio,
    `${f.floorRatio?.toFixed(2)}×`,
  );
  const g200 = f.growth?.find((g) => g.repos === 200);
  const g400 = f.growth?.find((g) => g.repos === 400);
  const growth = g200 && g400 ? g400.wallS / g200.wallS : undefined;
  add(
    `200 → 400 repositories ≤ ${t.growth200to400}× the time`,
    growth,
    growth <= t.growth200to400,
    `${growth?.toFixed(2)}×`,
  );

  const peer = (tool) => f.peers.find((p) => p.tool === tool && p.wallS !== undefined);
  const own = peer('assess');
  for (const [tool, factor] of [
    ['dependency-cruiser', t.fasterThanDepcruise],
    ['madge', t.fasterThanMadge],
  ]) {
    const other = peer(tool);
    const ratio = own && other ? other.wallS / own.wallS : undefined;
    add(
      `${own?.corpus ?? 'TS corpus'}: ≥ ${factor}× faster than ${tool}`,
      ratio,
      ratio >= factor,
      `${ratio?.toFixed(2)}×`,
    );
    const memory = own && other ? other.rssMB / own.rssMB : undefined;
    add(
      `${own?.corpus ?? 'TS corpus'}: less memory than ${tool}`,
      memory,
      memory > 1,
      `${own?.rssMB.toFixed(0)} vs ${other?.rssMB.toFixed(0)} MB`,
    );
  }
  const dotnet = byId('dotnet');
  add(`.NET corpus < ${t.dotnetS} s`, dotnet?.wallS, dotnet?.wallS < t.dotnetS, `${dotnet?.wallS.toFixed(2)} s`);
  add(
    `.NET corpus peak RSS < ${t.dotnetMB} MB`,
    dotnet?.rssMB,
    dotnet?.rssMB < t.dotnetMB,
    `${dotnet?.rssMB.toFixed(0)} MB`,
  );
  return out;
}
