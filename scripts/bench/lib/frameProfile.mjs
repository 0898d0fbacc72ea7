// What the heaviest frames of a scroll ran, from a Chromium trace recorded with V8's sampling
// profiler on (PROFILE_CATEGORY: `Profile` / `ProfileChunk` events, samples in the trace's clock):
// for the frames (FireAnimationFrame to the next) with the most main-thread CPU of one kind, that
// frame's split by kind, its trace events with the most CPU self time, and the functions the
// samples in it were in (self time, and our bundle's functions inclusive). Pure, so it runs on a
// saved trace too: node scripts/bench/lib/frameProfile.mjs trace.json [--kind script] [--top 5]
import { selfTimes } from './frameTrace.mjs';

export const PROFILE_CATEGORY = 'disabled-by-default-v8.cpu_profiler';

/** The samples of the profile taken on process `pid`: `{ ts, ms, stack }`, innermost frame first. */
export function profileSamples(traceEvents, pid) {
  const nodes = new Map();
  const samples = [];
  const starts = new Map();
  for (const e of traceEvents) if (e.name === 'Profile' && e.pid === pid) starts.set(e.id, e.args?.data?.startTime ?? e.ts);
  const at = new Map(starts);
  for (const e of traceEvents) {
    if (e.name !== 'ProfileChunk' || !at.has(e.id)) continue;
    const data = e.args?.data ?? {};
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(`${e.id}:${n.id}`, { frame: n.callFrame, parent: n.parent === undefined ? undefined : `${e.id}:${n.parent}` });
    const ids = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    let ts = at.get(e.id);
    for (let i = 0; i < ids.length; i++) {
      ts += deltas[i] ?? 0;
      samples.push({ ts, node: `${e.id}:${ids[i]}` });
    }
    at.set(e.id, ts);
  }
  const stackOf = (key) => {
    const out = [];
    for (let n = nodes.get(key); n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) out.push(n.frame);
    return out;
  };
  samples.sort((a, b) => a.ts - b.ts);
  // a sample stands for the time to the next one, but no more than 4 sampling intervals: on a loaded
  // machine the gaps are the thread waiting for a core, not time in the sampled function
  const gaps = samples.slice(1).map((s, i) => s.ts - samples[i].ts).sort((a, b) => a - b);
  const cap = 4 * (gaps[Math.floor(gaps.length / 2)] ?? 0);
  return samples.map((s, i) => ({ ts: s.ts, ms: Math.min(cap, (samples[i + 1]?.ts ?? s.ts) - s.ts) / 1000, stack: stackOf(s.node) }));
}

const fnName = (f) => `${f.functionName || '(anonymous)'}${f.url ? ` ${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}` : ''}`;

/** Self time (ms) by function, and inclusive time of the functions in `ours` (a URL test), of samples in [from, to). */
export function functionsIn(samples, from, to, ours = (url) => /\/(results|chunks)\/[^/]*\.js/.test(url)) {
  const self = new Map();
  const incl = new Map();
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i];
    if (s.ts < from || s.ts >= to) continue;
    const { ms } = s;
    const top = s.stack[0];
    if (!top || top.functionName === '(idle)') continue;
    self.set(fnName(top), (self.get(fnName(top)) ?? 0) + ms);
    const seen = new Set();
    for (const f of s.stack) {
      if (!ours(f.url ?? '')) continue;
      const k = fnName(f);
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + ms);
    }
  }
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]);
  return { self: sorted(self), inclusive: sorted(incl) };
}

/**
 * The `top` frames of the main thread `main` (`pid:tid`) with the most CPU of `kind`: per frame its
 * index, CPU split, busiest trace events and sampled functions.
 */
export function heaviestFrames(traceEvents, { kind = 'script', top = 5 } = {}) {
  const byThread = new Map();
  const names = new Map();
  for (const e of traceEvents) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === 'M' && e.name === 'thread_name') names.set(key, e.args?.name);
    else if (e.ph === 'X' || e.ph === 'B' || e.ph === 'E') (byThread.get(key) ?? byThread.set(key, []).get(key)).push(e);
  }
  const rafs = (key) => byThread.get(key).filter((e) => e.name === 'FireAnimationFrame').length;
  const main = [...byThread.keys()].filter((k) => names.get(k) === 'CrRendererMain').sort((a, b) => rafs(b) - rafs(a))[0];
  if (!main) throw new Error('no renderer main thread in the trace');
  const events = byThread.get(main);
  // a frame starts with the top-level task that runs its FireAnimationFrame (frameTrace.mjs's frameCpu)
  const starts = [];
  let task = { ts: -Infinity, end: -Infinity };
  for (const e of events.filter((x) => x.ph === 'X').sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
    if (e.ts >= task.end) task = { ts: e.ts, end: e.ts + e.dur };
    if (e.name === 'FireAnimationFrame' && starts.at(-1) !== task.ts) starts.push(task.ts);
  }
  const samples = profileSamples(traceEvents, Number(main.split(':')[0]));
  const frames = [];
  for (let i = 1; i < starts.length; i++) {
    const inside = events.filter((e) => e.ts >= starts[i - 1] && e.ts < starts[i]);
    frames.push({ frame: i, from: starts[i - 1], to: starts[i], ...selfTimes(inside) });
  }
  const heaviest = [...frames].sort((a, b) => b.cpu[kind] - a.cpu[kind]).slice(0, top);
  return { samples: samples.length, frames: frames.length, heaviest: heaviest.map((f) => ({ ...f, functions: functionsIn(samples, f.from, f.to) })) };
}

/**
 * The idle callbacks the renderer main thread of the scroll ran (the one with the most animation
 * frames), CPU ms each: in the workbench, its storage flush every 5 s (issue #21, s15).
 */
export function idleCallbacks(traceEvents) {
  const rafs = new Map();
  for (const e of traceEvents) if (e.name === 'FireAnimationFrame') rafs.set(`${e.pid}:${e.tid}`, (rafs.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = [...rafs].sort((a, b) => b[1] - a[1])[0]?.[0];
  return traceEvents.filter((e) => e.name === 'FireIdleCallback' && e.ph === 'X' && `${e.pid}:${e.tid}` === main).map((e) => (e.tdur ?? 0) / 1000);
}

/** Lines for a report. */
export function describeHeaviest(h, kind = 'script') {
  const ms = (xs, n) => xs.slice(0, n).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ');
  const lines = [`${h.frames} frames, ${h.samples} profile samples; the frames with the most ${kind} CPU:`];
  for (const f of h.heaviest) {
    const split = Object.entries(f.cpu).filter(([, v]) => v >= 0.05).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ');
    lines.push(`  frame ${f.frame} (${((f.to - f.from) / 1000).toFixed(1)} ms): CPU ${split}`);
    lines.push(`    events (self CPU): ${f.top.slice(0, 6).map(([n, v]) => `${n} ${v.toFixed(2)}`).join(', ')}`);
    lines.push(`    sampled, self: ${ms(f.functions.self, 8)}`);
    lines.push(`    sampled, ours inclusive: ${ms(f.functions.inclusive, 8)}`);
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { readFileSync } = await import('node:fs');
  const arg = (n, d) => (process.argv.includes(`--${n}`) ? process.argv[process.argv.indexOf(`--${n}`) + 1] : d);
  const trace = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  const kind = arg('kind', 'script');
  for (const l of describeHeaviest(heaviestFrames(trace.traceEvents ?? trace, { kind, top: Number(arg('top', 5)) }), kind)) console.log(l);
}
