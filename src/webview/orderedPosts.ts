/**
 * Posts to a webview in the order asked when some messages are still being made (a streamed batch
 * in the rows worker, src/webview/rowsWorker.ts): a message posts at once when none waits before
 * it, otherwise once those before it are posted and delivered (a post's promise settles when the
 * workbench has the message). That wait is the streamed batches' flow control: posting each batch
 * as soon as it was made, without it, made "all rows" slower in the query-stream bench (issue #21,
 * docs/testing.md, session 16). No `vscode` (the panel passes its `postMessage`).
 */
export class OrderedPosts {
  private tail: Promise<void> | undefined;

  /** `send`: posts a wire message; `open`: whether the webview is still there (a post after it closed is dropped). */
  constructor(
    private readonly send: (wire: unknown) => PromiseLike<boolean>,
    private readonly open: () => boolean,
  ) {}

  /** Posts `wire` (a message, or the promise of one: it must not reject) after every message asked before it. */
  post(wire: unknown): PromiseLike<boolean> {
    if (this.tail === undefined && !(wire instanceof Promise)) return this.send(wire);
    const sent = Promise.all([this.tail, wire]).then(([, w]) => (this.open() ? this.send(w) : false));
    const noop = (): void => undefined;
    const tail = (this.tail = sent.then(noop, noop));
    void tail.then(() => {
      if (this.tail === tail) this.tail = undefined;
    });
    return sent;
  }
}
