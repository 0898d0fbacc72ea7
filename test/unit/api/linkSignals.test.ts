// linkSignals: a request's signal follows the caller's and the client's lifetime, and leaves no
// listener behind on the long-lived lifetime signal (the soak benchmark's leak with AbortSignal.any).
import * as assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { linkSignals } from '../../../src/api/transport';

describe('api: linkSignals', () => {
  it('aborts when the caller or the lifetime aborts, with its reason', () => {
    const lifetime = new AbortController();
    const caller = new AbortController();
    const a = linkSignals(caller.signal, lifetime.signal);
    caller.abort(new Error('caller'));
    assert.equal(a.signal.aborted, true);
    assert.equal((a.signal.reason as Error).message, 'caller');
    const b = linkSignals(new AbortController().signal, lifetime.signal);
    lifetime.abort(new Error('disposed'));
    assert.equal((b.signal.reason as Error).message, 'disposed');
    assert.equal(linkSignals(new AbortController().signal, lifetime.signal).signal.aborted, true, 'an aborted source aborts at once');
  });

  it('leaves no listener on the lifetime signal once released', () => {
    const lifetime = new AbortController();
    for (let i = 0; i < 1000; i++) linkSignals(new AbortController().signal, lifetime.signal).release();
    assert.equal(getEventListeners(lifetime.signal, 'abort').length, 0);
  });

  it('without a caller signal, is the lifetime signal itself', () => {
    const lifetime = new AbortController();
    assert.equal(linkSignals(undefined, lifetime.signal).signal, lifetime.signal);
  });
});
