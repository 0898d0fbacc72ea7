import * as assert from 'node:assert/strict';
import { QUIET_MS, SaveWhenSettled } from '../../../webview-ui/results/scrollSave';

/** ~60 Hz in whole milliseconds. */
const FRAME_MS = 17;
/** Frames a scroll must be quiet for to be saved. */
const QUIET_FRAMES = Math.ceil(QUIET_MS / FRAME_MS);

/**
 * A hand-driven page: `tick()` runs the animation frame callbacks requested before it, then lets a
 * frame's time pass and runs the timers due (the browser runs timers between frames).
 */
function frames() {
  let next = 1;
  let time = 0;
  const queued = new Map<number, () => void>();
  const timers: { at: number; cb: () => void }[] = [];
  const counts = { requests: 0, timers: 0 };
  return {
    counts,
    request: (cb: () => void) => {
      counts.requests++;
      queued.set(next, cb);
      return next++;
    },
    clock: {
      now: () => time,
      after: (ms: number, cb: () => void) => {
        counts.timers++;
        timers.push({ at: time + ms, cb });
      },
    },
    tick() {
      const now = [...queued.values()];
      queued.clear();
      for (const cb of now) cb();
      time += FRAME_MS;
      for (let due = timers.findIndex((t) => t.at <= time); due >= 0; due = timers.findIndex((t) => t.at <= time)) timers.splice(due, 1)[0].cb();
    },
    get pending() {
      return queued.size;
    },
  };
}

describe('results/scrollSave: the scroll position is saved once a scroll has settled', () => {
  it('saves a scroll that ends after a quiet spell at the next frame, once', () => {
    const f = frames();
    let saves = 0;
    const s = new SaveWhenSettled(() => saves++, f.request, f.clock);
    for (let scroll = 1; scroll <= 2; scroll++) {
      s.scrolled();
      s.ended();
      assert.equal(saves, scroll - 1, 'not inside the scrollend handler');
      f.tick();
      assert.equal(saves, scroll);
      for (let i = 0; i < QUIET_FRAMES + 2; i++) f.tick();
      assert.equal(saves, scroll, 'once');
    }
  });

  it("does not save per step when each frame's scroll events come before its animation frame callbacks", () => {
    // the browser's order within a frame: the scroll steps (`scroll`, `scrollend`) run before the
    // animation frame callbacks, so a callback requested in `scrollend` runs in that same frame,
    // before the next scroll step. One `scrollTop` step per frame (a scripted scroll) saved in
    // every frame, each re-serialising every tab's snapshot (~312 KB of JS garbage per frame,
    // scripts/bench/grid-alloc.mjs, issue #21); a held key steps every other frame; the
    // webview-grid bench also dispatches a `scroll` of its own after each step, before the frame
    for (const { what, framesPerStep, scrollBeforeFrame } of [
      { what: 'a step per frame', framesPerStep: 1, scrollBeforeFrame: false },
      { what: 'a held key, a step every other frame', framesPerStep: 2, scrollBeforeFrame: false },
      { what: 'a step per frame and a scroll event before the frame', framesPerStep: 1, scrollBeforeFrame: true },
    ]) {
      const f = frames();
      let saves = 0;
      const s = new SaveWhenSettled(() => saves++, f.request, f.clock);
      for (let i = 0; i < 100; i++) {
        s.scrolled();
        s.ended();
        if (scrollBeforeFrame) s.scrolled();
        for (let t = 0; t < framesPerStep; t++) f.tick();
      }
      assert.equal(saves, 1, `${what}: ${saves} saves while the scroll went on (the first step's is made at once)`);
      // the last step's events, in the frame after it
      s.scrolled();
      s.ended();
      for (let i = 1; i < QUIET_FRAMES; i++) f.tick();
      assert.equal(saves, 1, `${what}: not before the scroll has been quiet for QUIET_FRAMES frames`);
      f.tick();
      assert.equal(saves, 2, `${what}: saved once it settled`);
    }
  });

  it('a scroll step in the quiet spell requests no frame callback: one timer per quiet spell check', () => {
    // counted in frames, each scroll event cancelled and requested an animation frame (~0.2 ms of
    // the ~1.5 ms scroll handler per frame), issue #21
    const f = frames();
    const s = new SaveWhenSettled(() => {}, f.request, f.clock);
    s.scrolled();
    s.ended();
    f.tick();
    const { requests } = f.counts;
    for (let i = 0; i < 100; i++) {
      s.scrolled();
      s.ended();
      s.scrolled();
      f.tick();
    }
    assert.equal(f.counts.requests, requests, 'no frame callback while the scroll goes on');
    // a check finds the last step at most a frame old: the next is QUIET_MS - FRAME_MS later, at least
    assert.ok(f.counts.timers <= (100 * FRAME_MS) / (QUIET_MS - FRAME_MS) + 2, `${f.counts.timers} timers over 100 frames`);
  });

  it('keeps one pending save for repeated ends', () => {
    const f = frames();
    let saves = 0;
    const s = new SaveWhenSettled(() => saves++, f.request, f.clock);
    s.ended();
    s.ended();
    assert.equal(f.pending, 1);
    for (let i = 0; i < QUIET_FRAMES; i++) f.tick();
    assert.equal(saves, 1);
  });
});
