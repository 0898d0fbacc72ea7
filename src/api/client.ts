/**
 * `PostHogClient`: one connection (host + personal API key) with typed resources.
 *
 *   const api = new PostHogClient({ host: 'eu.posthog.com', personalApiKey, version: '0.1.0', logger });
 *   const me = await api.users.me({ signal });
 *   for await (const flag of api.flags.list(me.team!.id, { signal })) { … }
 *   const result = await api.query.run(projectId, 'select 1', { signal });
 *
 * Every failure is an `ApiError` subclass (see errors.ts). No `vscode` import.
 */
import { Capture } from './capture';
import { ConfigError } from './errors';
import { HostInfo, joinUrl, normalizeHost } from './hosts';
import { keyKindOf, wrongKeyKindMessage } from './keys';
import { LimiterOptions, RateLimiter, rateClassesFor, sharedLimiter } from './limiter';
import type { ProxySettings } from './proxy';
import { Actions, Annotations, Dashboards, EventDefinitions, Experiments, PropertyDefinitions, Surveys } from './resources/catalog';
import { Cohorts } from './resources/cohorts';
import { InsightVariables } from './resources/variables';
import { FeatureFlags } from './resources/flags';
import { Organizations, Projects, Users } from './resources/identity';
import { Insights } from './resources/insights';
import { SavedQueries } from './resources/savedQueries';
import { Persons } from './resources/persons';
import { Query } from './resources/query';
import { SessionRecordings } from './resources/recordings';
import type { RetryPolicy } from './retry';
import { Transport } from './transport';
import { WebUrls } from './webUrls';
import { ApiLogger, ApiResponse, Clock, HttpMethod, RequestSpec, silentLogger, systemClock, Timeouts } from './types';
import { createHash } from 'node:crypto';

export interface ClientOptions {
  /** As typed by the user: `eu.posthog.com`, `https://posthog.example.com/posthog/`, `http://localhost:8000`. */
  host: string;
  /** Personal API key (`phx_…`). */
  personalApiKey: string;
  /** Extension version, sent as `User-Agent: vscode-hogql/<version>`. */
  version: string;
  logger?: ApiLogger;
  timeouts?: Partial<Timeouts>;
  retry?: Partial<RetryPolicy>;
  proxy?: ProxySettings;
  /** A limiter instance, options for the shared per-key limiter, or `false` to disable. */
  limiter?: RateLimiter | LimiterOptions | false;
  clock?: Clock;
  random?: () => number;
}

function keyId(host: HostInfo, key: string): string {
  return createHash('sha256').update(`${host.origin}\n${key}`).digest('hex');
}

export class PostHogClient {
  readonly hostInfo: HostInfo;
  readonly transport: Transport;
  readonly users: Users;
  readonly organizations: Organizations;
  readonly projects: Projects;
  readonly query: Query;
  readonly insights: Insights;
  /** Data warehouse saved queries ("views"). */
  readonly savedQueries: SavedQueries;
  readonly flags: FeatureFlags;
  readonly cohorts: Cohorts;
  readonly recordings: SessionRecordings;
  readonly persons: Persons;
  readonly dashboards: Dashboards;
  readonly experiments: Experiments;
  readonly surveys: Surveys;
  readonly actions: Actions;
  readonly annotations: Annotations;
  readonly eventDefinitions: EventDefinitions;
  readonly propertyDefinitions: PropertyDefinitions;
  /** SQL variables (`{variables.code_name}`). */
  readonly variables: InsightVariables;
  readonly capture: Capture;
  /** Web URLs of objects: `api.web.insight(pid, shortId)`, `api.web.flag(pid, id)`… */
  readonly web: WebUrls;

  /** Throws `ConfigError` for an unusable host or a project/secret key given as personal key. */
  constructor(opts: ClientOptions) {
    this.hostInfo = normalizeHost(opts.host);
    const key = opts.personalApiKey.trim();
    if (key === '') throw new ConfigError('No personal API key given.');
    const wrongKind = wrongKeyKindMessage(keyKindOf(key), this.hostInfo.baseUrl);
    if (wrongKind) throw new ConfigError(wrongKind);
    const clock = opts.clock ?? systemClock;
    let limiter: RateLimiter | undefined;
    if (opts.limiter instanceof RateLimiter) limiter = opts.limiter;
    else if (opts.limiter !== false) limiter = sharedLimiter(keyId(this.hostInfo, key), { clock, ...opts.limiter });
    this.transport = new Transport({
      host: this.hostInfo,
      key,
      userAgent: `vscode-hogql/${opts.version}`,
      logger: opts.logger ?? silentLogger,
      limiter,
      clock,
      random: opts.random ?? Math.random,
      ...(opts.timeouts ? { timeouts: opts.timeouts } : {}),
      ...(opts.retry ? { retry: opts.retry } : {}),
      ...(opts.proxy ? { proxy: opts.proxy } : {}),
    });
    const t = this.transport;
    this.users = new Users(t);
    this.organizations = new Organizations(t);
    this.projects = new Projects(t);
    this.query = new Query(t);
    this.insights = new Insights(t);
    this.savedQueries = new SavedQueries(t);
    this.flags = new FeatureFlags(t);
    this.cohorts = new Cohorts(t);
    this.recordings = new SessionRecordings(t);
    this.persons = new Persons(t);
    this.dashboards = new Dashboards(t);
    this.experiments = new Experiments(t);
    this.surveys = new Surveys(t);
    this.actions = new Actions(t);
    this.annotations = new Annotations(t);
    this.eventDefinitions = new EventDefinitions(t);
    this.propertyDefinitions = new PropertyDefinitions(t);
    this.variables = new InsightVariables(t);
    this.capture = new Capture(t);
    this.web = new WebUrls(this.hostInfo.baseUrl);
  }

  /** Web URL on the app host: `webUrl('/project/1/insights/abc')`. */
  webUrl(path: string): string {
    return joinUrl(this.hostInfo.baseUrl, path);
  }

  /** Where capture requests go (`https://us.i.posthog.com`, `https://eu.i.posthog.com`, or the instance). */
  get ingestionUrl(): string {
    return this.hostInfo.ingestionUrl;
  }

  /** The client-side rate limiter (undefined when disabled). */
  get limiter(): RateLimiter | undefined {
    return this.transport.limiter;
  }

  /**
   * How long (ms) a request would wait in the limiter if made now, for UI ("queued, N s");
   * e.g. `estimateWait('POST', '/api/projects/1/query/', { query: { kind: 'HogQLQuery' } })`.
   * Zero unless the server answered 429 lately; above `limiter.maxWaitMs` the call would be refused.
   */
  estimateWait(method: HttpMethod, path: string, body?: unknown): number {
    const limiter = this.transport.limiter;
    if (!limiter) return 0;
    return Math.max(0, limiter.waitTime(rateClassesFor(method, this.transport.target(path).path, body)));
  }

  /** Escape hatch for endpoints without a resource module (same errors, retries, limiter). */
  request<T>(spec: RequestSpec): Promise<ApiResponse<T>> {
    return this.transport.request<T>(spec);
  }

  /** Closes idle connections; in-flight requests finish. */
  close(): Promise<void> {
    return this.transport.close();
  }

  /**
   * Retires the client for good (its key or connection was replaced): aborts every request in
   * flight, queued or retrying, and makes every later call fail at once with an `AbortError`.
   */
  dispose(): Promise<void> {
    return this.transport.retire();
  }

  /** True once `dispose()` was called. */
  get disposed(): boolean {
    return this.transport.retired;
  }
}
