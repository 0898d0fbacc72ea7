/**
 * Disposal in one place (after vscode-pull-request-github's `common/lifecycle.ts`): an owner keeps
 * what it created in a list and disposes it newest first, once; one failing `dispose` does not stop
 * the others. Pure: anything with `dispose()` (VS Code's Disposable, emitters, our services).
 */
export interface IDisposable {
  dispose(): unknown;
}

/** Disposes and empties `list`, newest first; a throwing item is reported and skipped. */
export function disposeAll(list: IDisposable[]): void {
  while (list.length) {
    const d = list.pop();
    try {
      d?.dispose();
    } catch (e) {
      console.error('[hogql] dispose failed', e);
    }
  }
}

/** Base for owners: `register` what you create; `dispose()` releases it all once. */
export abstract class Disposable implements IDisposable {
  /** Also the array VS Code's `onDid…(listener, thisArg, disposables)` pushes into. */
  protected readonly disposables: IDisposable[] = [];
  private disposed = false;

  protected register<T extends IDisposable>(d: T): T {
    if (this.disposed) d.dispose();
    else this.disposables.push(d);
    return d;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    disposeAll(this.disposables);
  }
}
