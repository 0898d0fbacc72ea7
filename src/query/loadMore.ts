import type { Ctx } from '../ctx';
import type { ResultsPanel } from '../webview/resultsPanel';
import { showError } from '../ui/errors';
import { toPayload } from './response';
import { pagedQuery } from './target';

/** PostHog's cap on returned rows (MAX_SELECT_RETURNED_ROWS) and the page size of "Load more". */
export const MAX_ROWS = 50_000;
export const LOAD_MORE_PAGE = 1_000;

/** Fetches the next page of a shown result and appends it (answer to the panel's "Load more"). */
export async function loadMore(ctx: Ctx, panel: ResultsPanel, queryId: string, offset: number): Promise<void> {
  const last = ctx.queries.lastRun(panel);
  const shown = panel.currentResult;
  if (!last || !shown || shown.queryId !== queryId) return;
  const limit = Math.min(LOAD_MORE_PAGE, MAX_ROWS - offset);
  if (limit <= 0) {
    panel.appendRows(queryId, [], false);
    return;
  }
  const text = pagedQuery(last.target.text, offset, limit);
  try {
    const response = await last.session.client.query.run(last.session.projectId, {
      kind: 'HogQLQuery',
      query: text,
      ...(Object.keys(last.values).length ? { values: last.values } : {}),
      ...(last.filters ? { filters: last.filters } : {}),
    });
    const page = toPayload(response, { queryId, elapsedMs: 0 });
    const reachedCap = offset + page.rows.length >= MAX_ROWS;
    panel.appendRows(queryId, page.rows, page.rows.length >= limit && !reachedCap);
  } catch (e) {
    void showError(ctx, e);
    panel.appendRows(queryId, [], true);
  }
}

