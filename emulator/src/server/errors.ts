/**
 * API errors in PostHog's shape. drf-exceptions-hog turns every DRF exception into
 * `{type, code, detail, attr}` (posthog-api.md section 0); `invalid` is renamed `invalid_input`.
 */

export type ErrorType = 'validation_error' | 'authentication_error' | 'invalid_request' | 'throttled_error' | 'server_error';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: ErrorType,
    readonly code: string,
    readonly detail: string,
    readonly attr: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'ApiError';
  }

  body(): { type: ErrorType; code: string; detail: string; attr: string | null } {
    return { type: this.type, code: this.code === 'invalid' ? 'invalid_input' : this.code, detail: this.detail, attr: this.attr };
  }
}

export const notAuthenticated = (): ApiError =>
  new ApiError(401, 'authentication_error', 'not_authenticated', 'Authentication credentials were not provided.');

export const authenticationFailed = (): ApiError =>
  new ApiError(401, 'authentication_error', 'authentication_failed', 'Personal API key found in request Authorization header is invalid.');

export const missingScope = (scope: string): ApiError =>
  new ApiError(403, 'authentication_error', 'permission_denied', `API key missing required scope '${scope}'`);

export const permissionDenied = (detail = 'You do not have permission to perform this action.'): ApiError =>
  new ApiError(403, 'authentication_error', 'permission_denied', detail);

export const notFound = (detail = 'Not found.'): ApiError => new ApiError(404, 'invalid_request', 'not_found', detail);

/** DRF MethodNotAllowed. (ForbidDestroyModel's DELETE is different: an empty 405, see routes.) */
export const methodNotAllowed = (method: string): ApiError =>
  new ApiError(405, 'invalid_request', 'method_not_allowed', `Method "${method}" not allowed.`);

export const validation = (detail: string, attr: string | null = null, code = 'invalid_input'): ApiError =>
  new ApiError(400, 'validation_error', code, detail, attr);

export const required = (attr: string): ApiError => validation('This field is required.', attr, 'required');

export const parseError = (detail: string): ApiError => new ApiError(400, 'invalid_request', 'parse_error', detail);

/** DRF Throttled: detail and Retry-After carry the same whole number of seconds. */
export const throttled = (waitSeconds: number): ApiError =>
  new ApiError(
    429,
    'throttled_error',
    'throttled',
    `Request was throttled. Expected available in ${waitSeconds} second${waitSeconds === 1 ? '' : 's'}.`,
    null,
    { 'Retry-After': String(waitSeconds) },
  );

export const serverError = (detail = 'A server error occurred.'): ApiError => new ApiError(500, 'server_error', 'error', detail);
