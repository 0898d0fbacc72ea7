// The scroll bench's trace split (scripts/bench/lib/frameTrace.mjs): self time per kind, nested
// events taken out of their parents, on a hand-made trace.
import assert from 'node:assert/strict';

const load = () => import('../../../scripts/bench/lib/frameTrace.mjs');

const X = (name: string, ts: number, dur: number, tid = 1, tts = ts, tdur = dur) => ({ ph: 'X', name, ts, dur, tts, tdur, pid: 7, tid });

describe('bench: frame trace split', () => {
  it('gives a layout forced inside a script to layout, and the rest of the task to script', async () => {
    const { selfTimes } = await load();
    // a 10 ms rAF callback with a 3 ms forced layout and a 1 ms GC inside it (µs)
    const t = selfTimes([X('FireAnimationFrame', 0, 10_000), X('Layout', 2_000, 3_000), X('MinorGC', 6_000, 1_000), X('Paint', 12_000, 2_000)]);
    assert.deepEqual(
      Object.fromEntries(Object.entries(t.wall).filter(([, v]) => v)),
      { script: 6, layout: 3, gc: 1, paint: 2 },
    );
  });

  it('counts CPU time apart from wall time (a task descheduled half the time)', async () => {
    const { selfTimes } = await load();
    const t = selfTimes([X('Paint', 0, 4_000, 1, 0, 2_000), X('Commit', 5_000, 1_000, 1, 2_000, 1_000)]);
    assert.equal(t.wall.paint, 4);
    assert.equal(t.cpu.paint, 2);
    assert.equal(t.cpu.composite, 1);
  });

  it('splits the renderer main thread that ran the animation frames, per frame, B/E pairs included', async () => {
    const { traceSplit } = await load();
    const meta = (tid: number, name: string) => ({ ph: 'M', name: 'thread_name', pid: 7, tid, args: { name } });
    const events = [
      meta(1, 'CrRendererMain'),
      meta(2, 'CrRendererMain'),
      meta(3, 'Compositor'),
      X('FireAnimationFrame', 0, 2_000, 1),
      { ph: 'B', name: 'UpdateLayoutTree', ts: 2_000, tts: 2_000, pid: 7, tid: 1 },
      { ph: 'E', name: 'UpdateLayoutTree', ts: 3_000, tts: 3_000, pid: 7, tid: 1 },
      X('FireAnimationFrame', 16_000, 2_000, 1),
      X('FunctionCall', 0, 50_000, 2),
      X('DrawFrame', 0, 1_000, 3),
    ];
    const s = traceSplit(events);
    assert.equal(s.frames, 2);
    assert.equal(s.wall.script, 2, '4 ms of script over 2 frames, thread 2 not counted');
    assert.equal(s.wall.style, 0.5);
  });
});
