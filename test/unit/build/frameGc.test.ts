// The scroll bench's measured pass (scripts/bench/lib/frameGc.mjs): frame intervals and skipped
// vsync ticks from the probe's times, and which frame intervals a GC ran in, on hand-made traces.
import assert from 'node:assert/strict';

const load = () => import('../../../scripts/bench/lib/frameGc.mjs');

const mark = (i: number, ts: number) => ({ ph: 'I', name: `grid-frame-${i}`, cat: 'blink.user_timing', ts, pid: 7, tid: 1 });
const X = (name: string, ts: number, dur: number, tid = 1, tdur = dur) => ({ ph: 'X', name, ts, dur, tdur, pid: 7, tid });

describe('bench: GC per frame of the measured scroll', () => {
  it('gives the callback intervals, the frames over 25 ms and the vsync ticks the frame times skipped', async () => {
    const { frameStats } = await load();
    const tick = 1000 / 60;
    // callbacks jitter around their ticks; the third frame is begun two ticks late
    const s = frameStats([0, 18, 33.3, 84, 100], [0, tick, 2 * tick, 5 * tick, 6 * tick]);
    assert.deepEqual(s.deltas.map((d: number) => Math.round(d * 10) / 10), [18, 15.3, 50.7, 16]);
    assert.equal(s.max, 50.7);
    assert.equal(s.over25, 1);
    assert.equal(s.lateFrames, 1);
    assert.equal(s.skippedTicks, 2);
  });

  it('puts a mark-compact pause in the frame interval it ran in, with its incremental steps counted once', async () => {
    const { gcByFrame } = await load();
    const frames = gcByFrame([
      mark(0, 0),
      mark(1, 16_000),
      mark(2, 60_000),
      mark(3, 76_000),
      // frame 2: a 30 ms mark-compact holding a 5 ms incremental step, and 20 ms of concurrent
      // marking (half of it CPU) on another thread of the renderer
      X('V8.GC_MARK_COMPACTOR', 20_000, 30_000, 1, 12_000),
      X('V8.GC_MC_INCREMENTAL', 22_000, 5_000),
      X('V8.GC_MC_BACKGROUND_MARKING', 10_000, 20_000, 2, 10_000),
      // frame 3: a scavenge running past the end of the last interval is clipped to it
      X('V8.GC_SCAVENGER', 74_000, 4_000),
      // another process's GC is not this page's
      { ...X('V8.GC_MARK_COMPACTOR', 0, 70_000), pid: 8 },
    ]);
    assert.deepEqual(
      frames.map((f: { frame: number; ms: number; major: number; majorCpu: number; minor: number; incremental: number; concurrent: number }) => [f.frame, f.ms, f.major, f.majorCpu, f.minor, f.incremental, f.concurrent]),
      [
        [1, 16, 0, 0, 0, 0, 3],
        [2, 44, 30, 12, 0, 0, 7],
        [3, 16, 0, 0, 2, 0, 0],
      ],
    );
  });

  it('names the slow frames and the GC in them', async () => {
    const { describeGc } = await load();
    const line = describeGc([
      { frame: 1, ms: 16, major: 0, majorCpu: 0, minor: 0, incremental: 0, concurrent: 0 },
      { frame: 2, ms: 44, major: 30, majorCpu: 12, minor: 0, incremental: 0, concurrent: 7 },
      { frame: 3, ms: 30, major: 0, majorCpu: 0, minor: 0, incremental: 0, concurrent: 0 },
    ]);
    assert.match(line, /major pauses #2 30\.0 ms \(CPU 12\.0\)/);
    assert.match(line, /2 frames over 25 ms, 1 of them with a GC pause: #2 44\.0 ms \(major GC 30\.0, concurrent marking 7\.0\), #3 30\.0 ms$/);
  });

  it('finds nothing without the frame marks', async () => {
    const { gcByFrame } = await load();
    assert.deepEqual(gcByFrame([X('V8.GC_MARK_COMPACTOR', 0, 30_000)]), []);
  });
});
