import * as vscode from 'vscode';
import { Disposable } from './ui/lifecycle';
import { Log } from './log';
import { Session } from './auth/session';
import { QueryService } from './query/service';
import type { Shell } from './shell';

/**
 * The extension's one context object: built once on activation, it owns every disposable and the
 * shared services. Feature modules receive it and register themselves; nothing else is global.
 */
export class Ctx extends Disposable {
  readonly log: Log;
  readonly session: Session;
  readonly queries: QueryService;

  /** `shell`: the command proxies and tree views registered at activation (src/shell.ts). */
  constructor(
    readonly extension: vscode.ExtensionContext,
    readonly shell: Shell,
  ) {
    super();
    this.log = this.track(new Log());
    this.session = this.track(new Session(extension, this.log, this.version));
    this.queries = this.track(new QueryService(extension, this.log));
  }

  get extensionUri(): vscode.Uri {
    return this.extension.extensionUri;
  }

  get version(): string {
    return String(this.extension.extension.packageJSON.version ?? '0.0.0');
  }

  /** Takes ownership of a disposable; it is disposed with the context, in reverse order. */
  track<T extends vscode.Disposable>(disposable: T): T {
    return this.register(disposable);
  }
}
