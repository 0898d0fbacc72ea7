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

  it("counts V8's GC phases nested in a GC as GC, not other", async () => {
    const { selfTimes } = await load();
    const t = selfTimes([X('MajorGC', 0, 10_000), X('V8.GC_MC_EVACUATE', 1_000, 6_000), X('V8.GC_MC_EVACUATE_UPDATE_POINTERS', 2_000, 4_000)]);
    assert.equal(t.wall.gc, 10);
    assert.equal(t.wall.other, 0);
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

  it('gives the main thread CPU time of each frame, and what the worst frame spent it on', async () => {
    const { traceSplit } = await load();
    const meta = { ph: 'M', name: 'thread_name', pid: 7, tid: 1, args: { name: 'CrRendererMain' } };
    // four frames of 16 ms; the third holds a 40 ms major GC inside its script (CPU 30 ms of it)
    const events = [
      meta,
      X('FireAnimationFrame', 0, 3_000),
      X('Paint', 5_000, 2_000),
      X('FireAnimationFrame', 16_000, 3_000),
      X('Paint', 21_000, 2_000),
      X('FireAnimationFrame', 32_000, 45_000, 1, 32_000, 35_000),
      X('MajorGC', 33_000, 40_000, 1, 33_000, 30_000),
      X('Paint', 78_000, 2_000),
      X('FireAnimationFrame', 96_000, 3_000),
    ];
    const s = traceSplit(events);
    assert.deepEqual(s.frameCpu.ms, [5, 5, 37], 'each frame: from one animation frame to the next, nested events counted once');
    assert.equal(s.frameCpu.max, 37);
    assert.equal(s.frameCpu.worst.frame, 3);
    assert.equal(s.frameCpu.worst.cpu.gc, 30);
    assert.equal(s.frameCpu.worst.cpu.script, 5);
    assert.equal(s.frameCpu.worst.cpu.paint, 2);
  });

  it('says what each frame interval over 33 ms was: its own work, a wait for a core, or begun late', async () => {
    const { traceSplit, describeSlow } = await load();
    const meta = { ph: 'M', name: 'thread_name', pid: 7, tid: 1, args: { name: 'CrRendererMain' } };
    const events = [
      meta,
      X('FireAnimationFrame', 0, 3_000),
      // 1: 40 ms, a 25 ms GC of CPU: work
      X('FireAnimationFrame', 16_000, 30_000, 1, 16_000, 30_000),
      X('MajorGC', 17_000, 25_000, 1, 17_000, 25_000),
      // 2: 50 ms, 40 ms of a task that ran 5 ms: descheduled
      X('FireAnimationFrame', 56_000, 3_000),
      X('Paint', 60_000, 40_000, 1, 60_000, 5_000),
      // 3: 60 ms with 3 ms of work: idle, begun late
      X('FireAnimationFrame', 106_000, 3_000),
      X('FireAnimationFrame', 166_000, 3_000),
      X('FireAnimationFrame', 182_000, 3_000),
    ];
    const slow = traceSplit(events).frameCpu.slow;
    assert.deepEqual(
      slow.map((f) => [f.frame, f.ms, f.what, f.kind]),
      [
        [2, 40, 'work', 'gc'],
        [3, 50, 'descheduled', 'paint'],
        [4, 60, 'idle', 'script'],
      ],
    );
    assert.equal(slow[1].wait, 35);
    assert.equal(slow[2].idle, 57);
    assert.match(describeSlow(traceSplit(events)), /^3 frame intervals over 33 ms: 1 over a tick of main-thread CPU, 1 descheduled \(waiting for a core\), 1 begun late/);
  });

  it("says what the browser's other threads did while a frame was begun late: work there, or nothing ran", async () => {
    const { traceSplit, describeSlow } = await load();
    const meta = (pid: number, tid: number, name: string) => ({ ph: 'M', name: 'thread_name', pid, tid, args: { name } });
    const gpu = (name: string, ts: number, dur: number, tts = ts, tdur = dur) => ({ ...X(name, ts, dur, 9, tts, tdur), pid: 8 });
    const events = [
      meta(7, 1, 'CrRendererMain'),
      meta(7, 3, 'Compositor'),
      meta(8, 9, 'VizCompositorThread'),
      { ph: 'M', name: 'process_name', pid: 8, tid: 0, args: { name: 'GPU Process' } },
      X('FireAnimationFrame', 0, 3_000),
      // 1: 60 ms, main thread idle; the GPU process's display compositor ran 30 ms of it (a task
      // from before the frame: only its part inside the interval counts) and the compositor 2 ms
      gpu('DrawFrame', -10_000, 40_000),
      X('ProxyMain::BeginMainFrame', 20_000, 2_000, 3),
      X('FireAnimationFrame', 60_000, 3_000),
      // 2: 60 ms, nothing ran anywhere: the whole browser waited for a core
      X('FireAnimationFrame', 120_000, 3_000),
      X('FireAnimationFrame', 136_000, 3_000),
    ];
    const s = traceSplit(events);
    const slow = s.frameCpu.slow;
    assert.deepEqual(
      slow.map((f) => [f.frame, f.what, f.elsewhere?.thread, f.elsewhere?.cpu, f.othersCpu]),
      [
        [1, 'idle', 'GPU Process/VizCompositorThread', 30, 32],
        [2, 'idle', '', 0, 0],
      ],
    );
    assert.match(describeSlow(s), /2 begun late with the main thread idle \(1 of them with the other threads of the browser idle too\)/);
    assert.match(describeSlow(s), /#1 60\.0 ms idle \(.*; elsewhere 32\.0, most GPU Process\/VizCompositorThread 30\.0\)/);
  });
});
