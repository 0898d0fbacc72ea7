import * as assert from 'node:assert/strict';
import { QUIET_FRAMES, SaveWhenSettled } from '../../../webview-ui/results/scrollSave';

/** A hand-driven animation-frame clock: `tick()` runs the callbacks requested before it. */
function frames() {
  let next = 1;
  const queued = new Map<number, () => void>();
  return {
    request: (cb: () => void) => {
      queued.set(next, cb);
      return next++;
    },
    cancel: (id: number) => void queued.delete(id),
    tick() {
      const now = [...queued.values()];
      queued.clear();
      for (const cb of now) cb();
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
    const s = new SaveWhenSettled(() => saves++, f.request);
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
      const s = new SaveWhenSettled(() => saves++, f.request);
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

  it('a step in the quiet spell neither cancels nor requests a frame callback: one callback a frame', () => {
    // a cancel and a request per scroll event were ~12 % of the scroll handler (issue #21)
    const f = frames();
    let requests = 0;
    const s = new SaveWhenSettled(
      () => {},
      (cb) => (requests++, f.request(cb)),
    );
    s.scrolled();
    s.ended();
    f.tick();
    const before = requests;
    for (let i = 0; i < 100; i++) {
      s.scrolled();
      s.ended();
      s.scrolled();
      f.tick();
      assert.equal(f.pending, 1, 'one callback pending');
    }
    assert.equal(requests - before, 100, 'one request a frame');
  });

  it('keeps one pending save for repeated ends', () => {
    const f = frames();
    let saves = 0;
    const s = new SaveWhenSettled(() => saves++, f.request);
    s.ended();
    s.ended();
    assert.equal(f.pending, 1);
    for (let i = 0; i < QUIET_FRAMES; i++) f.tick();
    assert.equal(saves, 1);
  });
});
