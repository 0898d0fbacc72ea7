/** Shared types of the API layer (no `vscode`, no DOM). */
import type { HttpMethod } from './errors';

export type { HttpMethod };

/** The logger the API layer writes to (the extension passes its log channel). */
export interface ApiLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

export const silentLogger: ApiLogger = { debug() {}, info() {}, warn() {} };

export interface Timeouts {
  /** TCP + TLS connect (set per client: undici applies it per connection pool). */
  connectMs: number;
  /** From sending the request to receiving the response headers. */
  headersMs: number;
  /** Maximum idle time between body chunks while reading the response. */
  bodyMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 10_000, headersMs: 30_000, bodyMs: 60_000 };

/** Time source and cancellable sleep; injected so retry and limiter tests take milliseconds. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];
export type QueryParams = Record<string, QueryValue>;

/** Options every public call accepts. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Per-call response timeouts (headers/body); the connect timeout is per client. */
  timeouts?: Partial<Pick<Timeouts, 'headersMs' | 'bodyMs'>>;
}

export interface RequestSpec extends CallOptions {
  method: HttpMethod;
  /** Path under the connection's base URL (`/api/users/@me/`), or an absolute URL (pagination). */
  path: string;
  query?: QueryParams;
  body?: unknown;
  /** Retried automatically on transient failures. Defaults to true for GET/HEAD only. */
  idempotent?: boolean;
  /**
   * `lossless` keeps integers beyond 2^53 exact (as bigint); used for query results. `text`: the
   * body is returned unparsed (a string), for callers that read it piecewise (src/api/rowScan.ts).
   */
  json?: 'standard' | 'lossless' | 'text';
  /** Statuses treated as success besides 2xx (none by default). */
  okStatuses?: readonly number[];
  /**
   * Reads a 2xx body as it arrives instead of whole (src/api/rowStream.ts): a fresh reader per
   * attempt gets the text chunk by chunk; `data` is its `end()`. A reader that throws at `end()`
   * gives the same error as a body that does not parse.
   */
  reader?: () => BodyReader;
}

/** A body read as it arrives (see `RequestSpec.reader`). */
export interface BodyReader {
  push(text: string): void;
  /** The body's value; throws a SyntaxError when it is not valid JSON. */
  end(): unknown;
  /** The whole text (for the error of a body that does not parse). */
  text(): string;
  /** Backpressure: when it gives a promise, the body is read on once it settles (a full export's file). */
  ready?(): Promise<void> | undefined;
}

export interface ApiResponse<T> {
  status: number;
  data: T;
  headers: Record<string, string | string[] | undefined>;
  requestId: string | undefined;
}

/** DRF list page. */
export interface Page<T> {
  count?: number;
  next: string | null;
  previous?: string | null;
  results: T[];
}
