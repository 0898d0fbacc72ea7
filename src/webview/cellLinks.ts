/**
 * Following a result cell's link (issue #17) on the host: the link is checked again here whatever
 * the webview said (scheme and host of a URL, the shape of an id: `checkLink`), then opened — an
 * http(s) URL as it is, an id as its PostHog page in the project the result came from (web URLs
 * from PostHog's `frontend/src/scenes/urls.ts`, see src/api/webUrls.ts). Everything goes through
 * `openWeb` (asExternalUri, then openExternal).
 */
import * as vscode from 'vscode';
import type { ActiveSession } from '../auth/session';
import { checkLink, LINK_LABELS, type CellLink } from '../results/links';
import { openWeb } from '../ui/openWeb';

/** An event's timestamp when the row had none: PostHog's event page needs it. */
async function eventTimestamp(session: ActiveSession, uuid: string, signal?: AbortSignal): Promise<string | undefined> {
  const response = await session.client.query.run(
    session.projectId,
    { kind: 'HogQLQuery', query: 'SELECT timestamp FROM events WHERE uuid = {uuid} LIMIT 1', values: { uuid } },
    signal ? { signal } : {},
  );
  const first = response.results?.[0];
  const value = Array.isArray(first) ? first[0] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The page a link opens; `undefined` when it cannot be built (an event not found). */
export async function linkTarget(session: ActiveSession, link: CellLink): Promise<string | undefined> {
  const web = session.client.web;
  const pid = session.projectId;
  switch (link.kind) {
    case 'url':
      return link.value;
    case 'session':
      return web.recording(pid, link.value);
    case 'person':
      return web.personByUuid(pid, link.value);
    case 'distinctId':
      return web.person(pid, link.value);
    case 'event': {
      const ts = link.timestamp ?? (await eventTimestamp(session, link.value));
      return ts === undefined ? undefined : web.event(pid, link.value, ts);
    }
    case 'insight':
      return web.insight(pid, link.value);
    case 'flag':
      return web.flag(pid, link.value);
    case 'cohort':
      return web.cohort(pid, link.value);
  }
}

/**
 * Opens what an (untrusted) link leads to; returns the URL opened, or `undefined` when the link
 * did not pass the check or needs a sign-in that is missing.
 */
export async function openCellLink(session: ActiveSession | undefined, raw: unknown): Promise<string | undefined> {
  const link = checkLink(raw);
  if (!link) return undefined;
  if (link.kind !== 'url' && !session) {
    void vscode.window.showWarningMessage(`PostHog: sign in to ${LINK_LABELS[link.kind].toLowerCase()}.`);
    return undefined;
  }
  const url = link.kind === 'url' ? link.value : await linkTarget(session!, link);
  if (url === undefined) {
    void vscode.window.showWarningMessage('PostHog: that event was not found in the project.');
    return undefined;
  }
  return openWeb(url);
}
