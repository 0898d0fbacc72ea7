/**
 * The project's feature flags and event names for code intelligence, cached in memory per project
 * (connection + project id) like the HogQL name catalog: fetched once on first use, dropped on any
 * session change (a load of the old session keeps nothing), refetched by `refresh`.
 */
import * as vscode from 'vscode';
import { disposeAll } from '../ui/lifecycle';
import type { FeatureFlag } from '../api/resources/flags';
import type { ActiveSession } from '../auth/session';
import type { Ctx } from '../ctx';

const MAX_FLAGS = 5_000;
const MAX_EVENTS = 10_000;
const PAGE_SIZE = 500;

export interface Definitions {
  project: string;
  flags: ReadonlyMap<string, FeatureFlag>;
  events: readonly string[];
}

export class DefinitionCache implements vscode.Disposable {
  private loaded: Definitions | undefined;
  private loading: { key: string; promise: Promise<Definitions | undefined> } | undefined;
  private generation = 0;
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when definitions arrive or are dropped. */
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];

  constructor(private readonly ctx: Ctx) {
    ctx.session.onDidChange(() => this.clear(), undefined, this.disposables);
  }

  clear(): void {
    this.generation++;
    this.loaded = undefined;
    this.loading = undefined;
    this.emitter.fire();
  }

  dispose(): void {
    this.generation++;
    disposeAll(this.disposables);
  }

  /** What is loaded now for the active project (never waits). */
  peek(): Definitions | undefined {
    return this.loaded;
  }

  /** The active project's definitions, loading them once; undefined when signed out or on failure. */
  async get(): Promise<Definitions | undefined> {
    const session = await this.ctx.session.active();
    if (!session) return undefined;
    const key = `${session.connection.id}|${session.projectId}`;
    if (this.loaded?.project === key) return this.loaded;
    if (this.loading?.key !== key) this.loading = { key, promise: this.load(session, key) };
    return this.loading.promise;
  }

  async refresh(): Promise<Definitions | undefined> {
    this.loaded = undefined;
    this.loading = undefined;
    return this.get();
  }

  private async load(session: ActiveSession, key: string): Promise<Definitions | undefined> {
    const generation = this.generation;
    const { client, projectId } = session;
    try {
      const [flags, events] = await Promise.all([
        client.flags.list(projectId, { pageSize: PAGE_SIZE }).toArray({ max: MAX_FLAGS }),
        client.eventDefinitions.list(projectId, { pageSize: PAGE_SIZE }).toArray({ max: MAX_EVENTS }),
      ]);
      if (generation !== this.generation) return undefined;
      const defs: Definitions = {
        project: key,
        flags: new Map(flags.filter((f) => !f.deleted).map((f) => [f.key, f])),
        events: [...new Set(events.map((e) => e.name))],
      };
      this.loaded = defs;
      this.loading = undefined;
      this.ctx.log.info(`[codeIntel] loaded ${defs.flags.size} feature flags and ${defs.events.length} event names`);
      this.emitter.fire();
      return defs;
    } catch (e) {
      if (generation === this.generation) {
        this.loading = undefined;
        this.ctx.log.warn(`[codeIntel] could not load feature flags / event names: ${(e as Error).message}`);
      }
      return undefined;
    }
  }
}
