import * as assert from 'node:assert/strict';
import { SaveWhenSettled } from '../../../webview-ui/results/scrollSave';

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
  it('saves one frame after a scroll ends', () => {
    const f = frames();
    let saves = 0;
    const s = new SaveWhenSettled(() => saves++, f.request, f.cancel);
    s.scrolled();
    s.ended();
    assert.equal(saves, 0, 'not inside the scrollend handler');
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
    f.tick();
    assert.equal(saves, 1, 'saved once it settled');
  });

  it('keeps one pending save for repeated ends', () => {
    const f = frames();
    let saves = 0;
    const s = new SaveWhenSettled(() => saves++, f.request, f.cancel);
    s.ended();
    s.ended();
    assert.equal(f.pending, 1);
    f.tick();
    assert.equal(saves, 1);
  });
});
