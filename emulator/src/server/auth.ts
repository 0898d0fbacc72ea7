/**
 * Authentication and permissions (posthog/auth.py PersonalAPIKeyAuthentication,
 * posthog/permissions.py APIScopePermission; posthog-api.md sections 1-2).
 */
import { timingSafeEqual } from 'node:crypto';
import { hasScope, type ApiKey, type Project } from '../model/identity';
import type { App } from './app';
import { authenticationFailed, missingScope, notAuthenticated, notFound, permissionDenied } from './errors';
import type { Ctx } from './types';

function bearer(ctx: Ctx): string | null {
  const h = ctx.req.headers.authorization;
  if (!h) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  return m ? m[1] : null;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** No Bearer credentials → 401 not_authenticated; unknown key (incl. a `phc_` token) → 401 authentication_failed. */
export function authenticate(app: App, ctx: Ctx): ApiKey {
  const token = bearer(ctx);
  if (token === null) throw notAuthenticated();
  const key = app.identity.keys.find((k) => same(k.key, token));
  if (!key) throw authenticationFailed();
  return key;
}

/** Admin endpoints: only the admin token. A personal key is recognised and refused with 403. */
export function authorizeAdmin(app: App, ctx: Ctx): void {
  const token = bearer(ctx);
  if (token === null) throw notAuthenticated();
  if (same(token, app.adminToken)) return;
  if (app.identity.keys.some((k) => same(k.key, token))) throw permissionDenied('The emulator admin API needs the admin token, not a personal API key.');
  throw authenticationFailed();
}

/** Scope check, then the `:pid` project (404 when unknown, 403 outside the key's scoped teams). */
export function resolveProject(app: App, ctx: Ctx, scope: string | null): Project | null {
  const key = ctx.key!;
  if (scope && !hasScope(key, scope)) throw missingScope(scope);
  const pid = ctx.params.pid;
  if (pid === undefined) return null;
  const allowed = app.identity.projects.filter((p) => !key.scopedTeams || key.scopedTeams.includes(p.id));
  const project = pid === '@current' ? allowed[0] : app.identity.projects.find((p) => String(p.id) === pid);
  if (!project) throw notFound();
  if (!allowed.includes(project)) throw permissionDenied();
  return project;
}
