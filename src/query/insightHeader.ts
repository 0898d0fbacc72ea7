/**
 * The link between a `.hogql` file and a SQL insight or a view (a data warehouse saved query) lives
 * in the file (issue #18), as its first line, so it survives reloads and travels in git:
 *
 *     -- posthog: insight abc123 on project 2 of us.posthog.com
 *     -- posthog: view 0191d2c4-5e6f-7000-8a9b-0c1d2e3f4a5b on project 2 of us.posthog.com
 *
 * The host is written without `https://` (kept for `http://`, e.g. a local PostHog). The rest of the
 * file is the insight's query. Pure: no `vscode`.
 */

export interface HeaderLink {
  /** `view` for a data warehouse view; absent for an insight (the header's first form). */
  kind?: 'view';
  /** The insight's short id, or the view's id (a UUID). */
  shortId: string;
  projectId: number;
  /** Base URL, e.g. `https://us.posthog.com` or `http://localhost:8010`. */
  host: string;
}

const HEADER = /^--\s*posthog:\s*(insight|view)\s+([A-Za-z0-9_-]{1,64})\s+on\s+project\s+(\d{1,12})\s+of\s+(\S+)\s*$/i;

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
  return `-- posthog: ${link.kind === 'view' ? 'view' : 'insight'} ${link.shortId} on project ${link.projectId} of ${host}`;
}

/** What the link names, as a key for what this workspace records about it. */
export const linkKey = (l: HeaderLink): string => `${l.host.replace(/\/+$/, '')}|${l.projectId}|${l.kind === 'view' ? 'view:' : ''}${l.shortId}`;

/** "insight" or "view". */
export const linkNoun = (l: HeaderLink): string => (l.kind === 'view' ? 'view' : 'insight');

/** The link in the first line of `text`, if it has one. */
export function parseHeader(text: string): HeaderLink | undefined {
  const first = /^\uFEFF?([^\r\n]*)/.exec(text)![1];
  const m = HEADER.exec(first.trim());
  if (!m) return undefined;
  const host = hostOf(m[4]);
  const projectId = Number(m[3]);
  if (!host || !Number.isSafeInteger(projectId) || projectId <= 0) return undefined;
  return m[1].toLowerCase() === 'view' ? { kind: 'view', shortId: m[2], projectId, host } : { shortId: m[2], projectId, host };
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
