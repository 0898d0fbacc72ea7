// What a scroll allocates in Blink's heap (Oilpan: DOM, style and layout objects), which V8's
// sampling heap profiler (grid-alloc.mjs) does not see. Chromium's memory-infra dumps give, per
// renderer, the bytes of Oilpan's allocated objects (`blink_gc/main/allocated_objects`: live objects
// and the garbage not yet collected) and Blink's object counts (`blink_objects/LayoutObject`, …).
// Between two dumps with no major GC in between (Oilpan is collected with V8's major GC only), the
// growth of `allocated_objects` is what the page allocated there. `heapDumps` is pure (unit-tested:
// test/unit/build/blinkHeap.test.ts); `measureHeap` runs a step between two dumps.

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
 * What `step` allocated in the renderer of `page` (a Playwright page of `browser`): a full GC (V8
 * and Oilpan), a dump, `step()`, a dump. Returns the two dumps of the page's renderer (the one with
 * the most nodes) and the major GCs between them; `blinkGcBytes` growth means allocation only if 0.
 */
export async function measureHeap(browser, page, step) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const session = await browser.newBrowserCDPSession();
  const events = [];
  session.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const complete = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
  await session.send('Tracing.start', { traceConfig: { includedCategories: HEAP_CATEGORIES, memoryDumpConfig: { triggers: [] } }, transferMode: 'ReportEvents' });
  try {
    await session.send('Tracing.requestMemoryDump', { deterministic: false, levelOfDetail: 'detailed' });
    await step();
    await session.send('Tracing.requestMemoryDump', { deterministic: false, levelOfDetail: 'detailed' });
  } finally {
    await session.send('Tracing.end');
    await complete;
    await session.detach();
    await cdp.detach();
  }
  return heapDelta(heapDumps(events));
}

/**
 * The first and last dump of the renderer with the most layout objects (the page's: a browser's
 * spare renderers have few), what changed between them, and the `top` classes that grew most.
 */
export function heapDelta(dumps, top = 8) {
  const byPid = new Map();
  for (const d of dumps) byPid.set(d.pid, [...(byPid.get(d.pid) ?? []), d]);
  const [own] = [...byPid.values()].sort((a, b) => (b.at(-1).layoutObjects ?? 0) - (a.at(-1).layoutObjects ?? 0));
  if (!own || own.length < 2) throw new Error('no two memory dumps of a renderer (memory-infra tracing)');
  const [a, b] = [own[0], own.at(-1)];
  const grew = [...b.classes].map(([name, bytes]) => ({ name, bytes: bytes - (a.classes.get(name) ?? 0) })).filter((c) => c.bytes > 0);
  grew.sort((x, y) => y.bytes - x.bytes);
  return { before: a, after: b, majorGcs: b.majorGcs - a.majorGcs, blinkGcBytes: b.blinkGcBytes - a.blinkGcBytes, classes: grew.slice(0, top) };
}
