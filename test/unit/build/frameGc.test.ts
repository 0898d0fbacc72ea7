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

  it('measures frame intervals from the rAF timestamps in whole vsync ticks: callback jitter does not count, a late frame does', async () => {
    const { frameStats } = await load();
    const tick = 1000 / 60;
    // 40 frames on time (timestamps ± 0.1 ms, callbacks 1-3 ms either side), then one begun a tick late
    const times = Array.from({ length: 41 }, (_, i) => i * tick + (i % 2 ? 0.1 : -0.1));
    times.push(times[40] + 2 * tick);
    const callbacks = times.map((t, i) => t + (i % 3) * 1.5);
    const s = frameStats(callbacks, times);
    assert.ok(s.p95 > 17.5, 'the callback intervals jitter past one tick');
    assert.equal(s.vsync.p50, tick);
    assert.equal(s.vsync.p95, tick);
    assert.equal(s.vsync.max, 2 * tick);
    // a grid whose every frame runs late: every interval two ticks, p95 too
    const slow = Array.from({ length: 20 }, (_, i) => i * 2 * tick);
    assert.equal(frameStats(slow, slow).vsync.p95, 2 * tick);
  });

  it("splits the page's mark-compact pauses into their innermost phases, CPU time, longest first", async () => {
    const { majorPhases } = await load();
    const pauses = majorPhases([
      mark(0, 0),
      X('V8.GC_MARK_COMPACTOR', 1_000, 20_000, 1, 12_000),
      X('V8.GC_MC_EVACUATE', 2_000, 9_000, 1, 8_000),
      X('V8.GC_MC_EVACUATE_UPDATE_POINTERS', 2_500, 8_000, 1, 7_000),
      X('V8.GC_MC_EVACUATE_UPDATE_POINTERS_TO_NEW_ROOTS', 3_000, 6_000, 1, 5_000),
      X('V8.GC_MC_EVACUATE_UPDATE_POINTERS_POINTER_TABLES', 9_500, 500, 1, 500),
      X('V8.GC_MC_CLEAR', 12_000, 3_000, 1, 2_000),
      X('V8.GC_MC_MARK', 16_000, 1_000),
      // a phase of another thread's or outside the pause does not count
      X('V8.GC_MC_CLEAR', 12_000, 3_000, 2),
      X('V8.GC_MC_MARK', 30_000, 1_000),
    ]);
    assert.equal(pauses.length, 1);
    assert.equal(pauses[0].cpu, 12);
    assert.deepEqual(pauses[0].phases, [
      { name: 'EVACUATE_UPDATE_POINTERS_TO_NEW_ROOTS', ms: 5 },
      { name: 'CLEAR', ms: 2 },
      { name: 'MARK', ms: 1 },
      { name: 'EVACUATE_UPDATE_POINTERS_POINTER_TABLES', ms: 0.5 },
    ]);
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

  it("gives an incremental marking step's CPU time beside its wall time", async () => {
    const { gcByFrame, describeGc } = await load();
    // a 9 ms step of which 3 ms on a core (the rest waiting for one), outside any mark-compact
    const frames = gcByFrame([mark(0, 0), mark(1, 30_000), X('V8.GC_MC_INCREMENTAL', 10_000, 9_000, 1, 3_000)]);
    assert.deepEqual(
      frames.map((f: { incremental: number; incrementalCpu: number }) => [f.incremental, f.incrementalCpu]),
      [[9, 3]],
    );
    assert.match(describeGc(frames), /incremental marking 9\.0 ms \(CPU 3\.0\) on the main thread/);
  });

  it('names the slow frames and the GC in them', async () => {
    const { describeGc } = await load();
    const line = describeGc([
      { frame: 1, ms: 16, major: 0, majorCpu: 0, minor: 0, incremental: 0, incrementalCpu: 0, concurrent: 0 },
      { frame: 2, ms: 44, major: 30, majorCpu: 12, minor: 0, incremental: 0, incrementalCpu: 0, concurrent: 7 },
      { frame: 3, ms: 30, major: 0, majorCpu: 0, minor: 0, incremental: 0, incrementalCpu: 0, concurrent: 0 },
    ]);
    assert.match(line, /major pauses #2 30\.0 ms \(CPU 12\.0\)/);
    assert.match(line, /2 frames over 25 ms, 1 of them with a GC pause: #2 44\.0 ms \(major GC 30\.0, concurrent marking 7\.0\), #3 30\.0 ms$/);
  });

  it('finds nothing without the frame marks', async () => {
    const { gcByFrame } = await load();
    assert.deepEqual(gcByFrame([X('V8.GC_MARK_COMPACTOR', 0, 30_000)]), []);
  });
});
