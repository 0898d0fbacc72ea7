// How long the body of a streamed result waits for its first rows to reach the panel (issue #21):
// until then the extension host's thread stays free to send them (its writes to the webview's
// connection are tasks of their own, which waited behind the work on the next rows).

/** The longest the body waits for the first rows' post to settle. */
export const FIRST_ROWS_WAIT_MS = 1_000;
/** The longest it waits, before that, for the page of a panel just opened to listen. */
export const PAGE_WAIT_MS = 2_000;

/**
 * Resolves once a streamed result's first rows reached the view: their post (`sent`) settled; in a
 * panel whose page is still loading (nothing posted, the view not listening) its `ready` first,
 * after which the page has the rows so far (`sentOnReady`: the first ones alone, as the body
 * waited). Each wait is capped.
 */
export async function firstRowsOut(view: { readonly ready: boolean; whenReady(): Promise<void> }, sent: Thenable<unknown> | undefined, sentOnReady: () => Thenable<unknown> | undefined): Promise<void> {
  if (!sent && !view.ready) {
    await settledWithin(view.whenReady(), PAGE_WAIT_MS);
    sent = sentOnReady();
  }
  await settledWithin(sent, FIRST_ROWS_WAIT_MS);
}

/** Resolves once `sent` settles, at once without it, and after `ms` at the latest. */
export function settledWithin(sent: Thenable<unknown> | undefined, ms: number): Promise<void> {
  if (!sent) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, ms);
    sent.then(done, done);
  });
}
