/**
 * Error classes mirroring PostHog's `posthog/hogql/errors.py`: exposed errors carry a code
 * (`hogql_syntax_error` for SyntaxError, `hogql_query_error` for QueryError, `hogql_error` for
 * other exposed errors) and optional `start`/`end` code-point offsets into the query.
 * The server answers these with 400 `{type:'validation_error', code, detail: message, attr: null}`.
 */

/** HogQL's own codes, or a ClickHouse code name in lower case for an exposed engine error (`no_common_type`). */
export type HogQLErrorCode = 'hogql_syntax_error' | 'hogql_query_error' | 'hogql_error' | (string & {});

export class HogQLError extends Error {
  constructor(
    readonly code: HogQLErrorCode,
    message: string,
    readonly start?: number,
    readonly end?: number,
    readonly fix?: string,
  ) {
    super(message);
    this.name = 'HogQLError';
  }
}

/** QueryError in PostHog: the query parses but is not valid. */
export function queryError(message: string, node?: { start?: number; end?: number }): HogQLError {
  return new HogQLError('hogql_query_error', message, node?.start, node?.end);
}

/** A construct the emulator does not implement: a clear refusal, never a wrong result. */
export function unsupported(what: string, node?: { start?: number; end?: number }): HogQLError {
  return new HogQLError('hogql_query_error', `${what} is not supported by the PostHog emulator`, node?.start, node?.end);
}

/**
 * ClickHouse ran out of time (code 159 TIMEOUT_EXCEEDED). PostHog's `posthog/errors.py` maps
 * it to a 504-class API error; the server sends 504 for this class.
 */
export class HogQLTimeoutError extends Error {
  readonly status = 504;
  constructor(message = 'Query timed out') {
    super(message);
    this.name = 'HogQLTimeoutError';
  }
}

/** The engine failed in a way PostHog does not expose: the server answers 500. */
export class HogQLInternalError extends Error {
  readonly status = 500;
  constructor(message: string) {
    super(message);
    this.name = 'HogQLInternalError';
  }
}

/**
 * An engine failure PostHog answers with an APIException of its own status (posthog/exceptions.py:
 * ClickHouseAtCapacity 503, ClickHouseEstimatedQueryExecutionTimeTooLong 512,
 * ClickHouseQueryMemoryLimitExceeded 513, and the generic 500 "ClickHouse error while executing
 * query." for InternalCHQueryError). `code` is the DRF error code of the body.
 */
export class HogQLServerError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HogQLServerError';
  }
}
