#!/usr/bin/env node
// Where the results grid's scroll allocates (issue #21's scroll row): opens a generated result in the
// real webview (as webview-grid.mjs does), forces a GC, then scrolls FRAMES animation frames of 200 px
// under V8's sampling heap profiler (every allocation sampled, also those a GC collected since) and
// prints the JS bytes allocated per frame by function. What a frame allocates is what brings the
// next GC (a scavenge; a major GC once the global limit is reached). Blink's own objects (DOM,
// layout: Oilpan) are not in it. Usage: node scripts/bench/grid-alloc.mjs [--rows 100000] [--cols 20]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { numberArg, startGridBench } from './lib/gridBench.mjs';
import { root, waitFor } from '../../test/support/host.mjs';
import { findWebviewFrame, runFromPalette } from '../../test/support/workbench.mjs';

const ROWS = numberArg('rows', 100_000);
const COLS = numberArg('cols', 20);
const FRAMES = 240;

/** Self bytes by function (name and script), from a sampling heap profile. */
export function allocationsByFunction(profile) {
  const out = new Map();
  const walk = (node) => {
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${(f.url || '').replace(/.*\//, '')}:${f.lineNumber + 1}`;
    const self = node.selfSize ?? 0;
    if (self) out.set(key, (out.get(key) ?? 0) + self);
    for (const c of node.children ?? []) walk(c);
  };
  walk(profile.head);
  return [...out].sort((a, b) => b[1] - a[1]);
}

async function main() {
  const { page, cdp, close } = await startGridBench('bench-grid-alloc', { generate: { rows: ROWS, cols: COLS, seed: 100 } });
  try {
    await runFromPalette(page, 'PostHog: Open Results Panel');
    const frame = await findWebviewFrame(page, '#app[data-complete]', 600_000);
    await waitFor(async () => (await frame.$('.grid-scroll .row')) !== null, 60_000, 'grid rows');
    await cdp.send('HeapProfiler.enable');
    // twice: the webview-grid bench's probe (it also dispatches a synthetic `scroll` and forces a
    // layout each frame), then plain `scrollTop` steps (what a scripted or held-key scroll does)
    for (const bench of [true, false]) {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.startSampling', { samplingInterval: 512, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
      const frames = await frame.evaluate(
        async ({ frames, bench }) => {
          const el = document.querySelector('.grid-scroll');
          for (let i = 0; i < frames; i++) {
            await new Promise((r) => requestAnimationFrame(r));
            el.scrollTop += 200;
            if (bench) {
              el.dispatchEvent(new Event('scroll'));
              void document.body.offsetHeight;
            }
          }
          return frames;
        },
        { frames: FRAMES, bench },
      );
      const { profile } = await cdp.send('HeapProfiler.stopSampling');
      const rows = allocationsByFunction(profile);
      const total = rows.reduce((a, [, b]) => a + b, 0);
      console.log(`grid scroll allocation (${bench ? "webview-grid's probe" : 'plain scrollTop steps'}): ${ROWS} × ${COLS}, ${frames} frames of 200 px, JS bytes sampled (every 512 B on average): ${(total / frames / 1024).toFixed(1)} KiB per frame; load ${loadavg()[0].toFixed(1)}`);
      for (const [name, bytes] of rows.slice(0, 15)) console.log(`  ${(bytes / frames / 1024).toFixed(2).padStart(8)} KiB/frame  ${name}`);
      writeFileSync(join(root, 'artifacts', `grid-alloc-${bench ? 'bench' : 'plain'}.heapprofile`), JSON.stringify(profile));
    }
  } finally {
    await close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
