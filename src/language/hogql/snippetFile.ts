/**
 * Team snippets (issue #18): `.posthog/snippets/*.hogql` files in the workspace, each one query with
 * an optional header of `-- key: value` comment lines:
 *
 *     -- name: Daily active users
 *     -- description: Distinct persons per day over the last {days} days
 *     -- prefix: dau
 *     SELECT toStartOfDay(timestamp) AS day, count(DISTINCT person_id) AS dau
 *     FROM events WHERE timestamp > now() - INTERVAL {days} DAY GROUP BY day ORDER BY day
 *
 * `name` defaults to the file name, `prefix` (what completion matches) to the name as a word (`daily_active_users`), so it completes like a name.
 * `{placeholders}` become tab stops that keep the placeholder as their text, so the runner still asks
 * for a value the user leaves; `{filters}` and `{variables.x}` stay plain text (PostHog fills them).
 * Pure: no `vscode`.
 */

export interface SnippetPart {
  text: string;
  /** Tab stop number (1-based) when this part is a placeholder; the same name shares one stop. */
  stop?: number;
}

export interface TeamSnippet {
  name: string;
  prefix: string;
  description: string;
  body: string;
  parts: SnippetPart[];
}

/** Bigger files are skipped: a snippet is a query, not a data file. */
export const MAX_SNIPPET_BYTES = 64 * 1024;

const HEADER = /^--\s*(name|description|prefix)\s*:\s*(.*?)\s*$/i;
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\}/g;

export function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'snippet';
}

/** The body split into text and placeholder tab stops. */
export function snippetParts(body: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const stops = new Map<string, number>();
  let last = 0;
  for (const m of body.matchAll(PLACEHOLDER)) {
    const name = m[1];
    if (name === 'filters' || name.startsWith('variables.')) continue;
    if (m.index > last) parts.push({ text: body.slice(last, m.index) });
    if (!stops.has(name)) stops.set(name, stops.size + 1);
    parts.push({ text: m[0], stop: stops.get(name)! });
    last = m.index + m[0].length;
  }
  if (last < body.length) parts.push({ text: body.slice(last) });
  return parts;
}

/** Reads one snippet file; undefined when it holds no query. `fileName` without folders. */
export function parseSnippetFile(fileName: string, content: string): TeamSnippet | undefined {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header: Record<string, string> = {};
  let i = 0;
  for (; i < lines.length; i++) {
    const m = HEADER.exec(lines[i].trim());
    if (!m) break;
    header[m[1].toLowerCase()] = m[2]!;
  }
  const body = lines.slice(i).join('\n').trim();
  if (!body) return undefined;
  const name = header.name || fileName.replace(/\.hogql$/i, '');
  return { name, prefix: slug(header.prefix || name), description: header.description ?? '', body, parts: snippetParts(body) };
}
