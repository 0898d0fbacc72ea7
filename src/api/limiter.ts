/**
 * Client-side rate limiter that keeps one personal API key within PostHog's throttle classes.
 *
 * PostHog uses DRF's `SimpleRateThrottle`: at most N requests in any sliding window. A classic
 * token bucket (capacity N, refill N/window) would allow up to 2N in one window, so each class
 * here is a bucket of N tokens where a token comes back exactly one window after it was used
 * (a sliding-window log). Callers reserve their slot synchronously (FIFO per class), then sleep
 * until it; a sleeping caller stays cancellable and gives its slot back when cancelled. A wait
 * longer than `maxWaitMs` is refused at once with a client-side `RateLimitError`.
 */
import { AbortError, RateLimitError } from './errors';
import { Clock, HttpMethod, systemClock } from './types';

export type RateClass = 'burst' | 'sustained' | 'clickhouse_burst' | 'clickhouse_sustained' | 'hogql_query';

export interface Rate {
  limit: number;
  windowMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** PostHog's published rates (posthog/rate_limit.py). */
export const POSTHOG_RATES: Record<RateClass, Rate> = {
  burst: { limit: 480, windowMs: MINUTE },
  sustained: { limit: 4800, windowMs: HOUR },
  clickhouse_burst: { limit: 240, windowMs: MINUTE },
  clickhouse_sustained: { limit: 1200, windowMs: HOUR },
  hogql_query: { limit: 120, windowMs: HOUR },
};

const LABEL: Record<RateClass, string> = {
  burst: 'API requests (480 per minute)',
  sustained: 'API requests (4800 per hour)',
  clickhouse_burst: 'analytics requests (240 per minute)',
  clickhouse_sustained: 'analytics requests (1200 per hour)',
  hogql_query: 'HogQL queries (120 per hour)',
};

const DEFAULT_CLASSES: readonly RateClass[] = ['burst', 'sustained'];
const CLICKHOUSE: readonly RateClass[] = ['clickhouse_burst', 'clickhouse_sustained'];
const CLICKHOUSE_AND_DEFAULT: readonly RateClass[] = [...DEFAULT_CLASSES, ...CLICKHOUSE];
const HOGQL: readonly RateClass[] = ['hogql_query'];

const QUERY_PATH = /\/api\/(?:projects|environments)\/[^/]+\/query\//;
const ANALYTICS_PATH = /\/api\/(?:projects|environments)\/[^/]+\/(?:persons\/|session_recordings\/|cohorts\/[^/]+\/persons\/|insights\/[^?]*\?(?:.*&)?refresh=)/;

/**
 * The throttle classes a request counts toward, mirroring PostHog's views: the query endpoint
 * replaces the default classes (HogQLQuery → `query` 120/h; every other kind, metadata and
 * autocomplete included, and status polls/cancels → the ClickHouse classes). Analytics
 * endpoints add the ClickHouse classes to the defaults (conservative).
 */
export function rateClassesFor(method: HttpMethod, pathWithQuery: string, body?: unknown): readonly RateClass[] {
  if (QUERY_PATH.test(pathWithQuery)) {
    const kind = (body as { query?: { kind?: unknown } } | undefined)?.query?.kind;
    return method === 'POST' && kind === 'HogQLQuery' ? HOGQL : CLICKHOUSE;
  }
  return ANALYTICS_PATH.test(pathWithQuery) ? CLICKHOUSE_AND_DEFAULT : DEFAULT_CLASSES;
}

/** One class: the times of used/reserved tokens, ascending; a token returns one window later. */
class WindowLog {
  private times: number[] = [];
  private head = 0;
  blockedUntil = 0;
  private readonly windowMs: number;
  constructor(readonly rate: Rate, marginMs: number) {
    this.windowMs = rate.windowMs + marginMs;
  }

  private prune(now: number): void {
    const cutoff = now - this.windowMs;
    while (this.head < this.times.length && this.times[this.head]! <= cutoff) this.head++;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
  }

  /** Earliest time ≥ now a new token can be taken (FIFO: never before the last reservation). */
  earliest(now: number): number {
    this.prune(now);
    const n = this.times.length - this.head;
    let t = Math.max(now, this.blockedUntil);
    if (n > 0) t = Math.max(t, this.times[this.times.length - 1]!);
    if (n >= this.rate.limit) t = Math.max(t, this.times[this.times.length - this.rate.limit]! + this.windowMs);
    return t;
  }

  take(t: number): void {
    this.times.push(t);
  }

  release(t: number): void {
    const i = this.times.lastIndexOf(t);
    if (i >= this.head) this.times.splice(i, 1);
  }
}

export interface LimiterOptions {
  rates?: Partial<Record<RateClass, Rate>>;
  /** Longest wait a call accepts before failing fast with a client-side RateLimitError. */
  maxWaitMs?: number;
  /**
   * Added to every window: the server stamps a request when it arrives, later than the client
   * sends it, and network delays vary. Default 1000 ms.
   */
  marginMs?: number;
  clock?: Clock;
}

export class RateLimiter {
  private readonly logs = new Map<RateClass, WindowLog>();
  readonly maxWaitMs: number;
  private readonly clock: Clock;

  constructor(opts: LimiterOptions = {}) {
    this.maxWaitMs = opts.maxWaitMs ?? 10_000;
    this.clock = opts.clock ?? systemClock;
    const margin = opts.marginMs ?? 1000;
    for (const [cls, rate] of Object.entries({ ...POSTHOG_RATES, ...opts.rates })) {
      this.logs.set(cls as RateClass, new WindowLog(rate, margin));
    }
  }

  private log(cls: RateClass): WindowLog {
    return this.logs.get(cls)!;
  }

  private slot(classes: readonly RateClass[], now: number): { at: number; limiting: RateClass | undefined } {
    let at = now;
    let limiting: RateClass | undefined;
    for (const c of classes) {
      const t = this.log(c).earliest(now);
      if (t > at) {
        at = t;
        limiting = c;
      }
    }
    return { at, limiting };
  }

  /** How long (ms) a call in these classes would wait if made now (for UI: "queued, N s"). */
  waitTime(classes: readonly RateClass[]): number {
    const now = this.clock.now();
    return this.slot(classes, now).at - now;
  }

  /**
   * Takes one token in each class, waiting in line if needed. Rejects with a client-side
   * RateLimitError when the wait would exceed `maxWaitMs`, or AbortError when `signal` fires.
   */
  async acquire(classes: readonly RateClass[], signal?: AbortSignal, where?: { method: string; path: string }): Promise<void> {
    const ctx = { method: where?.method ?? '', path: where?.path ?? '', status: 0 };
    if (signal?.aborted) throw new AbortError({ ...ctx, userMessage: 'Cancelled.', cause: signal.reason }, true);
    const now = this.clock.now();
    const { at, limiting } = this.slot(classes, now);
    const wait = at - now;
    if (wait > this.maxWaitMs) {
      const secs = Math.ceil(wait / 1000);
      throw new RateLimitError(
        {
          ...ctx,
          userMessage: `Holding back to stay within PostHog's rate limit for ${LABEL[limiting!]}. Try again in ${secs} s.`,
          detail: `client-side limiter: class ${limiting} would wait ${wait} ms (max ${this.maxWaitMs} ms)`,
        },
        wait,
        true,
      );
    }
    for (const c of classes) this.log(c).take(at);
    if (wait <= 0) return;
    try {
      await this.clock.sleep(wait, signal);
    } catch (cause) {
      for (const c of classes) this.log(c).release(at);
      throw new AbortError({ ...ctx, userMessage: 'Cancelled.', cause }, true);
    }
  }

  /** After a server 429: nothing in these classes goes out before `retryAfterMs` from now. */
  penalize(classes: readonly RateClass[], retryAfterMs: number): void {
    const until = this.clock.now() + retryAfterMs;
    for (const c of classes) {
      const log = this.log(c);
      log.blockedUntil = Math.max(log.blockedUntil, until);
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
