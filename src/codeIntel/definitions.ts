/**
 * The project's feature flags, experiments, event names and event property names for code intelligence, cached in memory per project
 * (connection + project id) like the HogQL name catalog: fetched once on first use, dropped on any
 * session change (a load of the old session keeps nothing), refetched by `refresh`.
 */
import * as vscode from 'vscode';
import { disposeAll } from '../ui/lifecycle';
import type { Experiment, PropertyDefinition } from '../api/resources/catalog';
import type { FeatureFlag } from '../api/resources/flags';
import type { ActiveSession } from '../auth/session';
import type { Ctx } from '../ctx';
import { SeenFlagIds } from './seenFlags';

const MAX_FLAGS = 5_000;
const MAX_EVENTS = 10_000;
const MAX_PROPERTIES = 50_000;
const MAX_EXPERIMENTS = 5_000;
const PAGE_SIZE = 500;
/** Missing keys looked up by id at most, per call of `deletedAmong`. */
const MAX_LOOKUPS = 50;

export interface Definitions {
  project: string;
  flags: ReadonlyMap<string, FeatureFlag>;
  events: readonly string[];
  /** Event property definitions (name, `property_type`), for property names in `capture` payloads. */
  eventProperties: readonly PropertyDefinition[];
  /** The project's experiments by id, for the status of flags linked to them (none when they cannot be read). */
  experiments: ReadonlyMap<number, Experiment>;
}

/** The flags PostHog has not deleted, by key. */
function liveFlagMap(all: readonly FeatureFlag[]): Map<string, FeatureFlag> {
  return new Map(all.filter((f) => !f.deleted).map((f) => [f.key, f]));
}

export class DefinitionCache implements vscode.Disposable {
  private loaded: Definitions | undefined;
  private loading: { key: string; promise: Promise<Definitions | undefined>; flags: Promise<ReadonlyMap<string, FeatureFlag> | undefined> } | undefined;
  private generation = 0;
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when definitions arrive or are dropped. */
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private readonly seen: SeenFlagIds;

  constructor(private readonly ctx: Ctx) {
    this.seen = new SeenFlagIds(ctx.extension.globalState);
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
    const active = await this.active();
    if (!active) return undefined;
    if (this.loaded?.project === active.key) return this.loaded;
    return this.start(active.session, active.key).promise;
  }

  /**
   * The active project's flags by key, as soon as their list is read (the same load as `get`, without
   * waiting for events, properties and experiments): what the Stale Flags view needs.
   */
  async flags(): Promise<ReadonlyMap<string, FeatureFlag> | undefined> {
    const active = await this.active();
    if (!active) return undefined;
    if (this.loaded?.project === active.key) return this.loaded.flags;
    return this.start(active.session, active.key).flags;
  }

  /** The active session and its project's cache key, or undefined when signed out. */
  private async active(): Promise<{ session: ActiveSession; key: string } | undefined> {
    const session = await this.ctx.session.active();
    return session ? { session, key: `${session.connection.id}|${session.projectId}` } : undefined;
  }

  private start(session: ActiveSession, key: string): NonNullable<DefinitionCache['loading']> {
    if (this.loading?.key === key) return this.loading;
    const list = session.client.flags.list(session.projectId, { pageSize: PAGE_SIZE }).toArray({ max: MAX_FLAGS });
    const generation = this.generation;
    const flags = list.then(
      (all) => (generation === this.generation ? liveFlagMap(all) : undefined),
      () => undefined,
    );
    this.loading = { key, flags, promise: this.load(session, key, list) };
    return this.loading;
  }

  async refresh(): Promise<Definitions | undefined> {
    this.loaded = undefined;
    this.loading = undefined;
    return this.get();
  }

  private async load(session: ActiveSession, key: string, flagList: Promise<FeatureFlag[]>): Promise<Definitions | undefined> {
    const generation = this.generation;
    const { client, projectId } = session;
    try {
      const [flags, events, eventProperties, experiments] = await Promise.all([
        flagList,
        client.eventDefinitions.list(projectId, { pageSize: PAGE_SIZE }).toArray({ max: MAX_EVENTS }),
        client.propertyDefinitions.list(projectId, { pageSize: PAGE_SIZE, filters: { type: 'event' } }).toArray({ max: MAX_PROPERTIES }),
        this.loadExperiments(session),
      ]);
      if (generation !== this.generation) return undefined;
      const defs: Definitions = {
        project: key,
        flags: liveFlagMap(flags),
        events: [...new Set(events.map((e) => e.name))],
        eventProperties,
        experiments: new Map(experiments.map((e) => [e.id, e])),
      };
      this.loaded = defs;
      this.loading = undefined;
      // global state is written through the workbench (240-570 ms measured cold, under load, on the
      // 5,000-file benchmark): nothing waits for it (the memento's value changes at once; only the write is late)
      void this.seen.remember(key, flags.filter((f) => !f.deleted)).catch((e: unknown) => this.ctx.log.warn(`[codeIntel] could not remember flag ids: ${(e as Error).message}`));
      this.ctx.log.info(`[codeIntel] loaded ${defs.flags.size} feature flags, ${defs.events.length} event names and ${eventProperties.length} event properties`);
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

  /** Experiments are optional: a key without `experiment:read` still gets flags and events. */
  private async loadExperiments(session: ActiveSession): Promise<Experiment[]> {
    try {
      return await session.client.experiments.list(session.projectId, { pageSize: PAGE_SIZE }).toArray({ max: MAX_EXPERIMENTS });
    } catch (e) {
      this.ctx.log.warn(`[codeIntel] could not load experiments: ${(e as Error).message}`);
      return [];
    }
  }

  /**
   * Which of `keys` (missing from the list) are flags PostHog still has, deleted: those whose id this
   * extension saw before, looked up one by one (at most 50). A lookup that fails counts as not deleted.
   */
  async deletedAmong(keys: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    const session = await this.ctx.session.active();
    if (!session) return out;
    const project = `${session.connection.id}|${session.projectId}`;
    const known = keys.flatMap((key) => {
      const id = this.seen.idOf(project, key);
      return id === undefined ? [] : [{ key, id }];
    });
    for (const { key, id } of known.slice(0, MAX_LOOKUPS)) {
      const flag = await session.client.flags.get(session.projectId, id, { signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
      if (flag?.deleted && flag.key === key) out.add(key);
    }
    return out;
  }
}
