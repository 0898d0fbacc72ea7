/**
 * The link between a `.hogql` file and a SQL insight lives in the file (issue #18), as its first
 * line, so it survives reloads and travels in git:
 *
 *     -- posthog: insight abc123 on project 2 of us.posthog.com
 *
 * The host is written without `https://` (kept for `http://`, e.g. a local PostHog). The rest of the
 * file is the insight's query. Pure: no `vscode`.
 */

export interface HeaderLink {
  shortId: string;
  projectId: number;
  /** Base URL, e.g. `https://us.posthog.com` or `http://localhost:8010`. */
  host: string;
}

const HEADER = /^--\s*posthog:\s*insight\s+([A-Za-z0-9_-]{1,64})\s+on\s+project\s+(\d{1,12})\s+of\s+(\S+)\s*$/i;

function hostOf(text: string): string | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return url.origin + url.pathname.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

/** The header line for a link. */
export function formatHeader(link: HeaderLink): string {
  const host = link.host.replace(/\/+$/, '').replace(/^https:\/\//i, '');
  return `-- posthog: insight ${link.shortId} on project ${link.projectId} of ${host}`;
}

/** The link in the first line of `text`, if it has one. */
export function parseHeader(text: string): HeaderLink | undefined {
  const first = /^\uFEFF?([^\r\n]*)/.exec(text)![1];
  const m = HEADER.exec(first.trim());
  if (!m) return undefined;
  const host = hostOf(m[3]);
  const projectId = Number(m[2]);
  if (!host || !Number.isSafeInteger(projectId) || projectId <= 0) return undefined;
  return { shortId: m[1], projectId, host };
}

/** `text` without its header line (and the line break after it). */
export function withoutHeader(text: string): string {
  if (!parseHeader(text)) return text;
  const nl = text.search(/\r?\n/);
  return nl < 0 ? '' : text.slice(nl + (text[nl] === '\r' ? 2 : 1));
}

/** The file's text for an insight's query: the header line, then the query, ending with a newline. */
export function fileText(link: HeaderLink, query: string): string {
  return `${formatHeader(link)}\n${query.endsWith('\n') ? query : `${query}\n`}`;
}
