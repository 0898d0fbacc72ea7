import * as vscode from 'vscode';
import { Log } from './log';
import { Session } from './auth/session';
import { QueryService } from './query/service';

/**
 * The extension's one context object: built once on activation, it owns every disposable and the
 * shared services. Feature modules receive it and register themselves; nothing else is global.
 */
export class Ctx implements vscode.Disposable {
  readonly log: Log;
  readonly session: Session;
  readonly queries: QueryService;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(readonly extension: vscode.ExtensionContext) {
    this.log = this.track(new Log());
    this.session = this.track(new Session(this));
    this.queries = this.track(new QueryService(this));
  }

  get extensionUri(): vscode.Uri {
    return this.extension.extensionUri;
  }

  get version(): string {
    return String(this.extension.extension.packageJSON.version ?? '0.0.0');
  }

  /** Takes ownership of a disposable; it is disposed with the context, in reverse order. */
  track<T extends vscode.Disposable>(disposable: T): T {
    this.disposables.push(disposable);
    return disposable;
  }

  dispose(): void {
    while (this.disposables.length) {
      const d = this.disposables.pop();
      try {
        d?.dispose();
      } catch (e) {
        console.error('[hogql] dispose failed', e);
      }
    }
  }
}
