import type * as vscode from 'vscode';
import { Disposable } from './ui/lifecycle';
import { Log } from './log';
import { Session } from './auth/session';
import { QueryDocs } from './query/docs';
import type { QueryService } from './query/service';
import type { Shell } from './shell';

/** Builds the query service (src/extension.ts: from the features bundle, which it loads first). */
export type QueryServiceFactory = () => (extension: vscode.ExtensionContext, log: Log, docs: QueryDocs) => QueryService;

/**
 * The extension's one context object: built once on activation, it owns every disposable and the
 * shared services. Feature modules receive it and register themselves; nothing else is global.
 * The session and the query service are built on first use (issue #21: activation only
 * registers); `whenQueries` tells who needs the query service only once it exists.
 */
export class Ctx extends Disposable {
  readonly log: Log;
  /** The documents of the query features registered at activation (src/query/docs.ts). */
  readonly docs: QueryDocs;
  private sessionValue: Session | undefined;
  private queriesValue: QueryService | undefined;
  private readonly queriesListeners: ((queries: QueryService) => void)[] = [];

  /** `shell`: the command proxies and tree views registered at activation (src/shell.ts). */
  constructor(
    readonly extension: vscode.ExtensionContext,
    readonly shell: Shell,
    private readonly queryService: QueryServiceFactory,
  ) {
    super();
    this.log = this.track(new Log());
    this.docs = this.track(new QueryDocs(extension));
  }

  /** The signed-in state (its status bar item and `hogql.signedIn` key appear when it is built). */
  get session(): Session {
    this.sessionValue ??= this.track(new Session(this.extension, this.log, this.version));
    return this.sessionValue;
  }

  /** The session if something built it already (reading this builds nothing). */
  get builtSession(): Session | undefined {
    return this.sessionValue;
  }

  /** Running queries, history, values, exports: built on first use (this loads the features bundle). */
  get queries(): QueryService {
    if (!this.queriesValue) {
      // loading the features may read `queries` itself: build only if that did not
      const create = this.queryService();
      if (!this.queriesValue) {
        const queries = (this.queriesValue = this.track(create(this.extension, this.log, this.docs)));
        for (const listener of this.queriesListeners.splice(0)) listener(queries);
      }
    }
    return this.queriesValue;
  }

  /** Calls `listener` with the query service once it exists (now if it does), without building it. */
  whenQueries(listener: (queries: QueryService) => void): void {
    if (this.queriesValue) listener(this.queriesValue);
    else this.queriesListeners.push(listener);
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
