// grid-bare.ts --heap (scripts/bench/lib/blinkHeap.mjs): what a scroll allocates in Blink's heap,
// read from memory-infra dumps on hand-made traces.
import assert from 'node:assert/strict';

const load = () => import('../../../scripts/bench/lib/blinkHeap.mjs');

const scalar = (n: number) => ({ type: 'scalar', units: 'bytes', value: n.toString(16) });
/** A memory dump of renderer `pid`: Oilpan's allocated bytes, layout objects and bytes by class. */
const dump = (pid: number, ts: number, blink: number, layout: number, classes: Record<string, number> = {}) => ({
  ph: 'v',
  pid,
  ts,
  name: 'periodic_interval',
  args: {
    dumps: {
      allocators: {
        'blink_gc/main/allocated_objects': { attrs: { size: scalar(blink) } },
        'blink_objects/LayoutObject': { attrs: { object_count: scalar(layout) } },
        'blink_objects/Node': { attrs: { object_count: scalar(layout * 2) } },
        'v8/main/heap': { attrs: { size: scalar(1 << 20) } },
        ...Object.fromEntries(Object.entries(classes).map(([name, bytes], i) => [`blink_objects/blink_gc/main/blink::${name} (0x${i.toString(16)})`, { attrs: { size: scalar(bytes) } }])),
      },
    },
  },
});

describe('bench: Blink heap growth of a scroll (memory-infra dumps)', () => {
  it("takes the page's renderer (most layout objects), its growth and the classes that grew most", async () => {
    const { heapDumps, heapDelta } = await load();
    const events = [
      dump(1, 10, 5_000, 2), // a spare renderer
      dump(2, 10, 1_000_000, 900, { LogicalLineItems: 100, LayoutResult: 50, ComputedStyle: 70 }),
      { ph: 'X', name: 'V8.GC_SCAVENGER', pid: 2, tid: 1, ts: 20, dur: 1 },
      dump(1, 30, 5_000, 2),
      dump(2, 30, 1_500_000, 950, { LogicalLineItems: 400_100, LayoutResult: 20_050, ComputedStyle: 60, HitTestData: 7 }),
      { ph: 'v', pid: 3, ts: 30, args: { dumps: { allocators: {} } } }, // no Oilpan: the browser
    ];
    const dumps = heapDumps(events);
    assert.equal(dumps.length, 4);
    const d = heapDelta(dumps, 2);
    assert.equal(d.before.pid, 2);
    assert.equal(d.blinkGcBytes, 500_000);
    assert.equal(d.majorGcs, 0, 'a scavenge is not a major GC');
    assert.deepEqual(d.classes, [
      { name: 'LogicalLineItems', bytes: 400_000 },
      { name: 'LayoutResult', bytes: 20_000 },
    ]);
  });

  it('counts the major GCs between the dumps (the growth is then not the allocation)', async () => {
    const { heapDumps, heapDelta } = await load();
    const gc = (ts: number, pid = 2) => ({ ph: 'X', name: 'V8.GC_MARK_COMPACTOR', pid, tid: 1, ts, dur: 5 });
    const d = heapDelta(heapDumps([gc(1), dump(2, 10, 100, 5), gc(20), gc(21, 1), dump(2, 30, 50, 5)]));
    assert.equal(d.majorGcs, 1);
    assert.equal(d.blinkGcBytes, -50);
    assert.throws(() => heapDelta(heapDumps([dump(2, 10, 100, 5)])), /no two memory dumps/);
  });
});
