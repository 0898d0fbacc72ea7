/**
 * Redaction of secrets in anything that may reach a log, an error message or a test report.
 * PostHog keys: personal `phx_…`, project `phc_…`, project secret `phs_…`; plus any
 * `Authorization` header value and `Bearer` token. Pure: no `vscode` import.
 */
const KEY_PATTERN = /\bph[xcs]_[A-Za-z0-9_-]+/g;
const BEARER_PATTERN = /\b(Bearer\s+)[^\s"',;]+/gi;
const AUTH_HEADER_PATTERN = /("?authorization"?\s*[:=]\s*"?)([^"\r\n,}]+)/gi;
/** Keys passed as query parameters or JSON fields (`personal_api_key=…`, `"api_key": "…"`, `token=…`). */
const KEY_PARAM_PATTERN = /((?:personal_api_key|api_key|token)"?\s*[=:]\s*"?)([^&\s"',;}]+)/gi;
/** Credentials embedded in URLs (`http://user:secret@proxy:3128`). */
const URL_USERINFO_PATTERN = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi;

/** Replaces every key-like token with its 4-character prefix and an ellipsis (`phx_…`). */
export function redact(text: string): string {
  return text
    .replace(KEY_PATTERN, (m) => `${m.slice(0, 4)}…`)
    .replace(BEARER_PATTERN, '$1<redacted>')
    .replace(AUTH_HEADER_PATTERN, '$1<redacted>')
    .replace(KEY_PARAM_PATTERN, (_m, name: string, value: string) => `${name}${value.startsWith('ph') ? value : '<redacted>'}`)
    .replace(URL_USERINFO_PATTERN, '$1<redacted>@');
}

/**
 * Redaction that also removes the given secrets verbatim (a key with no `ph?_` prefix, a
 * proxy password): each occurrence becomes its `keyHint`. Then applies `redact`.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (s.length >= 4 && out.includes(s)) out = out.split(s).join(keyHint(s));
  }
  return redact(out);
}

/** A short, safe label for a key: its kind prefix and the last 4 characters (`phx_…a1b2`). */
export function keyHint(key: string): string {
  const prefix = /^ph[xcs]_/.test(key) ? key.slice(0, 4) : '';
  return key.length > 12 ? `${prefix}…${key.slice(-4)}` : `${prefix}…`;
}
