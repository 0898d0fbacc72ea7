// A wait on a post to a webview that never outlasts a cap (a webview may never answer).
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
