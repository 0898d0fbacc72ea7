/**
 * The HTTP core: one undici dispatcher set per client, the request log, error mapping, the
 * limiter and retries. Resources call `request()`; nothing else touches undici.
 */
import type { Dispatcher } from 'undici';
import { AbortError, ApiError, ConfigError, RateLimitError } from './errors';
import { badBody, errorFromException, errorFromResponse, ExceptionContext, requestIdOf } from './errorFactory';
import { HostInfo } from './hosts';
import { parseJsonLossless } from './json';
import { RateClass, rateClassesFor, RateLimiter } from './limiter';
import { Dispatchers, ProxySettings } from './proxy';
import { redactSecrets } from './redact';
import { DEFAULT_RETRY, RetryPolicy, withRetry } from './retry';
import { ApiLogger, ApiResponse, BodyReader, Clock, DEFAULT_TIMEOUTS, QueryParams, RequestSpec, silentLogger, Timeouts } from './types';

export interface TransportOptions {
  host: HostInfo;
  key: string;
  userAgent: string;
  logger: ApiLogger;
  timeouts?: Partial<Timeouts>;
  retry?: Partial<RetryPolicy>;
  proxy?: ProxySettings;
  limiter: RateLimiter | undefined;
  clock: Clock;
  random: () => number;
}

/** A target: origin plus path with query string. */
export interface Target {
  origin: string;
  path: string;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** A 2xx body read as it arrived (`RequestSpec.reader`); `body` is then empty. */
  read?: { reader: BodyReader; chars: number };
}

export interface ExchangeInit {
  method: RequestSpec['method'];
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal | undefined;
  headersMs: number;
  bodyMs: number;
  reader?: (() => BodyReader) | undefined;
}

export function buildQuery(query: QueryParams | undefined): string {
  if (!query) return '';
  let out = '';
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null) continue;
    const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
    out += `${out ? '&' : '?'}${encodeURIComponent(k)}=${encodeURIComponent(s)}`;
  }
  return out;
}

export class Transport {
  readonly host: HostInfo;
  readonly timeouts: Timeouts;
  readonly retry: RetryPolicy;
  readonly logger: ApiLogger;
  readonly limiter: RateLimiter | undefined;
  readonly clock: Clock;
  readonly userAgent: string;
  readonly #key: string;
  readonly #secrets: string[];
  readonly #dispatchers: Dispatchers;
  readonly #getHeaders: Record<string, string>;
  readonly #jsonHeaders: Record<string, string>;
  /** Aborted by `retire()`: every request of this transport, in flight or later, ends with it. */
  readonly #lifetime = new AbortController();
  private readonly random: () => number;

  constructor(opts: TransportOptions) {
    this.host = opts.host;
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...opts.timeouts };
    this.retry = { ...DEFAULT_RETRY, ...opts.retry };
    this.logger = opts.logger;
    this.limiter = opts.limiter;
    this.clock = opts.clock;
    this.random = opts.random;
    this.#key = opts.key;
    this.#secrets = [opts.key];
    if (opts.proxy?.proxyAuthorization) this.#secrets.push(opts.proxy.proxyAuthorization);
    this.#dispatchers = new Dispatchers({ connectTimeoutMs: this.timeouts.connectMs, ...(opts.proxy ? { proxy: opts.proxy } : {}) });
    this.userAgent = opts.userAgent;
    // Built once and shared by every request (undici does not mutate them).
    this.#getHeaders = { 'user-agent': opts.userAgent, accept: 'application/json', authorization: `Bearer ${opts.key}` };
    this.#jsonHeaders = { ...this.#getHeaders, 'content-type': 'application/json' };
  }

  /** Removes this connection's key (and proxy credentials) and every key-like token. */
  readonly scrub = (text: string): string => redactSecrets(text, this.#secrets);

  /** Resolves a relative API path or an absolute same-origin URL; refuses other origins. */
  target(path: string, query?: QueryParams): Target {
    if (/^https?:\/\//i.test(path)) {
      const url = new URL(path);
      if (url.origin !== this.host.origin) {
        throw new ConfigError(
          `Refused to send the API key to ${url.origin}: it is not the configured PostHog host ${this.host.origin}.`,
          `cross-origin URL ${this.scrub(path)}`,
        );
      }
      const qs = buildQuery(query);
      return { origin: url.origin, path: url.pathname + (url.search && qs ? `${url.search}&${qs.slice(1)}` : url.search || qs) };
    }
    return { origin: this.host.origin, path: this.host.pathPrefix + path + buildQuery(query) };
  }

  /** Sends a request to the private API with the key; JSON in, JSON out; limiter and retries. */
  async request<T>(callerSpec: RequestSpec): Promise<ApiResponse<T>> {
    const target = this.target(callerSpec.path, callerSpec.query);
    if (this.#lifetime.signal.aborted) {
      throw new AbortError({ status: 0, userMessage: 'Cancelled.', method: callerSpec.method, path: this.scrub(target.path), cause: this.#lifetime.signal.reason }, true);
    }
    const linked = linkSignals(callerSpec.signal, this.#lifetime.signal);
    try {
      return await this.send<T>({ ...callerSpec, signal: linked.signal }, target);
    } finally {
      linked.release();
    }
  }

  private send<T>(spec: RequestSpec, target: Target): Promise<ApiResponse<T>> {
    const idempotent = spec.idempotent ?? (spec.method === 'GET' || spec.method === 'HEAD');
    const classes = this.limiter ? rateClassesFor(spec.method, target.path, spec.body) : [];
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    const init: ExchangeInit = {
      method: spec.method,
      headers: body === undefined ? this.#getHeaders : this.#jsonHeaders,
      body,
      signal: spec.signal,
      headersMs: spec.timeouts?.headersMs ?? this.timeouts.headersMs,
      bodyMs: spec.timeouts?.bodyMs ?? this.timeouts.bodyMs,
      reader: spec.reader,
    };
    const once = (): Promise<ApiResponse<T>> => this.attempt<T>(spec, target, init, classes);
    if (!idempotent || this.retry.maxTries <= 1) return once();
    return withRetry(once, {
      idempotent,
      policy: this.retry,
      clock: this.clock,
      random: this.random,
      ...(spec.signal ? { signal: spec.signal } : {}),
      onRetry: (err, delay, n) =>
        this.logger.info(
          this.scrub(`retrying ${spec.method} ${target.path} in ${(delay / 1000).toFixed(1)} s after ${err.name} (${err.status || err.message}); attempt ${n + 1} of ${this.retry.maxTries}`),
        ),
    });
  }

  private async attempt<T>(spec: RequestSpec, target: Target, init: ExchangeInit, classes: readonly RateClass[]): Promise<ApiResponse<T>> {
    if (this.limiter) await this.limiter.acquire(classes, spec.signal, { method: spec.method, path: this.scrub(target.path) });
    if (spec.signal?.aborted) {
      throw new AbortError({ status: 0, userMessage: 'Cancelled.', method: spec.method, path: this.scrub(target.path) }, true);
    }
    const raw = await this.exchange(target, init);
    const ok = (raw.status >= 200 && raw.status < 300) || (spec.okStatuses?.includes(raw.status) ?? false);
    if (!ok) {
      const err = errorFromResponse(raw, this.failureContext(spec.method, target.path, true));
      if (err instanceof RateLimitError && this.limiter) this.limiter.penalize(classes, err.retryAfterMs);
      throw err;
    }
    const data = this.decode(spec, target, raw);
    return { status: raw.status, data: data as T, headers: raw.headers, requestId: requestIdOf(raw.headers) };
  }

  /** The body's value: parsed as `spec.json` says, or what its reader made of it. */
  private decode(spec: RequestSpec, target: Target, raw: RawResponse): unknown {
    const read = raw.read;
    if (raw.status === 204 || (read ? read.chars === 0 : raw.body === '')) {
      if (spec.method === 'GET') throw badBody(raw, this.failureContext(spec.method, target.path, true), new SyntaxError('empty body'));
      return undefined;
    }
    try {
      if (read) return read.reader.end();
      if (raw.body.charCodeAt(0) === 60 /* < */) throw new SyntaxError('HTML instead of JSON');
      return spec.json === 'text' ? raw.body : spec.json === 'lossless' ? parseJsonLossless(raw.body) : JSON.parse(raw.body);
    } catch (parseError) {
      const body = read ? read.reader.text() : raw.body;
      // (a streamed HTML page fails to parse too; badBody recognises it from the text)
      throw badBody({ ...raw, body }, this.failureContext(spec.method, target.path, true), parseError);
    }
  }

  failureContext(method: string, path: string, withKey: boolean): ExceptionContext {
    return {
      method,
      path: this.scrub(path),
      webBase: this.host.baseUrl,
      ...(withKey ? { key: this.#key } : {}),
      scrub: this.scrub,
      now: this.clock.now,
      signal: undefined,
      timeouts: this.timeouts,
    };
  }

  /**
   * One HTTP exchange: sends, reads the whole body as text, logs `METHOD path → status (ms)`.
   * Network failures, timeouts and aborts are thrown as typed ApiErrors.
   */
  async exchange(target: Target, init: ExchangeInit): Promise<RawResponse> {
    const started = performance.now();
    const dispatcher: Dispatcher = this.#dispatchers.forOrigin(target.origin);
    let raw: RawResponse;
    try {
      const res = await dispatcher.request({
        origin: target.origin,
        path: target.path,
        method: init.method,
        headers: init.headers,
        body: init.body,
        signal: init.signal,
        headersTimeout: init.headersMs,
        bodyTimeout: init.bodyMs,
      });
      const ok = res.statusCode >= 200 && res.statusCode < 300 && res.statusCode !== 204;
      raw = init.reader && ok ? await readStreamed(res, init.reader()) : { status: res.statusCode, headers: res.headers, body: await res.body.text() };
    } catch (err) {
      const ctx = this.failureContext(init.method, target.path, false);
      const mapped = errorFromException(err, {
        ...ctx,
        signal: init.signal,
        timeouts: { ...this.timeouts, headersMs: init.headersMs, bodyMs: init.bodyMs },
        webBase: target.origin === this.host.origin ? this.host.baseUrl : target.origin,
      });
      this.logOutcome(init.method, target.path, started, mapped);
      throw mapped;
    }
    this.logOutcome(init.method, target.path, started, raw.status);
    return raw;
  }

  private logOutcome(method: string, path: string, started: number, outcome: number | ApiError): void {
    if (this.logger === silentLogger) return;
    const ms = Math.round(performance.now() - started);
    if (typeof outcome === 'number') {
      const line = `${method} ${path} → ${outcome} (${ms} ms)`;
      if (outcome < 400) this.logger.debug(this.scrub(line));
      else this.logger.info(this.scrub(line));
      return;
    }
    if (outcome.name === 'AbortError') {
      this.logger.debug(this.scrub(`${method} ${path} → cancelled (${ms} ms)`));
      return;
    }
    const code = (outcome as { code?: string }).code ?? (outcome as { phase?: string }).phase ?? '';
    this.logger.info(this.scrub(`${method} ${path} → ${outcome.name}${code ? ` ${code}` : ''} (${ms} ms): ${outcome.detail}`));
  }

  /** The configured proxy URL for an origin, if any (for diagnostics). */
  proxyUrlFor(origin: string): string | undefined {
    const p = this.#dispatchers.proxyUrlFor(origin);
    return p === undefined ? undefined : this.scrub(p);
  }

  async close(): Promise<void> {
    await this.#dispatchers.close();
  }

  /**
   * Ends this transport's life (its key was replaced or signed out): requests in flight or waiting
   * in the limiter or a retry are aborted, and later requests fail at once with an AbortError, so
   * no request leaves with this key any more.
   */
  retire(): Promise<void> {
    this.#lifetime.abort(new Error('the connection or key changed'));
    return this.#dispatchers.close().catch(() => undefined);
  }

  get retired(): boolean {
    return this.#lifetime.signal.aborted;
  }

  async destroy(): Promise<void> {
    await this.#dispatchers.destroy();
  }
}

/** Feeds a body to `reader` chunk by chunk as it arrives (UTF-8, chars split across chunks kept whole). */
async function readStreamed(res: Dispatcher.ResponseData, reader: BodyReader): Promise<RawResponse> {
  const decoder = new TextDecoder();
  let chars = 0;
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
    const text = decoder.decode(chunk, { stream: true });
    chars += text.length;
    if (text) reader.push(text);
    const ready = reader.ready?.();
    if (ready) await ready;
    // Pieces already received come back to back in promise callbacks: without a turn of the event
    // loop between them, the extension host sent the webview message posted with the first rows
    // only once the whole body was read, ~400 ms later (issue #21, scripts/bench/query-stream.mjs).
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const rest = decoder.decode();
  if (rest) reader.push(rest);
  return { status: res.statusCode, headers: res.headers, body: '', read: { reader, chars: chars + rest.length } };
}

/**
 * A signal that aborts when either `caller` or `lifetime` does, and a `release` that detaches it
 * once the request settled. Not `AbortSignal.any`: on Node 20 every composite signal stays
 * reachable from a long-lived source (the client's lifetime signal) — a leak of one signal and its
 * listeners per request (the soak benchmark showed ~8 KB per query).
 */
export function linkSignals(caller: AbortSignal | undefined, lifetime: AbortSignal): { signal: AbortSignal; release(): void } {
  if (!caller) return { signal: lifetime, release: () => {} };
  const controller = new AbortController();
  const sources = [caller, lifetime];
  const onAbort = (e: Event): void => {
    controller.abort((e.target as AbortSignal).reason);
    release();
  };
  const release = (): void => {
    for (const s of sources) s.removeEventListener('abort', onAbort);
  };
  const already = sources.find((s) => s.aborted);
  if (already) controller.abort(already.reason);
  else for (const s of sources) s.addEventListener('abort', onAbort, { once: true });
  return { signal: controller.signal, release };
}
