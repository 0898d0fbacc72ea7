// A result still arriving from PostHog (issue #21): the panel's state machine and the wire messages.
import * as assert from 'node:assert/strict';
import { parseToView, rowsToCome, toWire, type ResultPayload } from '../../../src/results/protocol';
import { emptyPanelState, reducePanel, type PanelEvent, type PanelState } from '../../../src/results/state';

const result = (queryId: string, extra: Partial<ResultPayload> = {}): ResultPayload => ({ queryId, columns: [{ name: 'n', type: '' }], rows: [[1], [2]], hasMore: false, elapsedMs: 5, ...extra });

function run(events: PanelEvent[], from: PanelState = emptyPanelState()): (PanelState | undefined)[] {
  const out: (PanelState | undefined)[] = [];
  let s = from;
  for (const e of events) {
    const next = reducePanel(s, e);
    out.push(next);
    if (next) s = next;
  }
  return out;
}

describe('results: a result still arriving (streaming)', () => {
  it('its query may still fail or be cancelled: the error replaces the partial result', () => {
    for (const kind of ['error', 'cancelled'] as const) {
      const end: PanelEvent = kind === 'error' ? { kind, queryId: 'q', message: 'cut off' } : { kind, queryId: 'q' };
      const states = run([{ kind: 'loading', queryId: 'q', message: '' }, { kind: 'result', result: result('q', { streaming: true }) }, { kind: 'moreRows', queryId: 'q', rows: [[3]] }, end]);
      assert.equal(states[3]?.phase, kind, kind);
    }
    // a whole result's query cannot end it afterwards (as before)
    const whole = run([{ kind: 'loading', queryId: 'q', message: '' }, { kind: 'result', result: result('q') }, { kind: 'error', queryId: 'q', message: 'late' }]);
    assert.equal(whole[2], undefined);
  });

  it('streamEnd ends it; a retried body may restart it; a superseded stream cannot end the newer run', () => {
    const states = run([
      { kind: 'loading', queryId: 'q', message: '' },
      { kind: 'result', result: result('q', { streaming: true }) },
      { kind: 'result', result: result('q', { streaming: true }) },
      { kind: 'streamEnd', queryId: 'q', result: result('q', { rows: [], totalRows: 2 }) },
      { kind: 'error', queryId: 'q', message: 'late' },
    ]);
    assert.equal(states[2]?.streaming, 'q');
    assert.equal(states[3]?.streaming, undefined);
    assert.equal(states[3]?.phase, 'result');
    assert.equal(states[4], undefined);
    const newer = run([
      { kind: 'loading', queryId: 'q', message: '' },
      { kind: 'result', result: result('q', { streaming: true }) },
      { kind: 'loading', queryId: 'q2', message: '' },
      { kind: 'moreRows', queryId: 'q', rows: [[3]] },
      { kind: 'error', queryId: 'q', message: 'late' },
    ]);
    assert.ok(newer[3], 'the stale result still grows');
    assert.equal(newer[4], undefined, 'its error does not end the newer run');
  });

  it('the wire: `streaming` and `streamEnd` survive parsing; rows are still to come until the end', () => {
    const first = result('q', { streaming: true });
    assert.equal(rowsToCome(first), 1);
    const parsed = parseToView(toWire({ kind: 'result', result: first }));
    assert.equal(parsed?.kind === 'result' && parsed.result.streaming, true);
    const end = parseToView(toWire({ kind: 'streamEnd', queryId: 'q', result: result('q', { rows: [], totalRows: 3, columns: [{ name: 'n', type: 'UInt64' }] }) }));
    assert.deepEqual(end, { kind: 'streamEnd', queryId: 'q', result: result('q', { rows: [], totalRows: 3, columns: [{ name: 'n', type: 'UInt64' }] }) });
    assert.equal(parseToView({ kind: 'streamEnd', queryId: 'q', result: result('other', { rows: [], totalRows: 3 }) }), undefined);
    assert.equal(parseToView({ kind: 'streamEnd', queryId: 'q', result: result('q', { rows: [] }) }), undefined);
    assert.equal(parseToView(toWire({ kind: 'result', result: { ...first, streaming: 'yes' as unknown as boolean } })), undefined);
  });
});
