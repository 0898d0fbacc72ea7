/**
 * Posts to a webview in the order asked when some messages are still being made (a streamed batch
 * in the rows worker, src/webview/rowsWorker.ts): a message posts at once when none waits before
 * it, otherwise right after those before it are handed to `send`. It waits for their making, never
 * for their delivery: a post's promise settles only once the workbench has the message (a round
 * trip through the webview's connection, 0.1–0.5 s under load), and chaining on it held every
 * batch behind the previous one's round trip (issue #21). `send` keeps the order of its calls
 * (VS Code's `postMessage`). No `vscode` (the panel passes its `postMessage`).
 */
export class OrderedPosts {
  /** Settles once every message asked so far has been handed to `send` (or dropped). */
  private tail: Promise<void> | undefined;

  /** `send`: posts a wire message; `open`: whether the webview is still there (a post after it closed is dropped). */
  constructor(
    private readonly send: (wire: unknown) => PromiseLike<boolean>,
    private readonly open: () => boolean,
  ) {}

  /** Posts `wire` (a message, or the promise of one: it must not reject) after every message asked before it. */
  post(wire: unknown): PromiseLike<boolean> {
    if (this.tail === undefined && !(wire instanceof Promise)) return this.send(wire);
    let posted: PromiseLike<boolean> = Promise.resolve(false);
    const handed = Promise.all([this.tail, wire]).then(([, w]) => {
      if (this.open()) posted = this.send(w);
    });
    const noop = (): void => undefined;
    const tail = (this.tail = handed.then(noop, noop));
    void tail.then(() => {
      if (this.tail === tail) this.tail = undefined;
    });
    return handed.then(() => posted);
  }
}
