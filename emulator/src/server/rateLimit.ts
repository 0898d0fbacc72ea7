/**
 * Per-personal-key throttles, as DRF's SimpleRateThrottle does them (posthog/rate_limit.py,
 * posthog-api.md section 7): a sliding window of request times per (class, key); when full, the
 * request is refused with `wait = remaining_window / (allowed - history + 1)`, rounded up, sent as
 * both the detail text and the `Retry-After` header.
 */
import type { ThrottleClass } from './types';

export const DEFAULT_RATES: Record<ThrottleClass, string> = {
  burst: '480/minute',
  sustained: '4800/hour',
  clickhouse_burst: '240/minute',
  clickhouse_sustained: '1200/hour',
  query: '120/hour',
};

/**
 * PostHog's HogQL limit for teams with API queries (APIQueriesSustainedThrottle, 2400/hour;
 * posthog/rate_limit.py, posthog-api.md section 7). The standalone start and the demo use it, so
 * someone exploring is not refused after 120 queries; `DEFAULT_RATES.query` stays PostHog's 120/hour.
 */
export const GENEROUS_QUERY_RATE = '2400/hour';

export interface RateLimitConfig {
  enabled: boolean;
  rates: Record<ThrottleClass, string>;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

export function parseRate(rate: string): { num: number; durationMs: number } | null {
  const m = /^(\d+)\/(\w+)$/.exec(rate.trim());
  if (!m) return null;
  const unit = UNIT_SECONDS[m[2][0]];
  return unit ? { num: Number(m[1]), durationMs: unit * 1000 } : null;
}

export class RateLimiter {
  private readonly history = new Map<string, number[]>();
  config: RateLimitConfig;

  constructor(config: Partial<RateLimitConfig> = {}, private readonly now: () => number = Date.now) {
    this.config = { enabled: config.enabled ?? true, rates: { ...DEFAULT_RATES, ...config.rates } };
  }

  update(patch: { enabled?: boolean; rates?: Partial<Record<ThrottleClass, string | null>>; reset?: boolean }): void {
    if (patch.enabled !== undefined) this.config.enabled = patch.enabled;
    for (const [k, v] of Object.entries(patch.rates ?? {})) {
      const cls = k as ThrottleClass;
      if (v === null) this.config.rates[cls] = DEFAULT_RATES[cls];
      else if (parseRate(v)) this.config.rates[cls] = v;
      else throw new Error(`Invalid rate for ${k}: ${v} (expected e.g. "120/hour")`);
    }
    if (patch.reset) this.history.clear();
  }

  /** Records the request in every class; returns the wait in whole seconds if one is exhausted. */
  check(key: string, classes: ThrottleClass[]): number | null {
    if (!this.config.enabled) return null;
    const now = this.now();
    let worst: number | null = null;
    for (const cls of classes) {
      const rate = parseRate(this.config.rates[cls]);
      if (!rate) continue;
      const id = `${cls}:${key}`;
      const hist = (this.history.get(id) ?? []).filter((t) => t > now - rate.durationMs);
      this.history.set(id, hist);
      if (hist.length >= rate.num) {
        const remaining = rate.durationMs - (now - hist[0]);
        const available = rate.num - hist.length + 1;
        const wait = Math.max(1, Math.ceil(remaining / 1000 / Math.max(1, available)));
        worst = Math.max(worst ?? 0, wait);
      }
    }
    if (worst !== null) return worst;
    for (const cls of classes) this.history.get(`${cls}:${key}`)?.push(now);
    return null;
  }
}
