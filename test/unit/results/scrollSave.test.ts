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
  it('saves a few frames after a scroll ends', () => {
    const f = frames();
    let saves = 0;
    const s = new SaveWhenSettled(() => saves++, f.request, f.cancel);
    s.scrolled();
    s.ended();
    assert.equal(saves, 0, 'not inside the scrollend handler');
    for (let i = 1; i < QUIET_FRAMES; i++) f.tick();
    assert.equal(saves, 0, 'not before the scroll has been quiet for QUIET_FRAMES frames');
    f.tick();
    assert.equal(saves, 1);
    f.tick();
    assert.equal(saves, 1, 'once');
  });

  it('does not save after every step of a scroll made of instant scrolls (each fires scrollend), only after the last', () => {
    // a scroll driven one instant scroll per frame (keys held, the benchmark): each step fires
    // `scrollend`; saving then serialised every tab's state per frame (issue #21's worst frames)
    const f = frames();
    let saves = 0;
    const s = new SaveWhenSettled(() => saves++, f.request, f.cancel);
    for (let i = 0; i < 100; i++) {
      s.scrolled();
      s.ended();
      // the next frame's scroll step comes before the pending save's callback runs
      s.scrolled();
      f.tick();
    }
    assert.equal(saves, 0, `${saves} saves while the scroll went on`);
    s.ended();
    for (let i = 0; i < QUIET_FRAMES; i++) f.tick();
    assert.equal(saves, 1, 'saved once it settled');
  });

  it("does not save per frame when each frame's scroll events come before its animation frame callbacks", () => {
    // the browser's order within a frame: the scroll steps (`scroll`, `scrollend`) run before the
    // animation frame callbacks, so a callback requested in `scrollend` runs in that same frame,
    // before the next scroll step. One `scrollTop` step per frame (a scripted scroll): a save in
    // every frame, each re-serialising every tab's snapshot (~312 KB of JS garbage per frame,
    // scripts/bench/grid-alloc.mjs, issue #21)
    const f = frames();
    let saves = 0;
    const s = new SaveWhenSettled(() => saves++, f.request, f.cancel);
    for (let i = 0; i < 100; i++) {
      s.scrolled();
      s.ended();
      f.tick();
    }
    assert.equal(saves, 0, `${saves} saves while the scroll went on`);
    for (let i = 0; i < 10; i++) f.tick();
    assert.equal(saves, 1, 'saved once it settled');
  });

  it('does not save per step of a held key (a step every other frame)', () => {
    const f = frames();
    let saves = 0;
    const s = new SaveWhenSettled(() => saves++, f.request, f.cancel);
    for (let i = 0; i < 50; i++) {
      s.scrolled();
      s.ended();
      f.tick();
      f.tick();
    }
    assert.equal(saves, 0, `${saves} saves while the key was held`);
    for (let i = 0; i < 10; i++) f.tick();
    assert.equal(saves, 1);
  });

  it('keeps one pending save for repeated ends', () => {
    const f = frames();
    let saves = 0;
    const s = new SaveWhenSettled(() => saves++, f.request, f.cancel);
    s.ended();
    s.ended();
    assert.equal(f.pending, 1);
    for (let i = 0; i < QUIET_FRAMES; i++) f.tick();
    assert.equal(saves, 1);
  });
});
