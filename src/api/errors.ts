/**
 * Typed API errors (after stripe-node's `Error.ts`): one base class with an actionable
 * `userMessage`, a redacted `detail` for the log, and one subclass per failure kind. UI code
 * branches on `instanceof`, never on message text. The factories that pick a class live in
 * `errorFactory.ts`.
 */
import { redact } from './redact';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface ApiErrorInit {
  status: number;
  userMessage: string;
  /** For the log; redacted here again whatever the caller did. */
  detail?: string;
  requestId?: string;
  method?: string;
  path?: string;
  cause?: unknown;
  /** Extra scrubbing (e.g. removes the connection's own key even if it has no `ph?_` prefix). */
  scrub?: (text: string) => string;
}

export class ApiError extends Error {
  // Each class names itself: bundles are minified without keepNames (names would be mangled), and the
  // name shows in logs and messages (TimeoutError, …).
  override name = 'ApiError';
  /** HTTP status; 0 when no response was received (network, timeout, abort, configuration). */
  readonly status: number;
  /** One or two actionable sentences, safe to show in a notification. */
  readonly userMessage: string;
  /** Technical detail for the log (response body excerpt, error codes); already redacted. */
  readonly detail: string;
  readonly requestId: string | undefined;
  readonly method: string;
  readonly path: string;

  constructor(init: ApiErrorInit) {
    const scrub = init.scrub ?? redact;
    const userMessage = scrub(init.userMessage);
    super(userMessage, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.userMessage = userMessage;
    this.detail = scrub(init.detail ?? '');
    this.requestId = init.requestId;
    this.method = init.method ?? '';
    this.path = scrub(init.path ?? '');
  }
}

/** 401: the key is unknown, revoked, or of the wrong kind (see `userMessage`). */
export class UnauthorizedError extends ApiError {
  override name = 'UnauthorizedError';
}

/** 403 for a reason other than a missing scope (project/organization restriction, no access). */
export class ForbiddenError extends ApiError {
  override name = 'ForbiddenError';
}

/** 403 `API key missing required scope 'x:y'`. */
export class MissingScopeError extends ForbiddenError {
  override name = 'MissingScopeError';
  constructor(init: ApiErrorInit, readonly scope: string) {
    super(init);
  }
}

export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
}

export interface ValidationInfo {
  /** PostHog's error `code`: `invalid_input`, `unique`, `hogql_syntax_error`, `hogql_query_error`… */
  code: string;
  /** PostHog's message (for HogQL errors: the parser/resolver message). */
  serverDetail: string;
  /** Offending field, or null. */
  attr: string | null;
}

/** 400: a validation or HogQL error. `code`, `serverDetail` and `attr` come from PostHog's body. */
export class ValidationError extends ApiError {
  override name = 'ValidationError';
  readonly code: string;
  readonly serverDetail: string;
  readonly attr: string | null;
  constructor(init: ApiErrorInit, info: ValidationInfo) {
    super(init);
    this.code = info.code;
    this.serverDetail = (init.scrub ?? redact)(info.serverDetail);
    this.attr = info.attr;
  }
  /** True for errors in the HogQL text itself (syntax, resolution, exposed ClickHouse errors). */
  get isHogQLError(): boolean {
    return this.code.startsWith('hogql_');
  }
}

/** 429 from PostHog, or a client-side refusal when the local limiter would wait too long. */
export class RateLimitError extends ApiError {
  override name = 'RateLimitError';
  constructor(
    init: ApiErrorInit,
    /** How long to wait before trying again; undefined when the server gave no hint. */
    readonly retryAfterMs: number | undefined,
    /** True when the client refused locally (no request was sent). */
    readonly clientSide = false,
  ) {
    super(init);
  }
}

/** 5xx. `retryAfterMs` is set when a 503 carried `Retry-After`. */
export class ServerError extends ApiError {
  override name = 'ServerError';
  constructor(init: ApiErrorInit, readonly retryAfterMs?: number) {
    super(init);
  }
}

/** Any other non-2xx status (402 quota, 405, 409, 413…). */
export class HttpError extends ApiError {
  override name = 'HttpError';
}

export type NetworkReason =
  | 'dns'
  | 'refused'
  | 'reset'
  | 'closed'
  | 'unreachable'
  | 'tls'
  | 'proxy'
  | 'other';

/** No usable response: DNS failure, refused or reset connection, TLS or proxy problems. */
export class NetworkError extends ApiError {
  override name = 'NetworkError';
  constructor(init: ApiErrorInit, readonly reason: NetworkReason, readonly code: string) {
    super(init);
  }
}

export type TimeoutPhase = 'connect' | 'headers' | 'body';

export class TimeoutError extends ApiError {
  override name = 'TimeoutError';
  constructor(init: ApiErrorInit, readonly phase: TimeoutPhase, readonly timeoutMs: number) {
    super(init);
  }
}

/** The caller cancelled. Not a failure: UI code should not show it as an error. */
export class AbortError extends ApiError {
  override name = 'AbortError';
  constructor(
    init: ApiErrorInit,
    /** True when nothing was sent (cancelled while queued in the limiter or before starting). */
    readonly beforeSend = false,
  ) {
    super(init);
  }
}

/** `shape`: valid JSON that the API boundary's schema cannot use (e.g. an object without an id). */
export type BadResponseReason = 'html' | 'redirect' | 'not-json' | 'truncated' | 'content-type' | 'empty' | 'shape';

/** A response that is not what PostHog's API sends: HTML login page, truncated or non-JSON body. */
export class BadResponseError extends ApiError {
  override name = 'BadResponseError';
  constructor(init: ApiErrorInit, readonly reason: BadResponseReason) {
    super(init);
  }
}

/** A problem with the configuration found before any request (host URL, key kind). */
export class ConfigError extends ApiError {
  override name = 'ConfigError';
  constructor(userMessage: string, detail?: string) {
    super({ status: 0, userMessage, ...(detail === undefined ? {} : { detail }) });
  }
}

/** True for errors that mean "the user cancelled", which callers should swallow silently. */
export function isAbort(err: unknown): err is AbortError {
  return err instanceof AbortError;
}
