/**
 * Row limits of the results feature, defined once for the host and the webview. Pure.
 */

/**
 * PostHog returns at most this many rows for one HogQL query (`MAX_SELECT_RETURNED_ROWS` in
 * posthog/hogql/constants.py); "Load more" stops there and the header says so.
 */
export const POSTHOG_MAX_ROWS = 50_000;

/** Rows fetched by one "Load more". */
export const LOAD_MORE_PAGE = 1_000;

/** How many rows the next "Load more" asks for once `offset` rows are shown: 0 at the cap. */
export function nextPageSize(offset: number): number {
  return Math.max(0, Math.min(LOAD_MORE_PAGE, POSTHOG_MAX_ROWS - offset));
}

/** Whether a page of `received` rows (asked `limit`) at `offset` leaves more to load. */
export function morePagesAfter(offset: number, limit: number, received: number): boolean {
  return received >= limit && offset + received < POSTHOG_MAX_ROWS;
}
