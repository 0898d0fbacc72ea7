// The results panel's run state machine (src/results/state.ts): every transition, and that
// late messages of a superseded query are dropped.
import * as assert from 'node:assert/strict';
import type { ResultPayload, ToView } from '../../../src/results/protocol';
import { emptyPanelState, isSuperseded, reducePanel, type PanelEvent, type PanelState } from '../../../src/results/state';

const payload = (queryId: string, extra: Partial<ResultPayload> = {}): ResultPayload => ({
  queryId,
  columns: [{ name: 'n', type: 'UInt8' }],
  rows: [[1]],
  hasMore: false,
  elapsedMs: 7220,
  ...extra,
});

const loading = (queryId: string): ToView => ({ kind: 'loading', queryId, message: 'Running…' });
const result = (queryId: string, extra: Partial<ResultPayload> = {}): ToView => ({ kind: 'result', result: payload(queryId, extra) });

/** Applies events in order; every one must be accepted. */
function run(...events: PanelEvent[]): PanelState {
  let s = emptyPanelState();
  for (const e of events) {
    const next = reducePanel(s, e);
    assert.ok(next, `accepted: ${JSON.stringify(e).slice(0, 80)} in ${s.phase}`);
    s = next;
  }
  return s;
}

describe('results panel state machine', () => {
  it('run → result', () => {
    const running = run(loading('q1'));
    assert.equal(running.phase, 'running');
    assert.equal(running.queryId, 'q1');
    assert.equal(running.resultId, undefined);
    const done = run(loading('q1'), { kind: 'progress', queryId: 'q1', elapsedMs: 10 }, result('q1'));
    assert.deepEqual([done.phase, done.queryId, done.resultId], ['result', 'q1', 'q1']);
  });

  it('run → error and run → cancelled clear the previous result', () => {
    for (const kind of ['error', 'cancelled'] as const) {
      const end: ToView = kind === 'error' ? { kind, queryId: 'q2', message: 'boom' } : { kind, queryId: 'q2' };
      const s = run(loading('q1'), result('q1'), loading('q2'), end);
      assert.equal(s.phase, kind);
      assert.equal(s.queryId, 'q2');
      assert.equal(s.resultId, undefined, `no result on screen after ${kind}`);
    }
  });

  it('result → running keeps the previous result as stale → result', () => {
    const rerun = run(loading('q1'), result('q1'), loading('q2'));
    assert.deepEqual([rerun.phase, rerun.queryId, rerun.resultId], ['running', 'q2', 'q1']);
    const done = run(loading('q1'), result('q1'), loading('q2'), result('q2'));
    assert.deepEqual([done.phase, done.resultId], ['result', 'q2']);
  });

  it('drops a late result, error, cancel or progress of a superseded run', () => {
    const s = run(loading('q1'), loading('q2'));
    assert.ok(isSuperseded(s, 'q1'));
    for (const late of [result('q1'), { kind: 'error', queryId: 'q1', message: 'x' }, { kind: 'cancelled', queryId: 'q1' }, { kind: 'progress', queryId: 'q1', elapsedMs: 1 }] as ToView[]) {
      assert.equal(reducePanel(s, late), undefined, late.kind);
    }
    // …also after the newer run ended
    const after = run(loading('q1'), loading('q2'), result('q2'));
    assert.equal(reducePanel(after, result('q1')), undefined);
    assert.equal(reducePanel(after, { kind: 'cancelled', queryId: 'q1' }), undefined);
  });

  it('drops a second end of the same run and progress after it ended', () => {
    const s = run(loading('q1'), result('q1'));
    assert.equal(reducePanel(s, { kind: 'cancelled', queryId: 'q1' }), undefined);
    assert.equal(reducePanel(s, { kind: 'progress', queryId: 'q1', elapsedMs: 3 }), undefined);
  });

  it('streamed chunks land in their result, also while it is stale, never in another', () => {
    const shown = run(result('big', { totalRows: 100_000 }));
    assert.equal(reducePanel(shown, { kind: 'moreRows', queryId: 'big', rows: [[2]] }), shown);
    const stale = run(result('big', { totalRows: 100_000 }), loading('q2'));
    assert.equal(reducePanel(stale, { kind: 'moreRows', queryId: 'big', rows: [[2]] })?.phase, 'running', 'the running state stays');
    const failed = run(result('big', { totalRows: 100_000 }), loading('q2'), { kind: 'error', queryId: 'q2', message: 'x' });
    assert.equal(reducePanel(failed, { kind: 'moreRows', queryId: 'big', rows: [[2]] }), undefined, 'no grid to land in');
    const newer = run(result('big', { totalRows: 100_000 }), loading('q2'), result('q2'));
    assert.equal(reducePanel(newer, { kind: 'moreRows', queryId: 'big', rows: [[2]] }), undefined);
  });

  it('load more → page, and a late page of an older result is dropped', () => {
    const s = run(loading('q1'), result('q1', { hasMore: true }), { kind: 'loadMore', queryId: 'q1' });
    assert.equal(s.loadingMore, true);
    assert.equal(reducePanel(s, { kind: 'loadMore', queryId: 'q1' }), undefined, 'one page at a time');
    const paged = reducePanel(s, { kind: 'appendRows', queryId: 'q1', rows: [[2]], hasMore: false });
    assert.deepEqual([paged?.phase, paged?.loadingMore], ['result', false]);
    const rerun = reducePanel(s, loading('q2'))!;
    assert.equal(rerun.loadingMore, false);
    assert.equal(reducePanel(rerun, { kind: 'appendRows', queryId: 'q1', rows: [[2]], hasMore: false }), undefined, 'not over the running state');
    assert.equal(reducePanel(run(result('q1')), { kind: 'appendRows', queryId: 'q0', rows: [], hasMore: false }), undefined);
  });

  it('takes results and errors that no run here started (sample, dev file, re-post after a reload)', () => {
    assert.equal(run(result('sample')).phase, 'result');
    assert.equal(run({ kind: 'error', queryId: 'dev-error', message: 'x' }).phase, 'error');
    // a dev result shown while a dev run is "running"
    assert.equal(run(loading('dev-loading'), result('generated')).phase, 'result');
  });
});
