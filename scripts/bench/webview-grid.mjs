#!/usr/bin/env node
// Benchmark of the results grid in the REAL webview (code-server + headless Chromium, the packaged
// extension), side by side with a naive full-DOM <table> of the same data in the same run:
//   first paint   palette Enter → first rows painted (end to end: generate in the extension host,
//                 post, decode, render), and message arrival → painted (inside the webview)
//   scroll        per frame, over N animation frames scrolling ~9 rows each: the script + layout
//                 work of one scroll step; the frame intervals from the rAF timestamps in whole
//                 vsync ticks (the row: p95 and the longest) and the rAF callbacks' intervals
//                 (p50, p95, the longest: the row until s10), and the vsync ticks skipped; this pass
//                 runs under a trace of V8's GC alone (lib/frameGc.mjs), which names the slow
//                 frames a GC ran in; the same probe on a trivial scroller is the floor; then a
//                 second pass under a Chromium trace
//                 (lib/frameTrace.mjs) for where the main thread's frame time goes: script, style,
//                 layout, paint (incl. layerizing), composite, GC (CPU and wall time per frame; the
//                 trace is saved to artifacts/grid-scroll-trace-*.json for DevTools)
//   memory        JS heap (CDP Runtime.getHeapUsage after a forced GC) and DOM nodes, as deltas
//                 over the workbench with no panel open
// Data: the dev results hook (HOGQL_DEV_RESULTS_FILE) with a generator spec, `naive: true` for the
// baseline. Usage: node scripts/bench/webview-grid.mjs [--rows 100000] [--cols 20] [--runs 3] [--no-naive]
// (--no-naive skips the naive table, which takes minutes: for iterating, not for reporting)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { numberArg, startGridBench } from './lib/gridBench.mjs';
import { root, waitFor } from '../../test/support/host.mjs';
import { findWebviewFrame, focusWorkbench } from '../../test/support/workbench.mjs';
import { reportRow } from './lib/rows.mjs';
import { describeSlow, describeSplit, KINDS, TRACE_CATEGORIES, traceSplit } from './lib/frameTrace.mjs';
import { idleCallbacks } from './lib/frameProfile.mjs';
import { describeGc, frameMark, frameStats, GC_CATEGORIES, gcByFrame, majorPhases } from './lib/frameGc.mjs';

const ROWS = numberArg('rows', 100_000);
const COLS = numberArg('cols', 20);
const RUNS = numberArg('runs', 3);
const FRAMES = 240;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))];
const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;

/** Runs a palette command; resolves with the epoch ms at which Enter was pressed. */
async function palette(page, title) {
  await focusWorkbench(page);
  await page.keyboard.press('F1');
  const input = '.quick-input-widget .quick-input-box input';
  await page.waitForSelector(input, { state: 'visible' });
  await page.keyboard.type(title);
  const row = '.quick-input-widget .quick-input-list .monaco-list-row.focused .label-name';
  await waitFor(async () => ((await page.textContent(row).catch(() => '')) ?? '').replace(/\s+/g, ' ').trim() === title, 15_000, title);
  const t0 = Date.now();
  await page.keyboard.press('Enter');
  await page.waitForSelector(input, { state: 'hidden' });
  return t0;
}

async function heap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const nodes = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'Nodes')?.value ?? 0;
  return { usedSize, nodes };
}

/**
 * Scrolls the result's scroller by `step` px per animation frame: per-frame work, the callback
 * times and the rAF timestamps (frameStats), a `performance.mark` per frame (lib/frameGc.mjs).
 */
async function scrollProbe(frame, naive) {
  const r = await frame.evaluate(
    async ({ frames, naive, budgetMs, markPrefix }) => {
      const started = performance.now();
      const el = document.querySelector(naive ? '.main' : '.grid-scroll');
      const work = [];
      const times = [];
      const frameTimes = [];
      for (let i = 0; i < frames && performance.now() - started < budgetMs; i++) {
        frameTimes.push(await new Promise((r) => requestAnimationFrame(r)));
        const t0 = performance.now();
        performance.mark(`${markPrefix}${i}`);
        times.push(t0);
        el.scrollTop += 200;
        el.dispatchEvent(new Event('scroll'));
        void document.body.offsetHeight;
        work.push(performance.now() - t0);
      }
      performance.clearMarks();
      return { work, times, frameTimes, end: el.scrollTop };
    },
    // The naive table can take seconds per frame: fewer frames and a time budget.
    { frames: naive ? 20 : FRAMES, naive, budgetMs: 60_000, markPrefix: frameMark(0).slice(0, -1) },
  );
  return { ...r, stats: frameStats(r.times, r.frameTimes) };
}

/**
 * The same probe on a trivial scroller (one tall block, nothing to render) in a page of its own of
 * the same browser: the floor of the frame interval in this environment (headless Chromium, no
 * GPU), which no content can go under. Measured quietly on 2026-12-06: p95 17.8–18.0 ms, not 16.7.
 * Why (issue #21, 2026-12-06): headless Chromium without a GPU begins frames from a 60 Hz timer;
 * the ticks themselves are exact (the rAF timestamps step 16.67 ms ± 0.1, a skipped tick only when
 * a frame is late), but the callbacks run 1-3 ms either side of their tick, so their intervals
 * jitter around 16.7 and the p95 of any page sits at 17-19 ms. Flags tried on the trivial scroller
 * (load ~4): --disable-gpu-vsync p95 17.9 (default 19.0, within noise), --run-all-compositor-
 * stages-before-draw 18.8, SwiftShader GL 21.9 (worst 111), --disable-frame-rate-limit unpaced
 * (p50 0.4 ms: no longer a frame interval). The trace's per-frame `PipelineReporter` states are
 * no substitute here: of 477 frames only 40 reported presented. So the row (since s11) is the rAF
 * timestamps' intervals in whole ticks, which the jitter does not reach but a late frame does (a
 * scratch grid slowed by a 12 ms busy loop per render: p95 100 ms, NOT met; docs/testing.md), with
 * the callback intervals and the floor's printed beside it.
 */
async function floorProbe(browser) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.setContent('<div class="grid-scroll" style="height:700px;overflow:auto"><div style="height:3000000px">x</div></div>');
    return (await scrollProbe(page, false)).stats;
  } finally {
    await page.close();
  }
}

/** The GC share of the slow frames, over the runs (for the row's note). */
function gcNote(runs) {
  const g = runs.filter((r) => r.gc);
  if (!g.length) return '';
  const sum = (k) => g.reduce((a, r) => a + r.gc[k], 0);
  return ` (frames over 25 ms with a GC pause in them: ${sum('paused')} of ${sum('slow')}; longest major GC pause ${Math.max(...g.map((r) => r.gc.major)).toFixed(1)} ms, CPU ${Math.max(...g.map((r) => r.gc.majorCpu)).toFixed(1)} ms)`;
}

/** The rAF timestamps' view of a probe: frames begun a vsync tick (or more) late. */
const ticks = (st) => `rAF frame times: ${st.lateFrames} frames begun late, ${st.skippedTicks} vsync ticks skipped`;

/**
 * The measured pass, under a trace of V8's GC only (recorded only while a GC runs): which frames a
 * GC ran in (lib/frameGc.mjs).
 */
async function gcTracedProbe(browser, page, frame, label) {
  await browser.startTracing(page, { categories: GC_CATEGORIES });
  let trace;
  let scroll;
  try {
    scroll = await scrollProbe(frame, false);
  } finally {
    trace = await browser.stopTracing();
  }
  writeFileSync(join(root, 'artifacts', `grid-gc-trace-${label.replace(/\W+/g, '')}.json`), trace);
  const events = JSON.parse(trace.toString('utf8')).traceEvents;
  return { scroll, gc: gcByFrame(events), phases: majorPhases(events) };
}

/**
 * A second scroll pass under a Chromium trace (not the measured one: tracing costs time): where the
 * main thread's frame time goes. Saves the trace to artifacts/ for DevTools' Performance panel.
 */
async function tracedSplit(browser, page, frame, label) {
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  let trace;
  try {
    await scrollProbe(frame, false);
  } finally {
    trace = await browser.stopTracing();
  }
  const file = join(root, 'artifacts', `grid-scroll-trace-${label.replace(/\W+/g, '')}.json`);
  writeFileSync(file, trace);
  const events = JSON.parse(trace.toString('utf8')).traceEvents;
  const s = traceSplit(events);
  s.idle = idleCallbacks(events);
  console.log(`  ${label}: traced pass, ${describeSplit(s)}`);
  // the workbench's storage flush (every 5 s) runs in one: what the page stores adds to it
  console.log(`  ${label}: traced pass, idle callbacks on the main thread (the workbench's storage flush), CPU ms: ${s.idle.map((ms) => ms.toFixed(2)).join(', ') || 'none'}`);
  console.log(`  ${label}: traced pass, ${describeSlow(s)}`);
  console.log(`  ${label}: top events per frame (ms): ${s.top.slice(0, 8).map((t) => `${t.name} ${t.ms.toFixed(2)}`).join(', ')}; other threads: ${s.others.map((t) => `${t.thread} ${t.ms.toFixed(2)}`).join(', ')}`);
  return s;
}

async function measure(browser, page, cdp, devFile, spec, label) {
  await palette(page, 'View: Close All Editors');
  await waitFor(async () => !page.frames().some((f) => f.url().includes('/webview/')), 30_000, 'webviews closed');
  const base = await heap(cdp);
  writeFileSync(devFile, JSON.stringify({ generate: spec }));
  const t0 = await palette(page, 'PostHog: Open Results Panel');
  const id = `generated-${spec.rows}x${spec.cols}-${spec.seed}${spec.naive ? '-naive' : ''}`;
  const frame = await findWebviewFrame(page, `#app[data-query-id="${id}"]`, 600_000);
  // first rows painted (a big result streams: the rest follows; data-complete once all are in)
  await frame.waitForSelector('#app[data-complete]', { timeout: 600_000 });
  const d = await frame.$eval('#app', (a) => ({ renderMs: Number(a.dataset.renderMs), renderedAt: Number(a.dataset.renderedAt), sentAt: Number(a.dataset.sentAt), completeAt: Number(a.dataset.completeAt) }));
  const after = await heap(cdp);
  const r = { label, e2eMs: d.renderedAt - t0, postMs: d.renderedAt - d.sentAt, webviewMs: d.renderMs, allMs: d.completeAt - d.sentAt, heap: after.usedSize - base.usedSize, nodes: after.nodes - base.nodes };
  console.log(`  ${label}: Enter→painted ${r.e2eMs} ms, host post→painted ${r.postMs} ms, message→painted (in webview) ${r.webviewMs} ms, host post→all rows in ${r.allMs} ms, JS heap +${mb(r.heap)}, DOM nodes +${r.nodes}`);
  try {
    const { scroll, gc, phases } = spec.naive ? { scroll: await scrollProbe(frame, true) } : await gcTracedProbe(browser, page, frame, label);
    const st = scroll.stats;
    Object.assign(r, { workP95: pct(scroll.work, 0.95), workMax: Math.max(...scroll.work), deltaP50: st.p50, deltaP95: st.p95, deltaMax: st.max, dropped: st.over25, lateFrames: st.lateFrames, skippedTicks: st.skippedTicks, vsyncP95: st.vsync.p95, vsyncMax: st.vsync.max });
    console.log(`  ${label}: ${scroll.work.length} frames, scroll work p95 ${r.workP95.toFixed(2)} ms (max ${r.workMax.toFixed(1)}), frame Δ (vsync ticks) p95 ${r.vsyncP95.toFixed(1)} ms (max ${r.vsyncMax.toFixed(1)}), callback Δ p50 ${r.deltaP50.toFixed(1)} / p95 ${r.deltaP95.toFixed(1)} ms (max ${r.deltaMax.toFixed(1)}), ${r.dropped} callback Δ > 25 ms; ${ticks(st)}`);
    if (gc) {
      console.log(`  ${label}: ${describeGc(gc)}`);
      for (const p of phases) console.log(`  ${label}: a major GC pause, ${p.ms.toFixed(1)} ms (CPU ${p.cpu.toFixed(1)}); its longest phases, CPU ms: ${p.phases.map((f) => `${f.name} ${f.ms.toFixed(1)}`).join(', ')}`);
      const slow = gc.filter((f) => f.ms > 25);
      r.gc = { slow: slow.length, paused: slow.filter((f) => f.major + f.minor + f.incremental >= 1).length, major: Math.max(0, ...gc.map((f) => f.major)), majorCpu: Math.max(0, ...gc.map((f) => f.majorCpu)) };
    }
    if (!spec.naive) r.split = await tracedSplit(browser, page, frame, label);
  } catch (e) {
    console.log(`  ${label}: scroll probe failed: ${e.message.split('\n')[0]}`);
  }
  return r;
}

async function main() {
  const { devFile, browser, page, cdp, close } = await startGridBench('bench-webview-grid', {});
  try {
    await cdp.send('Performance.enable');
    console.log(`webview grid: ${ROWS} rows × ${COLS} columns, ${RUNS} runs (virtual) + 1 (naive), ${FRAMES} scroll frames of 200 px`);
    const grid = [];
    for (let i = 0; i < RUNS; i++) grid.push(await measure(browser, page, cdp, devFile, { rows: ROWS, cols: COLS, seed: 100 + i }, `virtual #${i + 1}`));
    const scrolled = grid.filter((g) => g.deltaP95 !== undefined);
    if (scrolled.length) {
      // the frame interval's floor is the display's vsync (16.7 ms at 60 Hz): the baseline
      const traced = scrolled.filter((g) => g.split);
      const split = traced.length
        ? `; main thread per frame, CPU ms (median of runs): ${KINDS.map((k) => `${k} ${median(traced.map((g) => g.split.cpu[k])).toFixed(2)}`).join(', ')}` +
          `; CPU of one frame p95 ${median(traced.map((g) => g.split.frameCpu.p95)).toFixed(1)} ms, max ${Math.max(...traced.map((g) => g.split.frameCpu.max)).toFixed(1)} ms (traced passes)` +
          `; idle callbacks (the workbench's storage flush) ${traced.flatMap((g) => g.split.idle).map((ms) => ms.toFixed(1)).join(', ') || 'none'} ms CPU (traced passes)`
        : '';
      const floor = await floorProbe(browser);
      const med = (k) => median(scrolled.map((g) => g[k]));
      const worst = (k) => Math.max(...scrolled.map((g) => g[k]));
      console.log(`  floor: the same probe on a trivial scroller in this browser: frame Δ (vsync ticks) p95 ${floor.vsync.p95.toFixed(1)} ms (max ${floor.vsync.max.toFixed(1)}), callback Δ p50 ${floor.p50.toFixed(1)} / p95 ${floor.p95.toFixed(1)} ms (max ${floor.max.toFixed(1)}), ${floor.over25} callback Δ > 25 ms; ${ticks(floor)}`);
      console.log(`  grid vs floor: frame Δ (vsync ticks) p95 ${med('vsyncP95').toFixed(1)} vs ${floor.vsync.p95.toFixed(1)} ms, worst ${worst('vsyncMax').toFixed(1)} vs ${floor.vsync.max.toFixed(1)} ms; callback Δ p95 ${med('deltaP95').toFixed(1)} vs ${floor.p95.toFixed(1)} ms, worst ${worst('deltaMax').toFixed(1)} vs ${floor.max.toFixed(1)} ms, Δ > 25 ms ${med('dropped')} vs ${floor.over25}; vsync ticks skipped ${med('skippedTicks')} vs ${floor.skippedTicks} (grid: median of runs)`);
      // The row (since s11): the frames' intervals as the rAF timestamps give them, in whole vsync
      // ticks (a frame shown a tick late is 33.3 ms): the callback intervals beside it (the row until
      // s10), whose p95 no page here gets under 17 ms (the floor's), see docs/testing.md.
      reportRow({ id: 'scroll', value: med('vsyncP95'), max: worst('vsyncMax'), baseline: 1000 / 60, baselineLabel: 'one 60 Hz frame', note: `frame intervals from the rAF timestamps in vsync ticks: median of ${scrolled.length} runs' p95, worst frame ${worst('vsyncMax').toFixed(1)} ms, ${med('skippedTicks')} vsync ticks skipped (median), ${ROWS} × ${COLS}; callback intervals (the row until s10): p95 ${med('deltaP95').toFixed(1)} ms, worst ${worst('deltaMax').toFixed(1)} ms${gcNote(scrolled)}; this environment's floor (a trivial scroller, same browser, same probe): vsync-tick p95 ${floor.vsync.p95.toFixed(1)} ms (worst ${floor.vsync.max.toFixed(1)}, ${floor.skippedTicks} ticks skipped), callback p95 ${floor.p95.toFixed(1)} ms, worst ${floor.max.toFixed(1)} ms; script work p95 ${med('workP95').toFixed(2)} ms${split}; load ${loadavg()[0].toFixed(1)}` });
    }
    if (process.argv.includes('--no-naive')) {
      const m = (k) => median(grid.map((g) => g[k]));
      console.log(`\nmedian of virtual runs (no naive baseline): host post→painted ${m('postMs')} ms, message→painted ${m('webviewMs')} ms, host post→all rows ${m('allMs')} ms, scroll work p95 ${m('workP95')?.toFixed(2)} ms, frame Δ p95 ${m('deltaP95')?.toFixed(1)} ms, dropped ${m('dropped')}`);
      return;
    }
    const naive = await measure(browser, page, cdp, devFile, { rows: ROWS, cols: COLS, seed: 99, naive: true }, 'naive');
    const m = (k) => median(grid.map((g) => g[k]));
    console.log('\nmedian of virtual runs vs naive:');
    const ratio = (k) => `${(naive[k] / m(k)).toFixed(1)}×`;
    const f = (v, digits = 0) => (v === undefined ? 'n/a' : v.toFixed(digits));
    console.log(`  first paint, host post→painted ${m('postMs')} ms vs ${naive.postMs} ms → ${ratio('postMs')} faster (goals ≤ 300 ms, ≥ 20×)`);
    console.log(`  first paint, message→painted   ${m('webviewMs')} ms vs ${naive.webviewMs} ms → ${ratio('webviewMs')} faster (inside the webview)`);
    console.log(`  first paint, Enter→painted     ${m('e2eMs')} ms vs ${naive.e2eMs} ms → ${ratio('e2eMs')} faster (includes generating the data and creating the panel)`);
    console.log(`  all rows in, host post→painted ${m('allMs')} ms vs ${naive.allMs} ms → ${ratio('allMs')} faster`);
    console.log(`  scroll work per frame p95 ${f(m('workP95'), 2)} ms vs ${f(naive.workP95, 2)} ms (goal ≤ 16 ms); frame Δ p95 ${f(m('deltaP95'), 1)} ms vs ${f(naive.deltaP95, 1)} ms; dropped frames (Δ > 25 ms) ${m('dropped')} vs ${naive.dropped ?? 'n/a'}`);
    console.log(`  JS heap            +${mb(m('heap'))} vs +${mb(naive.heap)} → ${(naive.heap / m('heap')).toFixed(1)}×`);
    console.log(`  DOM nodes          +${m('nodes')} vs +${naive.nodes} → ${(naive.nodes / m('nodes')).toFixed(0)}×`);
  } finally {
    await close();
  }
}

await main();
