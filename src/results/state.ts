/**
 * The results panel's run state machine, shared by the host (`src/webview/resultsPanel.ts`) and the
 * webview (`webview-ui/results/app.ts`) so both agree on what is on screen. Pure: no `vscode`, no DOM.
 *
 *   empty ──loading──▶ running ──result──▶ result ──loading──▶ running (previous result kept, stale)
 *                        │  ├──error─────▶ error      (no result on screen)
 *                        │  └──cancelled─▶ cancelled  (no result on screen)
 *                        └──loading (another query)──▶ running (the older query is superseded)
 *
 * Every message names its query. A message of a query that is no longer the latest one started
 * (a late result, page, chunk, progress or error of a superseded run) is dropped: it must never
 * repaint over a newer state. A result, error or cancel of a query that never started here (the
 * sample, the dev results file, a re-post after the webview reloaded) is taken as it comes.
 */
import type { ToView } from './protocol';

export type Phase = 'empty' | 'running' | 'result' | 'error' | 'cancelled';

export interface PanelState {
  phase: Phase;
  /** The query the phase is about: the running, failed or cancelled one, or the shown result's. */
  queryId?: string;
  /**
   * The query of the result on screen. In `running` it is the previous result, shown as stale;
   * `error` and `cancelled` have none (the previous result is cleared, never shown under them).
   */
  resultId?: string;
  /** The shown result's query when its rows are still arriving (`ResultPayload.streaming`). */
  streaming?: string | undefined;
  /** The shown result asked for its next page ("Load more") and the page has not come yet. */
  loadingMore: boolean;
  /** Queries started in this panel, newest last (capped): only the newest one may still report. */
  started: string[];
}

/** What moves the state: a message from the host, or the view asking for the next page. */
export type PanelEvent = ToView | { kind: 'loadMore'; queryId: string };

const MAX_STARTED = 50;

export const emptyPanelState = (): PanelState => ({ phase: 'empty', loadingMore: false, started: [] });

/** True when `queryId` was started here but a newer query has started since. */
export function isSuperseded(s: PanelState, queryId: string): boolean {
  return s.started.includes(queryId) && s.started[s.started.length - 1] !== queryId;
}

/** Whether a terminal message (result, error, cancelled) of `queryId` ends the current state. */
function mayEnd(s: PanelState, queryId: string): boolean {
  if (s.phase === 'running') return s.queryId === queryId || !s.started.includes(queryId);
  return !s.started.includes(queryId);
}

/**
 * The next state for `event`, or `undefined` when the event is stale and must be dropped (the
 * caller then changes nothing on screen).
 */
export function reducePanel(s: PanelState, event: PanelEvent): PanelState | undefined {
  switch (event.kind) {
    case 'loading': {
      const started = [...s.started.filter((id) => id !== event.queryId), event.queryId].slice(-MAX_STARTED);
      return { ...s, phase: 'running', queryId: event.queryId, loadingMore: false, started };
    }
    case 'progress':
      return s.phase === 'running' && s.queryId === event.queryId ? s : undefined;
    case 'result': {
      const id = event.result.queryId;
      // (a result still arriving may be replaced: by its whole form, or by a retried body's first rows)
      if (!mayEnd(s, id) && !(s.phase === 'result' && s.streaming === id)) return undefined;
      return { ...s, phase: 'result', queryId: id, resultId: id, loadingMore: false, streaming: event.result.streaming ? id : undefined };
    }
    case 'error':
    case 'cancelled':
      // (a result still arriving may yet fail or be cancelled: its query is still running)
      if (!mayEnd(s, event.queryId) && !(s.phase === 'result' && s.streaming === event.queryId)) return undefined;
      return { phase: event.kind, queryId: event.queryId, loadingMore: false, started: s.started };
    case 'streamEnd':
      return s.resultId === event.queryId && s.streaming === event.queryId ? { ...s, streaming: undefined } : undefined;
    case 'moreRows':
      // the rest of a streamed result lands in it, also while it is shown as stale under a new run
      return s.resultId === event.queryId ? s : undefined;
    case 'appendRows':
      return s.phase === 'result' && s.resultId === event.queryId ? { ...s, loadingMore: false } : undefined;
    case 'loadMore':
      return s.phase === 'result' && s.resultId === event.queryId && !s.loadingMore ? { ...s, loadingMore: true } : undefined;
    default:
      return assertNeverEvent(event);
  }
}

function assertNeverEvent(value: never): never {
  throw new Error(`unhandled panel event: ${JSON.stringify(value)}`);
}
