/**
 * Retries with jittered exponential backoff, only for idempotent requests (GET, HEAD and calls
 * marked idempotent such as query status polls). POST/PATCH/DELETE are never retried here.
 * `Retry-After` on 429/503 is honoured up to `maxRetryAfterMs`; a longer wait is not slept
 * through: the RateLimitError goes to the caller so the UI can say "retry in N s".
 */
import { AbortError, ApiError, BadResponseError, NetworkError, RateLimitError, ServerError, TimeoutError } from './errors';
import type { Clock } from './types';

export interface RetryPolicy {
  /** Total attempts including the first. */
  maxTries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest `Retry-After` the client waits for by itself. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxTries: 3, baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };

/**
 * Equal jitter: the n-th retry (1-based) waits in [c/2, c) where c = min(max, base·2^(n-1)).
 * Never 0 (no thundering herd of immediate retries), never above the cap.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  const r = Math.min(Math.max(random(), 0), 1 - Number.EPSILON);
  return ceiling / 2 + (r * ceiling) / 2;
}

const RETRYABLE_STATUS = new Set([500, 502, 503]);

/** How long to wait before retrying `err`, or undefined when it must not be retried. */
export function retryDelay(err: unknown, retry: number, policy: RetryPolicy, random: () => number): number | undefined {
  if (err instanceof RateLimitError) {
    if (err.clientSide) return undefined;
    if (err.retryAfterMs === undefined) return backoffDelay(retry, policy, random);
    return err.retryAfterMs <= policy.maxRetryAfterMs ? err.retryAfterMs : undefined;
  }
  if (err instanceof ServerError) {
    if (!RETRYABLE_STATUS.has(err.status)) return undefined;
    if (err.retryAfterMs !== undefined) return err.retryAfterMs <= policy.maxRetryAfterMs ? err.retryAfterMs : undefined;
    return backoffDelay(retry, policy, random);
  }
  if (err instanceof NetworkError) {
    const transient = err.reason === 'reset' || err.reason === 'closed' || err.code === 'EAI_AGAIN';
    return transient ? backoffDelay(retry, policy, random) : undefined;
  }
  if (err instanceof TimeoutError) return err.phase === 'connect' ? backoffDelay(retry, policy, random) : undefined;
  if (err instanceof BadResponseError) return err.reason === 'truncated' ? backoffDelay(retry, policy, random) : undefined;
  return undefined;
}

export interface RetryOptions {
  idempotent: boolean;
  policy: RetryPolicy;
  clock: Clock;
  random: () => number;
  signal?: AbortSignal;
  onRetry?: (err: ApiError, delayMs: number, retry: number) => void;
}

/** Runs `attempt` until it succeeds, fails for good, or the attempts are used up. */
export async function withRetry<T>(attempt: (n: number) => Promise<T>, opts: RetryOptions): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (!opts.idempotent || n >= opts.policy.maxTries || !(err instanceof ApiError)) throw err;
      const delay = retryDelay(err, n, opts.policy, opts.random);
      if (delay === undefined) throw err;
      opts.onRetry?.(err, delay, n);
      try {
        await opts.clock.sleep(delay, opts.signal);
      } catch (cause) {
        throw new AbortError({ status: 0, userMessage: 'Cancelled.', method: err.method, path: err.path, cause });
      }
    }
  }
}
