/**
 * The pause between slices of work on the extension host (see `lexInSlices`, `parseInSlices`,
 * `mapInSlices`): lets other tasks run, then says whether to go on.
 */
import type * as vscode from 'vscode';

export function pauseWhile(goOn: () => boolean): () => Promise<boolean> {
  return async () => {
    await new Promise((resolve) => setImmediate(resolve));
    return goOn();
  };
}

/** True while `doc` is open and still at the version it had when this was called. */
export function unchanged(doc: vscode.TextDocument): () => boolean {
  const version = doc.version;
  return () => doc.version === version && !doc.isClosed;
}

export function pauseUnless(token: vscode.CancellationToken): () => Promise<boolean> {
  return pauseWhile(() => !token.isCancellationRequested);
}
