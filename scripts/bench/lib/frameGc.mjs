// What the frames of the measured scroll pass were, and which of them a garbage collection ran in.
// The measured pass runs under a trace of V8's GC categories only (GC_CATEGORIES: no event is
// recorded outside a GC, so the pass costs what it did untraced) with a `performance.mark` at the
// start of each animation frame (`frameMark(i)`); `gcByFrame` then says, for each frame interval,
// how long the renderer's main thread was paused by a GC (mark-compact, scavenge, incremental
// marking steps) and how much concurrent marking ran on other threads of that renderer (on a
// 2-core machine it takes a core from the compositor and raster threads). Pure, unit-tested:
// test/unit/build/frameGc.test.ts.
//
// Found with it (2026-12-06, issue #21): the worst frames of the grid's scroll are V8's major GC.
// The heap holds the 100k-row result (2M cells, ~47 MB) with the workbench's (same renderer);
// after the bench's forced full GC, the same as the memory reducer's GC after a few idle seconds,
// the "global allocation limit" (V8 + Blink's heap) is ~2-10 MB away, which the layout objects of
// the ~9 rows a 200 px frame refills reach in 30-40 frames: incremental and concurrent marking,
// then a 20-40 ms CPU atomic pause (mark-compact finalisation; 9 ms with 5k rows).

export const GC_CATEGORIES = ['disabled-by-default-v8.gc', 'blink.user_timing'];

export const frameMark = (i) => `grid-frame-${i}`;

/** Main-thread GC pauses, by kind; the rest of V8's GC events are their phases. */
const PAUSE = { 'V8.GC_MARK_COMPACTOR': 'major', 'V8.GC_SCAVENGER': 'minor', 'V8.GC_MINOR_MARK_SWEEPER': 'minor', 'V8.GC_MC_INCREMENTAL': 'incremental', 'V8.GC_MC_INCREMENTAL_START': 'incremental' };
const BACKGROUND = new Set(['V8.GC_MC_BACKGROUND_MARKING']);

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))];

/**
 * Frame intervals of a probe: `callbackMs` (performance.now() at the start of each rAF callback)
 * and `frameTimeMs` (the rAF callback's timestamp: the time of the vsync tick the frame was begun
 * for). p50/p95/max of the callback intervals, the frames over 25 ms, how many ticks of `tickMs`
 * the frame times skipped (a frame begun one tick late skips one), and `vsync`: p50/p95/max of the
 * frame times' intervals in whole ticks (× `tickMs`): what a display refreshing every tick shows,
 * without the callbacks' jitter around their tick (the bench's row since 2026-12-06, s11).
 */
export function frameStats(callbackMs, frameTimeMs, tickMs = 1000 / 60) {
  const deltas = callbackMs.slice(1).map((t, i) => t - callbackMs[i]);
  const ticks = frameTimeMs.slice(1).map((t, i) => Math.max(1, Math.round((t - frameTimeMs[i]) / tickMs)));
  const skipped = ticks.map((n) => n - 1);
  const vsync = ticks.map((n) => n * tickMs);
  return {
    deltas,
    p50: pct(deltas, 0.5),
    p95: pct(deltas, 0.95),
    max: Math.max(...deltas),
    over25: deltas.filter((d) => d > 25).length,
    lateFrames: skipped.filter((n) => n > 0).length,
    skippedTicks: skipped.reduce((a, b) => a + b, 0),
    vsync: { p50: pct(vsync, 0.5), p95: pct(vsync, 0.95), max: Math.max(...vsync) },
  };
}

/**
 * Per frame interval i (from mark i-1 to mark i, i ≥ 1): the main thread's GC pause (ms, wall, by
 * kind, nested phases counted once; a mark-compact's and the incremental marking steps' CPU time
 * too: under load the wall time is mostly the wait for a core) and the concurrent marking on other
 * threads of that process
 * (ms, CPU when the trace has it), for the events overlapping the interval (clipped to it).
 */
export function gcByFrame(traceEvents) {
  const { marks, main } = frameMarks(traceEvents);
  if (!main) return [];
  const pauses = [];
  for (const e of traceEvents) {
    if (e.ph !== 'X' || e.pid !== main.pid) continue;
    if (e.tid === main.tid && PAUSE[e.name]) pauses.push({ kind: PAUSE[e.name], ts: e.ts, end: e.ts + e.dur, cpu: (e.tdur ?? e.dur) / e.dur, bg: false });
    else if (e.tid !== main.tid && BACKGROUND.has(e.name)) pauses.push({ kind: 'concurrent', ts: e.ts, end: e.ts + e.dur, cpu: (e.tdur ?? e.dur) / e.dur, bg: true });
  }
  // a nested pause (an incremental step inside a mark-compact) counts once, in its outer one
  pauses.sort((a, b) => a.ts - b.ts || b.end - a.end);
  const top = [];
  for (const p of pauses) if (p.bg || !top.some((o) => !o.bg && o.ts <= p.ts && p.end <= o.end)) top.push(p);
  const out = [];
  const last = Math.max(...marks.keys());
  for (let i = 1; i <= last; i++) {
    const from = marks.get(i - 1);
    const to = marks.get(i);
    if (from === undefined || to === undefined) continue;
    const f = { frame: i, ms: (to - from) / 1000, major: 0, majorCpu: 0, minor: 0, incremental: 0, incrementalCpu: 0, concurrent: 0 };
    for (const p of top) {
      const overlap = Math.min(p.end, to) - Math.max(p.ts, from);
      if (overlap <= 0) continue;
      f[p.kind] += (overlap / 1000) * (p.bg ? p.cpu : 1);
      if (p.kind === 'major') f.majorCpu += (overlap / 1000) * p.cpu;
      if (p.kind === 'incremental') f.incrementalCpu += (overlap / 1000) * p.cpu;
    }
    out.push(f);
  }
  return out;
}

/** The frame marks' times by frame number, and the thread that set them (the page's main thread). */
function frameMarks(traceEvents) {
  const marks = new Map();
  let main;
  for (const e of traceEvents) {
    const m = /^grid-frame-(\d+)$/.exec(e.name ?? '');
    if (m && (e.ph === 'R' || e.ph === 'I' || e.ph === 'i' || e.ph === 'n' || e.ph === 'b' || e.ph === 'X') && !marks.has(Number(m[1]))) {
      marks.set(Number(m[1]), e.ts);
      main ??= { pid: e.pid, tid: e.tid };
    }
  }
  return { marks, main };
}

/**
 * The page's mark-compact pauses (main thread) with their innermost V8 phases (`V8.GC_MC_…`
 * events holding no other), CPU ms, the longest `top` first: where an atomic pause goes (e.g.
 * EVACUATE_UPDATE_POINTERS_TO_NEW_ROOTS, the root walk that holds the string table).
 */
export function majorPhases(traceEvents, top = 4) {
  const { main } = frameMarks(traceEvents);
  if (!main) return [];
  const own = traceEvents.filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid && e.name?.startsWith('V8.GC_'));
  const inside = (a, b) => a !== b && b.ts <= a.ts && a.ts + a.dur <= b.ts + b.dur;
  return own
    .filter((e) => e.name === 'V8.GC_MARK_COMPACTOR')
    .map((mc) => {
      const phases = own.filter((e) => e.name.startsWith('V8.GC_MC_') && inside(e, mc));
      const leaves = phases.filter((p) => !phases.some((q) => inside(q, p)));
      const cpu = new Map();
      for (const p of leaves) cpu.set(p.name.slice('V8.GC_MC_'.length), (cpu.get(p.name.slice('V8.GC_MC_'.length)) ?? 0) + (p.tdur ?? p.dur) / 1000);
      return { ms: mc.dur / 1000, cpu: (mc.tdur ?? mc.dur) / 1000, phases: [...cpu].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms).slice(0, top) };
    });
}

const r1 = (x) => x.toFixed(1);

/** One line: the slow frames (interval > `slowMs`) and the GC in each; totals of the pass. */
export function describeGc(frames, slowMs = 25) {
  const slow = frames.filter((f) => f.ms > slowMs);
  const inGc = slow.filter((f) => f.major + f.minor + f.incremental >= 1);
  const what = (f) => {
    const parts = ['major', 'minor', 'incremental'].filter((k) => f[k] >= 0.5).map((k) => `${k} GC ${r1(f[k])}`);
    if (f.concurrent >= 1) parts.push(`concurrent marking ${r1(f.concurrent)}`);
    return `#${f.frame} ${r1(f.ms)} ms${parts.length ? ` (${parts.join(', ')})` : ''}`;
  };
  const sum = (k) => frames.reduce((a, f) => a + f[k], 0);
  const majors = frames.filter((f) => f.major >= 0.5).map((f) => `#${f.frame} ${r1(f.major)} ms (CPU ${r1(f.majorCpu)})`);
  return (
    `GC in the measured pass: major pauses ${majors.length ? majors.join(', ') : 'none'}, minor ${r1(sum('minor'))} ms, incremental marking ${r1(sum('incremental'))} ms (CPU ${r1(sum('incrementalCpu'))}) on the main thread, concurrent marking ${r1(sum('concurrent'))} ms elsewhere; ` +
    `${slow.length} frames over ${slowMs} ms, ${inGc.length} of them with a GC pause: ${slow.slice(0, 12).map(what).join(', ') || 'none'}${slow.length > 12 ? ', …' : ''}`
  );
}
