import * as vscode from 'vscode';
import { openWeb } from './openWeb';
import { personalKeysUrl } from '../api/keys';
import { apiIfLoaded } from '../apiLoader';
import type { Ctx } from '../ctx';
import { countdownThen, notify } from './notify';

/** Stands in for ApiError before the API bundle is loaded (then no API error can exist). */
class NeverError extends Error {
  userMessage = '';
  detail = '';
}

/**
 * Shows an error to the user (with the one "PostHog" prefix, see ui/text.ts) with an action that
 * helps, and logs its detail. A rate limit's Retry counts down the server's Retry-After first.
 * API errors carry a user-facing message (`userMessage`); a cancelled request shows nothing.
 */
export async function showError(ctx: Ctx, e: unknown, opts: { retry?: () => unknown } = {}): Promise<void> {
  const api = apiIfLoaded();
  const ApiError = api?.ApiError ?? NeverError;
  if ((api && e instanceof api.AbortError) || (e instanceof Error && e.name === 'AbortError')) return;
  ctx.log.error(e instanceof ApiError ? `${e.name}: ${e.userMessage}${e.detail ? ` (${e.detail})` : ''}` : e instanceof Error ? e : String(e));
  const message = e instanceof ApiError ? e.userMessage : e instanceof Error ? e.message : String(e);
  const actions: Record<string, () => unknown> = {};
  const host = ctx.session.store.active()?.host;
  if (api && e instanceof api.UnauthorizedError) {
    actions['Sign In'] = () => vscode.commands.executeCommand('hogql.signIn');
    if (host) actions['Create Personal API Key'] = () => openWeb(personalKeysUrl(host));
  } else if (api && e instanceof api.MissingScopeError) {
    if (host) actions['Edit API Key Scopes'] = () => openWeb(personalKeysUrl(host));
    actions['Switch Key'] = () => vscode.commands.executeCommand('hogql.signIn');
  } else if (opts.retry && api && e instanceof api.RateLimitError) {
    // The server's Retry-After decides: Retry counts down what is left of it, then runs again.
    const readyAt = Date.now() + (e.retryAfterMs ?? 0);
    const retry = opts.retry;
    actions['Retry'] = () => countdownThen(readyAt, "PostHog's rate limit:", retry);
  } else if (opts.retry && api && (e instanceof api.NetworkError || e instanceof api.TimeoutError || e instanceof api.ServerError || e instanceof api.BadResponseError)) {
    actions['Retry'] = opts.retry;
  }
  actions['Show Output'] = () => ctx.log.show();
  const choice = await notify('error', message, ...Object.keys(actions));
  if (choice) await actions[choice]?.();
}
