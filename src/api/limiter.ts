/**
 * Client-side rate limiting that leaves the decision to the server.
 *
 * PostHog's throttles depend on the team and the instance (posthog/rate_limit.py and
 * `QueryViewSet.get_throttles` in posthog/api/query.py: HogQL queries 120/hour per personal key by
 * default, a per-team override, 240/minute + 2,400/hour where API queries are enabled; a
 * self-hosted instance may have none), so the client guesses no cap. Against a host that never
 * answered 429, `acquire` returns at once, always. After a 429 in a class:
 * - nothing in that class goes out before the server's `Retry-After` has passed: a call waits it
 *   out when that is at most `maxWaitMs`, else it is refused at once with a RateLimitError that
 *   says how long is left (the server's countdown, not ours);
 * - calls of that class are then spaced `spacingMs` apart (a burst smoother: it delays, it never
 *   refuses), until an hour (`calmMs`) passes without another 429.
 */
import { AbortError, RateLimitError } from './errors';
import { Clock, HttpMethod, systemClock } from './types';

export type RateClass = 'burst' | 'sustained' | 'clickhouse_burst' | 'clickhouse_sustained' | 'hogql_query';

const DEFAULT_CLASSES: readonly RateClass[] = ['burst', 'sustained'];
const CLICKHOUSE: readonly RateClass[] = ['clickhouse_burst', 'clickhouse_sustained'];
const CLICKHOUSE_AND_DEFAULT: readonly RateClass[] = [...DEFAULT_CLASSES, ...CLICKHOUSE];
const HOGQL: readonly RateClass[] = ['hogql_query'];

const QUERY_PATH = /\/api\/(?:projects|environments)\/[^/]+\/query\//;
const ANALYTICS_PATH = /\/api\/(?:projects|environments)\/[^/]+\/(?:persons\/|session_recordings\/|cohorts\/[^/]+\/persons\/|insights\/[^?]*\?(?:.*&)?refresh=)/;

/**
 * The throttle classes a request counts toward, mirroring PostHog's views (a 429 holds back only
 * the classes of the request that got it): the query endpoint replaces the default classes
 * (HogQLQuery → `query`; every other kind, metadata and autocomplete included, and status
 * polls/cancels → the ClickHouse classes). Analytics endpoints add the ClickHouse classes.
 */
export function rateClassesFor(method: HttpMethod, pathWithQuery: string, body?: unknown): readonly RateClass[] {
  if (QUERY_PATH.test(pathWithQuery)) {
    const kind = (body as { query?: { kind?: unknown } } | undefined)?.query?.kind;
    return method === 'POST' && kind === 'HogQLQuery' ? HOGQL : CLICKHOUSE;
  }
  return ANALYTICS_PATH.test(pathWithQuery) ? CLICKHOUSE_AND_DEFAULT : DEFAULT_CLASSES;
}

/** What the server told us about one class. */
interface ClassState {
  /** Nothing goes out before this (now + Retry-After of the last 429). */
  blockedUntil: number;
  /** When the last 429 arrived. */
  throttledAt: number;
  /** The smoother's next free slot. */
  nextAt: number;
}

export interface LimiterOptions {
  /** Longest Retry-After a call waits out by itself; a longer one refuses it with the countdown. Default 10 s. */
  maxWaitMs?: number;
  /** Once a class was throttled: the least time between two of its calls. Default 250 ms. */
  spacingMs?: number;
  /** How long after its last 429 a class is smoothed. Default one hour. */
  calmMs?: number;
  clock?: Clock;
}

export class RateLimiter {
  private readonly states = new Map<RateClass, ClassState>();
  readonly maxWaitMs: number;
  private readonly spacingMs: number;
  private readonly calmMs: number;
  private readonly clock: Clock;

  constructor(opts: LimiterOptions = {}) {
    this.maxWaitMs = opts.maxWaitMs ?? 10_000;
    this.spacingMs = opts.spacingMs ?? 250;
    this.calmMs = opts.calmMs ?? 3_600_000;
    this.clock = opts.clock ?? systemClock;
  }

  /** The classes the server throttled lately (none for a host that never answered 429). */
  private throttled(classes: readonly RateClass[], now: number): ClassState[] {
    const out: ClassState[] = [];
    for (const c of classes) {
      const s = this.states.get(c);
      if (s && (s.blockedUntil > now || now - s.throttledAt < this.calmMs)) out.push(s);
    }
    return out;
  }

  private slot(states: ClassState[], now: number): { at: number; blockedUntil: number } {
    let blockedUntil = now;
    let at = now;
    for (const s of states) {
      blockedUntil = Math.max(blockedUntil, s.blockedUntil);
      at = Math.max(at, s.blockedUntil, s.nextAt);
    }
    return { at, blockedUntil };
  }

  /** How long (ms) a call in these classes would wait if made now (0 unless the server throttled). */
  waitTime(classes: readonly RateClass[]): number {
    const now = this.clock.now();
    return this.slot(this.throttled(classes, now), now).at - now;
  }

  /**
   * Returns at once unless the server throttled these classes lately; then waits out its
   * Retry-After (refused with a RateLimitError saying how long is left when that is over
   * `maxWaitMs`) and the smoother's spacing. AbortError when `signal` fires.
   */
  async acquire(classes: readonly RateClass[], signal?: AbortSignal, where?: { method: string; path: string }): Promise<void> {
    const ctx = { method: where?.method ?? '', path: where?.path ?? '', status: 0 };
    if (signal?.aborted) throw new AbortError({ ...ctx, userMessage: 'Cancelled.', cause: signal.reason }, true);
    const now = this.clock.now();
    const states = this.throttled(classes, now);
    if (states.length === 0) return;
    const { at, blockedUntil } = this.slot(states, now);
    const left = blockedUntil - now;
    if (left > this.maxWaitMs) {
      throw new RateLimitError(
        {
          ...ctx,
          userMessage: `PostHog's rate limit for this API key was reached and it asked to wait (Retry-After). Try again in ${Math.ceil(left / 1000)} s.`,
          detail: `the server's Retry-After has ${left} ms left (a call waits at most ${this.maxWaitMs} ms by itself)`,
        },
        left,
        true,
      );
    }
    for (const s of states) s.nextAt = at + this.spacingMs;
    const wait = at - now;
    if (wait <= 0) return;
    try {
      await this.clock.sleep(wait, signal);
    } catch (cause) {
      throw new AbortError({ ...ctx, userMessage: 'Cancelled.', cause }, true);
    }
  }

  /**
   * After a server 429: nothing in these classes goes out before `retryAfterMs` from now (when the
   * server said), and they are smoothed for a while.
   */
  penalize(classes: readonly RateClass[], retryAfterMs: number | undefined): void {
    const now = this.clock.now();
    for (const c of classes) {
      const s = this.states.get(c) ?? { blockedUntil: 0, throttledAt: now, nextAt: 0 };
      s.throttledAt = now;
      if (retryAfterMs !== undefined) s.blockedUntil = Math.max(s.blockedUntil, now + retryAfterMs);
      this.states.set(c, s);
    }
  }
}

const shared = new Map<string, RateLimiter>();

/** One limiter per key id (PostHog counts per key), shared by every client using that key. */
export function sharedLimiter(keyId: string, opts?: LimiterOptions): RateLimiter {
  let l = shared.get(keyId);
  if (!l) {
    l = new RateLimiter(opts);
    shared.set(keyId, l);
  }
  return l;
}
