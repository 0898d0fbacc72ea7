// What a scroll allocates in Blink's heap (Oilpan: DOM, style and layout objects), which V8's
// sampling heap profiler (grid-alloc.mjs) does not see. Chromium's memory-infra dumps give, per
// renderer, the bytes of Oilpan's allocated objects (`blink_gc/main/allocated_objects`: live objects
// and the garbage not yet collected) and Blink's object counts (`blink_objects/LayoutObject`, …).
// Between two dumps with no major GC in between (Oilpan is collected with V8's major GC only), the
// growth of `allocated_objects` is what the page allocated there. `heapDumps` and `heapDelta` are
// pure (unit-tested: test/unit/build/blinkHeap.test.ts); `measureHeap` dumps between steps.

export const HEAP_CATEGORIES = ['disabled-by-default-memory-infra', 'disabled-by-default-v8.gc'];

const hex = (attr) => (attr?.value === undefined ? undefined : parseInt(attr.value, 16));

/**
 * Per memory dump (trace order), per renderer (pid): Oilpan's allocated bytes, Blink's layout objects
 * and nodes, and V8's main heap allocated bytes; `majorGcs` of that pid (mark-compacts) before the
 * dump. Processes without Oilpan (browser, GPU) are left out.
 */
export function heapDumps(traceEvents) {
  const dumps = [];
  const majors = [];
  for (const e of traceEvents) if (e.ph === 'X' && e.name === 'V8.GC_MARK_COMPACTOR') majors.push(e);
  for (const e of traceEvents) {
    const a = e.ph === 'v' ? e.args?.dumps?.allocators : undefined;
    const blink = hex(a?.['blink_gc/main/allocated_objects']?.attrs?.size);
    if (blink === undefined) continue;
    dumps.push({
      pid: e.pid,
      ts: e.ts,
      blinkGcBytes: blink,
      layoutObjects: hex(a['blink_objects/LayoutObject']?.attrs?.object_count),
      nodes: hex(a['blink_objects/Node']?.attrs?.object_count),
      v8Bytes: hex(a['v8/main/heap']?.attrs?.allocated_objects_size),
      majorGcs: majors.filter((m) => m.pid === e.pid && m.ts < e.ts).length,
      classes: classBytes(a),
    });
  }
  return dumps;
}

const CLASS_PREFIX = 'blink_objects/blink_gc/main/';

/** Oilpan's bytes by class (`blink::LayoutResult (0x101)` → `LayoutResult`). */
function classBytes(allocators) {
  const out = new Map();
  for (const [key, v] of Object.entries(allocators)) {
    if (!key.startsWith(CLASS_PREFIX)) continue;
    const bytes = hex(v.attrs?.size);
    if (bytes !== undefined) out.set(key.slice(CLASS_PREFIX.length).replace(/ \(0x[0-9a-f]+\)$/, '').replace(/^blink::/, ''), bytes);
  }
  return out;
}

/**
 * What `step` allocates in the page's renderer (of a Playwright `browser`): a dump, then `steps`
 * times `step()` and a dump. Returns `heapDelta` of the renderer's dumps.
 */
export async function measureHeap(browser, steps, step) {
  const session = await browser.newBrowserCDPSession();
  const events = [];
  session.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const complete = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
  await session.send('Tracing.start', { traceConfig: { includedCategories: HEAP_CATEGORIES, memoryDumpConfig: { triggers: [] } }, transferMode: 'ReportEvents' });
  const dump = () => session.send('Tracing.requestMemoryDump', { deterministic: false, levelOfDetail: 'detailed' });
  try {
    await dump();
    for (let i = 0; i < steps; i++) {
      await step();
      await dump();
    }
  } finally {
    await session.send('Tracing.end');
    await complete;
    await session.detach();
  }
  return heapDelta(heapDumps(events));
}

/**
 * The dumps of the renderer with the most layout objects (the page's: a browser's spare renderers
 * have few) and what Oilpan allocated between consecutive ones, summed over the intervals with no
 * major GC (one frees garbage, so its interval's growth is not the allocation): `blinkGcBytes` over
 * `clean` of `intervals`, and the `top` classes that grew most in them.
 */
export function heapDelta(dumps, top = 8) {
  const byPid = new Map();
  for (const d of dumps) byPid.set(d.pid, [...(byPid.get(d.pid) ?? []), d]);
  const [own] = [...byPid.values()].sort((a, b) => (b.at(-1).layoutObjects ?? 0) - (a.at(-1).layoutObjects ?? 0));
  if (!own || own.length < 2) throw new Error('no two memory dumps of a renderer (memory-infra tracing)');
  let blinkGcBytes = 0;
  let clean = 0;
  const classes = new Map();
  for (let i = 1; i < own.length; i++) {
    const [a, b] = [own[i - 1], own[i]];
    if (b.majorGcs !== a.majorGcs) continue;
    clean++;
    blinkGcBytes += b.blinkGcBytes - a.blinkGcBytes;
    for (const [name, bytes] of b.classes) classes.set(name, (classes.get(name) ?? 0) + bytes - (a.classes.get(name) ?? 0));
  }
  const grew = [...classes].map(([name, bytes]) => ({ name, bytes })).filter((c) => c.bytes > 0);
  grew.sort((x, y) => y.bytes - x.bytes);
  const [first, last] = [own[0], own.at(-1)];
  return { before: first, after: last, majorGcs: last.majorGcs - first.majorGcs, intervals: own.length - 1, clean, blinkGcBytes, classes: grew.slice(0, top) };
}
