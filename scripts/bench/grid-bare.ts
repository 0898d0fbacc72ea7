// Issue #21's scroll row without the workbench: the results page's real bundle (dist/webview, as
// the build makes it) in a bare page of the same headless Chromium, fed a generated result by
// message, scrolled by webview-grid.mjs's probe (200 px per animation frame) under a Chromium trace.
// Prints the renderer main thread's CPU per frame by kind (lib/frameTrace.mjs) and the compositor's
// and raster threads'. In the workbench the webview shares the workbench's renderer, main thread
// and layer tree (webview-grid.mjs), whose share of each frame hides a change to the grid of a few
// tenths of a millisecond on a shared machine; here only the grid is in the page.
// A/B: `--dist a,b` (two builds' dist/webview), `--css 'rule'` (extra CSS, a variant beside the
// plain page; repeatable), alternating in rounds, one page per pass. `--profile N`: V8's sampling
// profiler runs in the trace too, and each pass prints its N frames with the most script CPU and
// the functions sampled in them (lib/frameProfile.mjs; the traces kept in artifacts/). `--heap`:
// instead of the trace, what the pass allocates in Blink's heap (Oilpan: DOM, style, layout objects)
// per frame, from memory-infra dumps before and after it (lib/blinkHeap.mjs), and its major GCs.
// `node --import tsx scripts/bench/grid-bare.ts [--rows 100000] [--cols 20] [--rounds 3] [--dist d1,d2] [--css '…'] [--profile 3] [--heap] [--frames 240]`
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { loadavg } from 'node:os';
import type { Browser, Route } from 'playwright-core';
import { generateResult } from '../../src/results/devResults';

// ES modules with top-level await: imported at run time (tsx runs this file as CommonJS)
type FrameTrace = typeof import('./lib/frameTrace.mjs');
type Split = ReturnType<FrameTrace['traceSplit']>;
type FrameProfile = typeof import('./lib/frameProfile.mjs');
const root = join(__dirname, '..', '..');

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const ROWS = Number(arg('rows') ?? 100_000);
const COLS = Number(arg('cols') ?? 20);
const ROUNDS = Number(arg('rounds') ?? 3);
const FRAMES = Number(arg('frames') ?? 240);
const dists = (arg('dist') ?? join(root, 'dist', 'webview')).split(',');
const PROFILE = Number(arg('profile') ?? 0);
const HEAP = process.argv.includes('--heap');
const extraCss = process.argv.flatMap((a, i) => (process.argv[i - 1] === '--css' ? [a] : []));

interface Variant {
  label: string;
  dist: string;
  css: string;
}
const variants: Variant[] = dists.flatMap((dist, d) => ['', ...extraCss].map((css) => ({ label: `${dists.length > 1 ? `dist ${d + 1}` : 'page'}${css ? ` + ${css}` : ''}`, dist, css })));
for (const v of variants) if (!existsSync(join(v.dist, 'results', 'main.js'))) throw new Error(`no results/main.js in ${v.dist} (node scripts/build.mjs)`);

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.ttf': 'font/ttf' };

/** The page: the webview's shell (no CSP: nothing else is loaded) with VS Code's API stubbed. */
const page = (css: string): string => `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<link rel="stylesheet" href="/results/main.css"><style>body{margin:0;height:100vh}${css}</style></head>
<body><div id="app"></div>
<script>window.acquireVsCodeApi = () => ({ postMessage() {}, setState() {}, getState() { return undefined; } });</script>
<script type="module" src="/results/main.js"></script></body></html>`;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

type Heap = Awaited<ReturnType<typeof import('./lib/blinkHeap.mjs')['measureHeap']>>;

async function pass(browser: Browser, traceSplit: FrameTrace['traceSplit'], v: Variant, result: string, profile?: FrameProfile): Promise<Split | Heap> {
  const p = await browser.newPage({ viewport: { width: 1100, height: 820 } });
  try {
    await p.route('http://grid.test/**', (route: Route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/') return route.fulfill({ contentType: 'text/html', body: page(v.css) });
      if (path === '/result.json') return route.fulfill({ contentType: 'application/json', body: result });
      const file = join(v.dist, path);
      return existsSync(file) ? route.fulfill({ contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) }) : route.fulfill({ status: 404 });
    });
    p.on('pageerror', (e: Error) => console.log(`  page error: ${e.message}`));
    await p.goto('http://grid.test/');
    await p.waitForFunction(() => document.querySelector('#app') !== null);
    // as the host posts it (a structured clone of the parsed result)
    await p.evaluate(async () => {
      const r: unknown = await (await fetch('/result.json')).json();
      window.postMessage({ kind: 'tabOpen', tab: { id: 't1', label: 'Result', title: 'Result' } }, '*');
      window.postMessage({ kind: 'tabActivate', tabId: 't1' }, '*');
      window.postMessage({ kind: 'result', tabId: 't1', result: r }, '*');
    });
    await p.waitForSelector('.grid-body .row', { timeout: 300_000 });
    const probe = (frames: number) =>
      p.evaluate(async (n: number) => {
        const el = document.querySelector('.grid-scroll')!;
        for (let i = 0; i < n; i++) {
          await new Promise((r) => requestAnimationFrame(r));
          el.scrollTop += 200;
          el.dispatchEvent(new Event('scroll'));
          void document.body.offsetHeight;
        }
      }, frames);
    await probe(30); // warm-up: the code optimised, the first rows' texts shaped
    if (HEAP) return await (await import('./lib/blinkHeap.mjs')).measureHeap(browser, p, () => probe(FRAMES));
    const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'v8'];
    await browser.startTracing(p, { categories: profile ? [...categories, profile.PROFILE_CATEGORY] : categories });
    let trace: Buffer;
    try {
      await probe(FRAMES);
    } finally {
      trace = await browser.stopTracing();
    }
    const events = JSON.parse(trace.toString('utf8')).traceEvents;
    if (profile) {
      mkdirSync(join(root, 'artifacts'), { recursive: true });
      writeFileSync(join(root, 'artifacts', `grid-bare-profile-${v.label.replace(/\W+/g, '')}.json`), trace);
      for (const line of profile.describeHeaviest(profile.heaviestFrames(events, { top: PROFILE }))) console.log(`  ${v.label}: ${line}`);
    }
    return traceSplit(events);
  } finally {
    await p.close();
  }
}

async function main(): Promise<void> {
  const { KINDS, traceSplit } = await import('./lib/frameTrace.mjs');
  const profile = PROFILE > 0 ? await import('./lib/frameProfile.mjs') : undefined;
  const { launchBrowser } = (await import('../../test/support/host.mjs')) as { launchBrowser: () => Promise<Browser> };
  const result = JSON.stringify(generateResult({ rows: ROWS, cols: COLS, seed: 100 }));
  const browser = await launchBrowser();
  const runs = new Map<string, Split[]>(variants.map((v) => [v.label, []]));
  const heaps = new Map<string, Heap[]>(variants.map((v) => [v.label, []]));
  try {
    console.log(`grid in a bare page: ${ROWS} × ${COLS}, ${FRAMES} frames of 200 px, ${ROUNDS} rounds of ${variants.length} variants alternating`);
    for (let round = 0; round < ROUNDS; round++) {
      for (const v of variants) {
        const out = await pass(browser, traceSplit, v, result, profile);
        if ('blinkGcBytes' in out) {
          heaps.get(v.label)!.push(out);
          console.log(`  round ${round + 1}, ${v.label}: ${describeHeap(out)}; load ${loadavg()[0].toFixed(1)}`);
          continue;
        }
        const s = out;
        runs.get(v.label)!.push(s);
        const busy = KINDS.reduce((a, k) => a + s.cpu[k], 0);
        console.log(`  round ${round + 1}, ${v.label}: main thread CPU per frame ${busy.toFixed(2)} ms (${KINDS.map((k) => `${k} ${s.cpu[k].toFixed(2)}`).join(', ')}), frame p95 ${s.frameCpu.p95.toFixed(1)}; ${s.others.map((t) => `${t.thread} ${t.ms.toFixed(2)}`).join(', ')}; load ${loadavg()[0].toFixed(1)}`);
      }
    }
  } finally {
    await browser.close();
  }
  if (HEAP) {
    console.log('medians of the rounds, Blink heap (Oilpan) allocated per frame:');
    for (const [label, hs] of heaps) console.log(`  ${label}: ${(median(hs.map((h) => h.blinkGcBytes)) / FRAMES / 1024).toFixed(1)} KiB (runs with a major GC in the pass: ${hs.filter((h) => h.majorGcs > 0).length} of ${hs.length})`);
    return;
  }
  console.log('medians of the rounds, CPU ms per frame:');
  for (const [label, rs] of runs) {
    const m = (f: (s: Split) => number) => median(rs.map(f)).toFixed(2);
    console.log(`  ${label}: main thread ${m((s) => KINDS.reduce((a, k) => a + s.cpu[k], 0))} (${KINDS.map((k) => `${k} ${m((s) => s.cpu[k])}`).join(', ')}); busiest other threads ${m((s) => s.others.reduce((a, t) => a + t.ms, 0))}`);
  }
}

function describeHeap(h: Heap): string {
  const gc = h.majorGcs ? ` (${h.majorGcs} major GC in the pass: the growth is not its allocation)` : '';
  return `Blink heap (Oilpan) +${(h.blinkGcBytes / FRAMES / 1024).toFixed(1)} KiB per frame${gc}, ${(h.after.blinkGcBytes / 1048576).toFixed(1)} MB after; layout objects ${h.before.layoutObjects} → ${h.after.layoutObjects}, nodes ${h.before.nodes} → ${h.after.nodes}; V8 heap ${((h.after.v8Bytes ?? 0) / 1048576).toFixed(1)} MB; most per frame: ${h.classes.map((c) => `${c.name.slice(0, 40)} ${(c.bytes / FRAMES / 1024).toFixed(1)}`).join(', ')} KiB`;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
