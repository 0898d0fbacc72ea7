// Where the frames of a scroll go, from a Chromium performance trace (the "devtools.timeline"
// categories DevTools' Performance panel records): main-thread self time of the renderer that ran
// the scroll, split into script / style / layout / paint / composite / GC / other, as DevTools
// splits it (a layout forced inside a script counts as layout, a GC inside a script as GC).
// `traceSplit(events)` is pure, so it runs on a saved trace too:
//   node scripts/bench/lib/frameTrace.mjs artifacts/grid-scroll-trace.json

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8',
  'blink.user_timing',
];

const KIND = {
  script: ['FunctionCall', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'RunMicrotasks', 'v8.compile', 'v8.compileModule', 'v8.run', 'V8.Execute', 'XHRReadyStateChange', 'FireIdleCallback', 'ResizeObserver', 'IntersectionObserverController::computeIntersections'],
  style: ['UpdateLayoutTree', 'RecalculateStyles', 'ParseAuthorStyleSheet', 'ScheduleStyleRecalculation', 'InvalidateLayout'],
  layout: ['Layout', 'LayoutInvalidationTracking', 'UpdateLayer', 'HitTest'],
  paint: ['Paint', 'PrePaint', 'PaintImage', 'PaintSetup', 'Layerize', 'RasterTask', 'Decode Image'],
  composite: ['CompositeLayers', 'Commit', 'UpdateLayerTree', 'ActivateLayerTree', 'DrawFrame'],
  gc: ['MinorGC', 'MajorGC', 'V8.GCScavenger', 'V8.GCFinalizeMC', 'V8.GCIncrementalMarking', 'V8.GC_MC_BACKGROUND_MARKING', 'BlinkGC.AtomicPhase', 'BlinkGC.IncrementalMarkingStep', 'BlinkGC.CompleteSweep', 'BlinkGC.LazySweepInIdle', 'ThreadState::performIdleLazySweep', 'GCEvent', 'MinorMS', 'V8.GC_SCAVENGER'],
};
const KIND_OF = new Map(Object.entries(KIND).flatMap(([k, names]) => names.map((n) => [n, k])));
// V8's GC phases nest inside MajorGC / MinorGC (V8.GC_MC_EVACUATE, …): GC too, not "other"
const kindOf = (name) => KIND_OF.get(name) ?? (name.startsWith('V8.GC') ? 'gc' : 'other');
export const KINDS = [...Object.keys(KIND), 'other'];

/**
 * `ph: 'X'` events plus B/E pairs turned into complete events, of one thread: wall time (`ts`,
 * `end`) and the thread's CPU time (`tts`, `tend`; on a loaded machine the wall time is mostly
 * waiting for a core, the CPU time is the work).
 */
function completeEvents(events) {
  const out = [];
  const open = [];
  for (const e of events) {
    if (e.ph === 'X' && typeof e.dur === 'number') out.push({ name: e.name, ts: e.ts, end: e.ts + e.dur, tts: e.tts ?? 0, tend: (e.tts ?? 0) + (e.tdur ?? 0) });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b) out.push({ name: b.name, ts: b.ts, end: e.ts, tts: b.tts ?? 0, tend: e.tts ?? b.tts ?? 0 });
    }
  }
  return out.sort((a, b) => a.ts - b.ts || b.end - a.end);
}

/**
 * Self time (ms) per kind of one thread's events, wall and CPU, each nested event's time taken from
 * its parent's; `top`: the event names with the most CPU self time.
 */
export function selfTimes(events) {
  const wall = Object.fromEntries(KINDS.map((k) => [k, 0]));
  const cpu = Object.fromEntries(KINDS.map((k) => [k, 0]));
  const names = new Map();
  const stack = [];
  const close = (upTo) => {
    while (stack.length && stack[stack.length - 1].end <= upTo) {
      const done = stack.pop();
      const kind = kindOf(done.name);
      const selfCpu = Math.max(0, done.tend - done.tts - done.childCpu) / 1000;
      wall[kind] += (done.end - done.ts - done.children) / 1000;
      cpu[kind] += selfCpu;
      names.set(done.name, (names.get(done.name) ?? 0) + selfCpu);
    }
  };
  for (const e of completeEvents(events)) {
    close(e.ts);
    const parent = stack[stack.length - 1];
    const end = parent ? Math.min(e.end, parent.end) : e.end;
    if (parent) {
      parent.children += end - e.ts;
      parent.childCpu += e.tend - e.tts;
    }
    stack.push({ ...e, end, children: 0, childCpu: 0 });
  }
  close(Infinity);
  const top = [...names].sort((a, b) => b[1] - a[1]).slice(0, 12);
  return { wall, cpu, top };
}

/**
 * The main thread's CPU time (ms) of each frame, from one `FireAnimationFrame` to the next (top-level
 * events only, so nested ones count once), and the worst frame's split by kind: what the longest
 * frames of a scroll are made of (a GC, a late style pass, a timer landing mid-scroll).
 */
function frameCpu(events, elsewhere = () => undefined) {
  // top-level events; a frame starts with the one holding its FireAnimationFrame (the task that
  // runs the frame: a RunTask around it, or the callback itself)
  const top = [];
  let end = -Infinity;
  for (const e of completeEvents(events)) {
    if (e.ts >= end) {
      top.push({ ...e, frame: false });
      end = e.end;
    }
    if (e.name === 'FireAnimationFrame') top[top.length - 1].frame = true;
  }
  const starts = top.filter((e) => e.frame).map((e) => e.ts);
  const ms = [];
  const slow = [];
  let worst = { frame: 0, ms: -1, from: 0, to: 0 };
  let at = 0;
  for (let i = 1; i < starts.length; i++) {
    let cpu = 0;
    let wall = 0;
    while (at < top.length && top[at].ts < starts[i - 1]) at++;
    for (; at < top.length && top[at].ts < starts[i]; at++) {
      cpu += (top[at].tend - top[at].tts) / 1000;
      wall += (Math.min(top[at].end, starts[i]) - top[at].ts) / 1000;
    }
    ms.push(cpu);
    if (cpu > worst.ms) worst = { frame: i, ms: cpu, from: starts[i - 1], to: starts[i] };
    const interval = (starts[i] - starts[i - 1]) / 1000;
    if (interval > SLOW_MS) slow.push({ ...slowFrame(i, interval, cpu, wall, events.filter((e) => e.ts >= starts[i - 1] && e.ts < starts[i])), ...elsewhere(starts[i - 1], starts[i]) });
  }
  const sorted = [...ms].sort((a, b) => a - b);
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0;
  const inWorst = events.filter((e) => e.ts >= worst.from && e.ts < worst.to);
  return { ms, p50: pct(0.5), p95: pct(0.95), max: sorted.at(-1) ?? 0, worst: { frame: worst.frame, cpu: selfTimes(inWorst).cpu }, slow };
}

/** A frame interval over this is a frame shown late (two 60 Hz ticks are 33.3 ms). */
const SLOW_MS = 33.4;

/**
 * What a frame interval over SLOW_MS was, from the main thread's side: `work` when its tasks' CPU
 * time alone exceeds a tick (then `kind`, the kind with most CPU: gc, paint, script, …);
 * `descheduled` when its tasks ran but waited for a core (their wall time minus CPU time) for at
 * least half the interval (a loaded machine); otherwise `idle`: the main thread had nothing to run
 * for most of it, so the frame was begun late elsewhere (compositor, browser or GPU process).
 */
function slowFrame(frame, ms, cpu, wall, events) {
  const split = selfTimes(events).cpu;
  const kind = Object.entries(split).sort((a, b) => b[1] - a[1])[0][0];
  const wait = Math.max(0, wall - cpu);
  const what = cpu > 1000 / 60 ? 'work' : wait >= ms / 2 ? 'descheduled' : 'idle';
  return { frame, ms, cpu, wait, idle: Math.max(0, ms - wall), what, kind, gc: split.gc };
}

/** The top-level events of one thread (nested ones inside them), in time order. */
function topLevel(events) {
  const top = [];
  let end = -Infinity;
  for (const e of completeEvents(events)) {
    if (e.ts < end) continue;
    top.push(e);
    end = e.end;
  }
  return top;
}

/**
 * What the other threads of the browser (every traced process: the renderer's compositor and
 * raster workers, the GPU process's display compositor, the browser's main thread) did during a
 * frame interval `[from, to)`: the busiest one's CPU time, and all of theirs. A frame begun late
 * while the renderer's main thread was idle was either work there, or nothing ran at all (the
 * whole browser waiting for a core: their CPU is a small part of the interval).
 */
function elsewhereIn(threads) {
  const tops = threads.map(({ thread, events }) => ({ thread, top: topLevel(events) }));
  return (from, to) => {
    let all = 0;
    let busiest = { thread: '', cpu: 0 };
    for (const { thread, top } of tops) {
      let cpu = 0;
      for (const e of top) {
        if (e.end <= from || e.ts >= to) continue;
        // the part of a task inside the interval, in proportion to its wall time
        const share = e.end > e.ts ? (Math.min(to, e.end) - Math.max(from, e.ts)) / (e.end - e.ts) : 1;
        cpu += ((e.tend - e.tts) * share) / 1000;
      }
      all += cpu;
      if (cpu > busiest.cpu) busiest = { thread, cpu };
    }
    return { elsewhere: busiest, othersCpu: all };
  };
}

/**
 * The split of the renderer main thread that ran `frames` animation frames of the scroll (the one
 * with the most `FireAnimationFrame` events), per frame. Also the busiest other threads of that
 * process (compositor, raster), whose time does not block the main thread.
 */
export function traceSplit(traceEvents) {
  const threads = new Map();
  const threadNames = new Map();
  const processNames = new Map();
  for (const e of traceEvents) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(key, e.args?.name ?? '');
    else if (e.ph === 'M' && e.name === 'process_name') processNames.set(String(e.pid), e.args?.name ?? '');
    else if (e.ph === 'X' || e.ph === 'B' || e.ph === 'E') {
      if (!threads.has(key)) threads.set(key, []);
      threads.get(key).push(e);
    }
  }
  const rafs = (evs) => evs.filter((e) => e.name === 'FireAnimationFrame').length;
  let main;
  for (const [key, evs] of threads) if (threadNames.get(key) === 'CrRendererMain' && (!main || rafs(evs) > rafs(threads.get(main)))) main = key;
  if (!main) throw new Error('no renderer main thread in the trace');
  const frames = Math.max(1, rafs(threads.get(main)));
  const { wall, cpu, top } = selfTimes(threads.get(main));
  const per = (totals) => Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, v / frames]));
  const pid = main.split(':')[0];
  const others = [...threads]
    .filter(([key]) => key !== main && key.startsWith(`${pid}:`))
    .map(([key, evs]) => ({ thread: threadNames.get(key) ?? key, ms: Object.values(selfTimes(evs).cpu).reduce((a, b) => a + b, 0) / frames }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3);
  const rest = [...threads]
    .filter(([key]) => key !== main)
    .map(([key, events]) => {
      const [p] = key.split(':');
      const proc = p === pid ? '' : `${processNames.get(p) || `pid ${p}`}/`;
      return { thread: `${proc}${threadNames.get(key) ?? key}`, events };
    });
  return { frames, wall: per(wall), cpu: per(cpu), top: top.map(([name, ms]) => ({ name, ms: ms / frames })), others, frameCpu: frameCpu(threads.get(main), elsewhereIn(rest)) };
}

const sum = (o) => Object.values(o).reduce((a, b) => a + b, 0);

/** One line: per-frame milliseconds of each kind on the main thread, CPU (wall in brackets). */
export function describeSplit(s) {
  const parts = KINDS.map((k) => `${k} ${s.cpu[k].toFixed(2)} (${s.wall[k].toFixed(2)})`).join(', ');
  const f = s.frameCpu;
  const worst = KINDS.filter((k) => f.worst.cpu[k] >= 0.05).map((k) => `${k} ${f.worst.cpu[k].toFixed(1)}`).join(', ');
  return (
    `${s.frames} frames traced, main thread per frame, CPU ms (wall): ${parts}; busy ${sum(s.cpu).toFixed(2)} (${sum(s.wall).toFixed(2)}); ` +
    `CPU of one frame p50 ${f.p50.toFixed(1)} / p95 ${f.p95.toFixed(1)} / max ${f.max.toFixed(1)} ms (worst, frame ${f.worst.frame}: ${worst})`
  );
}

/** One line: the frame intervals over 33 ms of a traced pass and what each was (slowFrame). */
export function describeSlow(s, list = 8) {
  const slow = s.frameCpu.slow;
  const n = (what) => slow.filter((f) => f.what === what).length;
  const away = (f) => (f.elsewhere?.thread ? `; elsewhere ${f.othersCpu.toFixed(1)}, most ${f.elsewhere.thread} ${f.elsewhere.cpu.toFixed(1)}` : '');
  const one = (f) => `#${f.frame} ${f.ms.toFixed(1)} ms ${f.what} (CPU ${f.cpu.toFixed(1)}, most ${f.kind}${f.gc >= 0.5 ? `, gc ${f.gc.toFixed(1)}` : ''}; waited ${f.wait.toFixed(1)}, idle ${f.idle.toFixed(1)}${away(f)})`;
  const worst = [...slow].sort((a, b) => b.ms - a.ms).slice(0, list);
  // begun late with every thread of the browser mostly idle too: nothing ran, all waited for a core
  const stalled = slow.filter((f) => f.what === 'idle' && f.othersCpu !== undefined && f.cpu + f.othersCpu < f.ms / 2).length;
  const idle = `${n('idle')} begun late with the main thread idle${slow.some((f) => f.othersCpu !== undefined) ? ` (${stalled} of them with the other threads of the browser idle too)` : ''}`;
  return `${slow.length} frame intervals over 33 ms: ${n('work')} over a tick of main-thread CPU, ${n('descheduled')} descheduled (waiting for a core), ${idle}${worst.length ? `; longest: ${worst.map(one).join(', ')}` : ''}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { readFileSync } = await import('node:fs');
  const trace = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  const s = traceSplit(trace.traceEvents ?? trace);
  console.log(describeSplit(s));
  console.log(describeSlow(s));
  console.log('top events by self time per frame (ms):', s.top.map((t) => `${t.name} ${t.ms.toFixed(2)}`).join(', '));
  console.log('other threads of that renderer per frame (ms):', s.others.map((t) => `${t.thread} ${t.ms.toFixed(2)}`).join(', '));
}
