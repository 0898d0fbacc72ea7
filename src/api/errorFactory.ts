/**
 * The factories that turn a response or a thrown exception into one typed `ApiError`.
 * Pure functions of their inputs (plus an injected clock for HTTP-date `Retry-After`).
 */
import {
  AbortError,
  ApiError,
  ApiErrorInit,
  BadResponseError,
  ForbiddenError,
  HttpError,
  MissingScopeError,
  NetworkError,
  NetworkReason,
  NotFoundError,
  RateLimitError,
  ServerError,
  TimeoutError,
  TimeoutPhase,
  UnauthorizedError,
  ValidationError,
} from './errors';
import { KeyKind, keyKindOf, personalKeysUrl, wrongKeyKindMessage } from './keys';
import { keyHint } from './redact';

export interface FailureContext {
  method: string;
  /** Path (with query string) relative to the origin, for messages and the log. */
  path: string;
  /** The connection's web base URL (`https://us.posthog.com`), used in advice. */
  webBase: string;
  /** The key sent with the request, if any (only its kind and hint are used). */
  key?: string;
  scrub: (text: string) => string;
  now: () => number;
}

export interface ResponseLike {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-amzn-requestid', 'x-amz-cf-id', 'cf-ray'];

export function header(headers: ResponseLike['headers'], name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function requestIdOf(headers: ResponseLike['headers']): string | undefined {
  for (const h of REQUEST_ID_HEADERS) {
    const v = header(headers, h);
    if (v) return v;
  }
  return undefined;
}

/** `Retry-After` as milliseconds from now: integer/decimal seconds or an HTTP-date. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const date = Date.parse(v);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

interface ErrorBody {
  type?: string;
  code?: string;
  detail?: string;
  attr?: string | null;
  /** Query status polls fail with `{query_status: {error_message}}` instead of a DRF error. */
  query_status?: { error_message?: string | null };
}

function parseErrorBody(body: string): ErrorBody | undefined {
  try {
    const v: unknown = JSON.parse(body);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v) : undefined;
  } catch {
    return undefined;
  }
}

export function looksLikeHtml(body: string, contentType: string | undefined): boolean {
  if (contentType && /text\/html/i.test(contentType)) return true;
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(body.slice(0, 512));
}

function excerpt(body: string): string {
  const oneLine = body.replace(/\s+/g, ' ').trim();
  return oneLine.length > 300 ? `${oneLine.slice(0, 300)}…` : oneLine;
}

function htmlError(res: ResponseLike, ctx: FailureContext, base: ApiErrorInit): BadResponseError {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(res.body)?.[1]?.trim();
  return new BadResponseError(
    {
      ...base,
      userMessage:
        `${ctx.webBase} answered with a web page${title ? ` ("${title}")` : ''} instead of PostHog API data: ` +
        `probably a sign-in page of a proxy or single sign-on gateway in front of PostHog. ` +
        `Check the host URL, or sign in to the gateway / configure the proxy.`,
    },
    'html',
  );
}

function unauthorized(body: ErrorBody | undefined, ctx: FailureContext, base: ApiErrorInit): UnauthorizedError {
  const kind: KeyKind = ctx.key === undefined ? 'unknown' : keyKindOf(ctx.key);
  const wrongKind = wrongKeyKindMessage(kind, ctx.webBase);
  if (wrongKind) return new UnauthorizedError({ ...base, userMessage: `PostHog rejected the key. ${wrongKind}` });
  const hint = ctx.key ? ` (${keyHint(ctx.key)})` : '';
  const msg =
    body?.code === 'not_authenticated'
      ? `PostHog received no API key. Add a personal API key (phx_…) created at ${personalKeysUrl(ctx.webBase)}.`
      : `PostHog rejected the personal API key${hint}: it may be mistyped, deleted or expired. ` +
        `Check it, or create a new one at ${personalKeysUrl(ctx.webBase)}.`;
  return new UnauthorizedError({ ...base, userMessage: msg });
}

function forbidden(body: ErrorBody | undefined, ctx: FailureContext, base: ApiErrorInit): ForbiddenError {
  const detail = body?.detail ?? '';
  const scope = /missing required scope '([^']+)'/i.exec(detail)?.[1];
  if (scope) {
    return new MissingScopeError(
      {
        ...base,
        userMessage:
          `Your personal API key lacks the '${scope}' scope. Edit the key at ${personalKeysUrl(ctx.webBase)} ` +
          `to add it (or create a new key with it), then try again.`,
      },
      scope,
    );
  }
  const why = detail ? ` (${detail.replace(/\.$/, '')})` : '';
  return new ForbiddenError({
    ...base,
    userMessage:
      `PostHog denied access${why}. The key may be limited to other projects or organizations, ` +
      `or your account may not have access to this project.`,
  });
}

function validation(body: ErrorBody | undefined, res: ResponseLike, base: ApiErrorInit): ValidationError {
  const pollMessage = body?.query_status?.error_message ?? undefined;
  const serverDetail = body?.detail ?? pollMessage ?? (excerpt(res.body) || 'Bad request.');
  const code = body?.code ?? (pollMessage ? 'query_failed' : 'invalid_input');
  const attr = body?.attr ?? null;
  const isHogQL = code.startsWith('hogql_') || pollMessage !== undefined;
  const userMessage = isHogQL ? serverDetail : `PostHog rejected the request: ${serverDetail}${attr ? ` (field '${attr}')` : ''}`;
  return new ValidationError({ ...base, userMessage }, { code, serverDetail, attr });
}

function rateLimited(body: ErrorBody | undefined, res: ResponseLike, ctx: FailureContext, base: ApiErrorInit): RateLimitError {
  let ms = parseRetryAfter(header(res.headers, 'retry-after'), ctx.now());
  const inDetail = /available in (\d+) seconds?/i.exec(body?.detail ?? '');
  if (ms === undefined && inDetail) ms = Number(inDetail[1]) * 1000;
  const when = ms === undefined ? 'in a moment' : `in ${Math.max(1, Math.ceil(ms / 1000))} s`;
  return new RateLimitError({ ...base, userMessage: `PostHog's rate limit for this API key was reached. Try again ${when}.` }, ms);
}

function serverError(body: ErrorBody | undefined, res: ResponseLike, base: ApiErrorInit, now: number): ServerError {
  const s = res.status;
  let msg = `PostHog had a server error (${s}). Try again in a moment.`;
  if (s === 502 || s === 503) msg = `PostHog is unavailable or at capacity (${s}). Try again in a moment.`;
  if (s === 504) msg = 'The query took too long or used too much memory (504). Narrow the date range or add a LIMIT.';
  if (s === 512) msg = 'PostHog estimated the query would run too long (512). Narrow the date range or filter more.';
  const pollMessage = body?.query_status?.error_message;
  if (pollMessage) msg = pollMessage;
  return new ServerError({ ...base, userMessage: msg }, parseRetryAfter(header(res.headers, 'retry-after'), now));
}

/** Picks the error class for a non-2xx (or unusable 2xx) response. */
export function errorFromResponse(res: ResponseLike, ctx: FailureContext): ApiError {
  const contentType = header(res.headers, 'content-type');
  const base: ApiErrorInit = {
    status: res.status,
    userMessage: '',
    detail: `${ctx.method} ${ctx.path} → ${res.status}: ${excerpt(res.body)}`,
    requestId: requestIdOf(res.headers),
    method: ctx.method,
    path: ctx.path,
    scrub: ctx.scrub,
  };
  const s = res.status;
  if (s >= 300 && s < 400) {
    const location = header(res.headers, 'location') ?? '';
    return new BadResponseError(
      {
        ...base,
        userMessage:
          `${ctx.webBase} redirected the request${location ? ` to ${location.split('?')[0]}` : ''}: probably a sign-in ` +
          `gateway or a wrong host URL (check http vs https and any path prefix).`,
      },
      'redirect',
    );
  }
  const html = looksLikeHtml(res.body, contentType);
  if (html && (s < 300 || s === 401 || s === 403 || s === 407)) return htmlError(res, ctx, base);
  const body = parseErrorBody(res.body);
  if (s === 400) return validation(body, res, base);
  if (s === 401) return unauthorized(body, ctx, base);
  if (s === 403) return forbidden(body, ctx, base);
  if (s === 404) {
    return new NotFoundError({ ...base, userMessage: `Not found: ${ctx.path.split('?')[0]}. It may have been deleted, or it belongs to another project.` });
  }
  if (s === 429) return rateLimited(body, res, ctx, base);
  if (s >= 500) return serverError(body, res, base, ctx.now());
  const detail = body?.detail ? `: ${body.detail}` : '';
  return new HttpError({ ...base, userMessage: `PostHog answered ${s}${detail}.` });
}

/** True when a JSON parse error points at the end of the text (the body was cut off). */
function isTruncation(message: string, body: string): boolean {
  if (/end of (json )?input|unexpected end/i.test(message)) return true;
  const at = /at position (\d+)/.exec(message);
  if (!at) return false;
  const end = body.trimEnd().length;
  if (Number(at[1]) >= end) return true;
  // "Unterminated string … at position N": the string opened at N never closed.
  return /unterminated string/i.test(message) && body.indexOf('"', Number(at[1]) + 1) === -1;
}

/** A 2xx whose body could not be used (not JSON, truncated, wrong content type). */
export function badBody(res: ResponseLike, ctx: FailureContext, parseError: unknown): ApiError {
  const contentType = header(res.headers, 'content-type');
  if (looksLikeHtml(res.body, contentType)) return errorFromResponse({ ...res, status: res.status }, ctx);
  const base: ApiErrorInit = {
    status: res.status,
    userMessage: '',
    detail: `${ctx.method} ${ctx.path} → ${res.status} (${contentType ?? 'no content type'}, ${res.body.length} chars): ` +
      `${parseError instanceof Error ? parseError.message : String(parseError)}; body: ${excerpt(res.body)}`,
    requestId: requestIdOf(res.headers),
    method: ctx.method,
    path: ctx.path,
    scrub: ctx.scrub,
  };
  if (res.body.trim() === '') {
    return new BadResponseError({ ...base, userMessage: `PostHog sent an empty response to ${ctx.method} ${ctx.path.split('?')[0]}.` }, 'empty');
  }
  const isJsonType = contentType === undefined || /json/i.test(contentType);
  if (!isJsonType) {
    return new BadResponseError(
      { ...base, userMessage: `${ctx.webBase} answered with ${contentType.split(';')[0]} instead of JSON: is the host URL right?` },
      'content-type',
    );
  }
  const truncated = isTruncation(String((parseError as Error)?.message ?? ''), res.body);
  return new BadResponseError(
    {
      ...base,
      userMessage: truncated
        ? 'The response from PostHog was cut off before it ended. Try again; if it keeps happening, a proxy may be truncating responses.'
        : 'PostHog sent a response that is not valid JSON. Try again; if it keeps happening, check any proxy in between.',
    },
    truncated ? 'truncated' : 'not-json',
  );
}

const NETWORK_CODES: Record<string, [NetworkReason, string]> = {
  ENOTFOUND: ['dns', 'the host name could not be resolved (DNS lookup failed)'],
  EAI_AGAIN: ['dns', 'the DNS lookup failed temporarily'],
  ECONNREFUSED: ['refused', 'the connection was refused (nothing is listening at that address)'],
  ECONNRESET: ['reset', 'the connection was reset by the server or a proxy'],
  EPIPE: ['reset', 'the connection was closed while sending the request'],
  UND_ERR_SOCKET: ['closed', 'the connection was closed before the response completed'],
  UND_ERR_CLOSED: ['closed', 'the connection was closed'],
  UND_ERR_DESTROYED: ['closed', 'the connection was closed'],
  UND_ERR_ABORTED: ['closed', 'the request was aborted by the connection pool (client closed)'],
  ENETUNREACH: ['unreachable', 'the network is unreachable'],
  EHOSTUNREACH: ['unreachable', 'the host is unreachable'],
  ETIMEDOUT: ['unreachable', 'the connection timed out at the network level'],
};

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL|DEPTH_ZERO/;

function errorCode(err: unknown): string {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET' && code !== 'UND_ERR') return code;
    e = (e as { cause?: unknown }).cause;
  }
  const top = (err as { code?: unknown } | null)?.code;
  return typeof top === 'string' ? top : 'UNKNOWN';
}

export interface ExceptionContext extends FailureContext {
  signal: AbortSignal | undefined;
  timeouts: { connectMs: number; headersMs: number; bodyMs: number };
}

function timeoutError(phase: TimeoutPhase, ms: number, base: ApiErrorInit): TimeoutError {
  const what = { connect: 'to accept the connection', headers: 'to start responding', body: 'to finish sending the response' }[phase];
  return new TimeoutError({ ...base, userMessage: `PostHog took longer than ${Math.round(ms / 100) / 10} s ${what} (${phase} timeout). Try again, or raise the timeout.` }, phase, ms);
}

/** A copy of the low-level error for `cause`, with its message scrubbed (it may echo URLs). */
function scrubbedCause(err: unknown, scrub: (t: string) => string, code: string): Error {
  const message = err instanceof Error ? err.message : String(err);
  const copy = new Error(scrub(message));
  copy.name = err instanceof Error ? err.name : 'Error';
  return Object.assign(copy, { code });
}

/** Maps an exception thrown while sending a request or reading its body. */
export function errorFromException(err: unknown, ctx: ExceptionContext): ApiError {
  if (err instanceof ApiError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const code = errorCode(err);
  const base: ApiErrorInit = {
    status: 0,
    userMessage: '',
    detail: `${ctx.method} ${ctx.path}: ${code} ${message}`,
    method: ctx.method,
    path: ctx.path,
    scrub: ctx.scrub,
    cause: scrubbedCause(err, ctx.scrub, code),
  };
  if (ctx.signal?.aborted) return new AbortError({ ...base, userMessage: 'Cancelled.' });
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return timeoutError('connect', ctx.timeouts.connectMs, base);
  if (code === 'UND_ERR_HEADERS_TIMEOUT') return timeoutError('headers', ctx.timeouts.headersMs, base);
  if (code === 'UND_ERR_BODY_TIMEOUT') return timeoutError('body', ctx.timeouts.bodyMs, base);
  const host = ctx.webBase;
  if (/proxy/i.test(message) || code === 'UND_ERR_PRX_TLS') {
    const needsAuth = /\b407\b/.test(message);
    const why = needsAuth ? 'the proxy requires authentication (407); set http.proxyAuthorization or put credentials in the proxy URL' : message;
    return new NetworkError(
      { ...base, userMessage: `Could not connect through the proxy to ${host}: ${why}. Check the http.proxy setting or HTTPS_PROXY.` },
      'proxy',
      code,
    );
  }
  if (TLS_CODES.test(code)) {
    return new NetworkError(
      {
        ...base,
        userMessage:
          `The TLS certificate of ${host} was not accepted (${code}). If a corporate proxy inspects traffic, ` +
          `add its CA (NODE_EXTRA_CA_CERTS) or turn off http.proxyStrictSSL.`,
      },
      'tls',
      code,
    );
  }
  const known = NETWORK_CODES[code] ?? (code === 'UND_ERR_SOCKET' || /other side closed|socket/i.test(message) ? NETWORK_CODES.UND_ERR_SOCKET : undefined);
  const [reason, why] = known ?? ['other', message];
  return new NetworkError({ ...base, userMessage: `Could not reach ${host}: ${why} (${code}). Check the host URL and your network or proxy.` }, reason, code);
}
