/**
 * Redaction of secrets in anything that may reach a log, an error message or a test report.
 * PostHog keys: personal `phx_…`, project `phc_…`, project secret `phs_…`; plus any
 * `Authorization` header value and `Bearer` token. Pure: no `vscode` import.
 */
const KEY_PATTERN = /\bph[xcs]_[A-Za-z0-9_-]+/g;
const BEARER_PATTERN = /\b(Bearer\s+)[^\s"',;]+/gi;
const AUTH_HEADER_PATTERN = /("?authorization"?\s*[:=]\s*"?)([^"\r\n,}]+)/gi;

/** Replaces every key-like token with its 4-character prefix and an ellipsis (`phx_…`). */
export function redact(text: string): string {
  return text
    .replace(KEY_PATTERN, (m) => `${m.slice(0, 4)}…`)
    .replace(BEARER_PATTERN, '$1<redacted>')
    .replace(AUTH_HEADER_PATTERN, '$1<redacted>');
}

/** A short, safe label for a key: its kind prefix and the last 4 characters (`phx_…a1b2`). */
export function keyHint(key: string): string {
  const prefix = /^ph[xcs]_/.test(key) ? key.slice(0, 4) : '';
  return key.length > 12 ? `${prefix}…${key.slice(-4)}` : `${prefix}…`;
}
