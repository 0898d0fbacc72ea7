/**
 * The project's event names and event/person property names, from PostHog's definitions API, its
 * SQL variables (insight_variables) and the names of its data-warehouse views
 * (warehouse_saved_queries, tables in HogQL; a server or key without either gives an empty list),
 * cached in memory per project (connection + project id), fetched on first use, refetched by
 * "PostHog: Refresh Event and Property Names". Any session change (another key, connection or
 * project, a sign-out) drops every cached and loading list: a load of the old key is aborted with
 * its client and its answer, if any, is never kept. Indexed with `NameIndex` so completion stays
 * fast with tens of thousands of names.
 */
import type * as vscode from 'vscode';
import { disposeAll } from '../ui/lifecycle';
import type { EventDefinition, PropertyDefinition } from '../api/resources/catalog';
import type { InsightVariable } from '../api/resources/variables';
import type { ActiveSession } from '../auth/session';
import type { Ctx } from '../ctx';
import { NameIndex } from './hogql/filter';
import { UsageCache } from './usage';

/** Upper bounds per list, so one huge project cannot exhaust memory or the rate limit. */
const MAX_EVENTS = 10_000;
const MAX_PROPERTIES = 50_000;
const PAGE_SIZE = 500;
/** PostHog pages variables 500 at a time; a project has a handful. */
const MAX_VARIABLES = 5_000;
/** PostHog pages views 1,000 at a time (products/data_warehouse/backend/api/saved_query.py). */
const MAX_VIEWS = 5_000;

export class NameList<T extends { name: string }> {
  readonly index: NameIndex;
  private readonly byName = new Map<string, T>();

  constructor(readonly items: readonly T[]) {
    for (const item of items) if (!this.byName.has(item.name)) this.byName.set(item.name, item);
    this.index = new NameIndex(this.byName.keys());
  }

  get(name: string): T | undefined {
    return this.byName.get(name);
  }
}

export interface ProjectNames {
  project: string;
  events: NameList<EventDefinition>;
  eventProperties: NameList<PropertyDefinition>;
  personProperties: NameList<PropertyDefinition>;
  /** SQL variables, for `{variables.…}`. */
  variables: readonly InsightVariable[];
  /** The names of the project's data-warehouse views (tables in HogQL). */
  views: readonly string[];
  loadedAt: number;
}

export class NameCatalog implements vscode.Disposable {
  private readonly loaded = new Map<string, ProjectNames>();
  private readonly loading = new Map<string, Promise<ProjectNames | undefined>>();
  /** Bumped by `clear()`: a load started before it keeps nothing. */
  private generation = 0;
  private readonly disposables: vscode.Disposable[] = [];
  /** Example values, last seen and event volumes for hovers: dropped with the names. */
  readonly usage = new UsageCache();
  private readonly listeners = new Set<(names: ProjectNames | undefined) => void>();

  /** Called with the names each time a project's names load, and with undefined when they are dropped. */
  onDidChange(listener: (names: ProjectNames | undefined) => void): vscode.Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private fire(names: ProjectNames | undefined): void {
    for (const l of this.listeners) l(names);
  }

  constructor(private readonly ctx: Ctx) {
    ctx.session.onDidChange(() => this.clear(), undefined, this.disposables);
  }

  /** Forgets every list, loaded or loading (a load in flight keeps nothing when it ends). */
  clear(): void {
    this.generation++;
    this.usage.clear();
    this.loaded.clear();
    this.loading.clear();
    this.fire(undefined);
  }

  dispose(): void {
    this.clear();
    this.listeners.clear();
    disposeAll(this.disposables);
  }

  static keyOf(s: ActiveSession): string {
    return `${s.connection.id}|${s.projectId}`;
  }

  /** Names of the active project if already loaded (never waits). */
  peek(session: ActiveSession): ProjectNames | undefined {
    return this.loaded.get(NameCatalog.keyOf(session));
  }

  /** Names of the active project, loading them once if needed; undefined when loading failed. */
  get(session: ActiveSession): Promise<ProjectNames | undefined> {
    const key = NameCatalog.keyOf(session);
    const hit = this.loaded.get(key);
    if (hit) return Promise.resolve(hit);
    const pending = this.loading.get(key);
    if (pending) return pending;
    const p: Promise<ProjectNames | undefined> = this.load(session, key).finally(() => {
      if (this.loading.get(key) === p) this.loading.delete(key);
    });
    this.loading.set(key, p);
    return p;
  }

  /** Drops the cached names of a project and loads them again. */
  refresh(session: ActiveSession): Promise<ProjectNames | undefined> {
    const key = NameCatalog.keyOf(session);
    this.loaded.delete(key);
    this.usage.clear();
    return this.get(session);
  }

  /** Variables are optional: an older server or a key without `insight_variable:read` gives none. */
  private async loadVariables(session: ActiveSession): Promise<InsightVariable[]> {
    try {
      return await session.client.variables.list(session.projectId, { pageSize: MAX_VARIABLES }).toArray({ max: MAX_VARIABLES });
    } catch (e) {
      this.ctx.log.warn(`[hogql] could not load SQL variables: ${(e as Error).message}`);
      return [];
    }
  }

  /** Views are optional too: a key without `warehouse_view:read` gives none. */
  private async loadViews(session: ActiveSession): Promise<string[]> {
    try {
      const views = await session.client.savedQueries.list(session.projectId).toArray({ max: MAX_VIEWS });
      return views.map((v) => v.name);
    } catch (e) {
      this.ctx.log.warn(`[hogql] could not load the project's views: ${(e as Error).message}`);
      return [];
    }
  }

  private async load(session: ActiveSession, key: string): Promise<ProjectNames | undefined> {
    const started = Date.now();
    const generation = this.generation;
    const { client, projectId } = session;
    try {
      const [events, eventProps, personProps, variables, views] = await Promise.all([
        client.eventDefinitions.list(projectId, { pageSize: PAGE_SIZE }).toArray({ max: MAX_EVENTS }),
        client.propertyDefinitions.list(projectId, { pageSize: PAGE_SIZE, filters: { type: 'event' } }).toArray({ max: MAX_PROPERTIES }),
        client.propertyDefinitions.list(projectId, { pageSize: PAGE_SIZE, filters: { type: 'person' } }).toArray({ max: MAX_PROPERTIES }),
        this.loadVariables(session),
        this.loadViews(session),
      ]);
      const names: ProjectNames = {
        project: key,
        events: new NameList(events),
        eventProperties: new NameList(eventProps),
        personProperties: new NameList(personProps),
        variables,
        views,
        loadedAt: Date.now(),
      };
      if (generation !== this.generation) return undefined;
      this.loaded.set(key, names);
      this.ctx.log.info(`[hogql] loaded ${events.length} event names, ${eventProps.length} event and ${personProps.length} person property names, ${variables.length} SQL variables, ${views.length} views in ${Date.now() - started} ms`);
      this.fire(names);
      return names;
    } catch (e) {
      if (generation !== this.generation) return undefined;
      this.ctx.log.warn(`[hogql] could not load event/property names: ${(e as Error).message}`);
      return undefined;
    }
  }
}
