/**
 * The HTTP pipeline on plain node:http: read body → fault injection → route → authenticate →
 * scope → project → throttle → handler, with every error answered in PostHog's DRF shape.
 * Order follows DRF's `initial()`: authentication, permissions, throttles, then the handler
 * (so a 405 comes after auth; an unknown URL is a 404 before it).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { keyHint } from '../model/identity';
import type { App } from './app';
import { authenticate, authorizeAdmin, resolveProject } from './auth';
import { ApiError, methodNotAllowed, notFound, parseError, serverError, throttled } from './errors';
import { applyFault, POST_HANDLER_FAULTS } from './faultResponse';
import type { Fault } from './faults';
import { Router } from './router';
import type { Ctx, Reply, Route, ThrottleClass } from './types';

const MAX_BODY = 20 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new ApiError(413, 'invalid_request', 'payload_too_large', 'Payload too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function makeCtx(req: IncomingMessage, res: ServerResponse, raw: Buffer): Ctx {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let parsed: Record<string, unknown> | undefined;
  const ctx: Ctx = {
    req,
    res,
    method: (req.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    url,
    query: url.searchParams,
    params: {},
    rawBody: raw,
    key: null,
    project: null,
    body() {
      if (parsed) return parsed;
      if (raw.length === 0) return (parsed = {});
      let v: unknown;
      try {
        v = JSON.parse(raw.toString('utf8'));
      } catch (e) {
        throw parseError(`JSON parse error - ${(e as Error).message}`);
      }
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw parseError('JSON parse error - Expected an object.');
      return (parsed = v as Record<string, unknown>);
    },
  };
  return ctx;
}

export function send(res: ServerResponse, reply: Reply): string {
  const text = reply.text ?? (reply.json === undefined ? '' : JSON.stringify(reply.json));
  const headers: Record<string, string | number> = { ...reply.headers };
  if (text !== '' || reply.json !== undefined) headers['Content-Type'] = reply.contentType ?? 'application/json';
  headers['Content-Length'] = Buffer.byteLength(text);
  res.writeHead(reply.status, headers);
  res.end(text);
  return text;
}

/** Writes a streamed reply, waiting for the socket to drain; a failure mid-body destroys it. */
async function sendStream(res: ServerResponse, reply: Reply & { stream: NonNullable<Reply['stream']> }): Promise<void> {
  res.writeHead(reply.status, { ...reply.headers, 'Content-Type': reply.contentType ?? 'application/json' });
  const write = (text: string): Promise<void> => {
    if (res.destroyed) return Promise.reject(new Error('The client closed the connection'));
    if (res.write(text)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => (res.off('drain', done), res.off('close', done), resolve());
      res.on('drain', done).on('close', done);
    });
  };
  try {
    await reply.stream(write);
    res.end();
  } catch (err) {
    res.destroy(err instanceof Error ? err : new Error(String(err)));
  }
}

/** The whole text of a streamed reply (for faults that mangle a complete body). */
export async function collectReply(reply: Reply): Promise<Reply> {
  if (!reply.stream) return reply;
  const parts: string[] = [];
  try {
    await reply.stream(async (t) => void parts.push(t));
  } catch (err) {
    return errorReply(err);
  }
  return { status: reply.status, headers: reply.headers, contentType: reply.contentType, text: parts.join('') };
}

export function errorReply(err: unknown): Reply {
  if (err instanceof ApiError) return { status: err.status, json: err.body(), headers: err.headers };
  console.error('[emulator] unhandled error:', err);
  const e = serverError();
  return { status: e.status, json: e.body() };
}

function throttleClasses(route: Route, ctx: Ctx): ThrottleClass[] {
  if (typeof route.throttles === 'function') return route.throttles(ctx);
  return route.throttles ?? ['burst', 'sustained'];
}

async function dispatch(app: App, router: Router, ctx: Ctx): Promise<Reply> {
  const m = router.match(ctx.method, ctx.path);
  const route = m.route ?? m.pathRoutes[0];
  if (!route) throw notFound();
  if (m.route) ctx.params = m.params;
  if (route.auth === 'admin') authorizeAdmin(app, ctx);
  if (route.auth === 'personal') {
    ctx.key = authenticate(app, ctx);
    if (!m.route) throw methodNotAllowed(ctx.method);
    const scope = typeof route.scope === 'function' ? route.scope(ctx) : route.scope;
    ctx.project = resolveProject(app, ctx, scope ?? null);
    const wait = app.limiter.check(ctx.key.key, throttleClasses(route, ctx));
    if (wait !== null) throw throttled(wait);
  }
  if (!m.route) throw methodNotAllowed(ctx.method);
  return m.route.handler(ctx);
}

export function createHttpServer(app: App, routes: Route[]): Server {
  const router = new Router();
  router.add(routes);
  const server = createServer((req, res) => {
    const started = Date.now();
    void (async () => {
      let raw: Buffer = Buffer.alloc(0);
      let reply: Reply;
      let fault: Fault | null = null;
      const ctxHolder: { ctx?: Ctx } = {};
      try {
        raw = await readBody(req);
        if (String(req.headers['content-encoding'] ?? '').includes('gzip') && raw.length > 0) raw = gunzipSync(raw);
        const ctx = (ctxHolder.ctx = makeCtx(req, res, raw));
        fault = ctx.path.startsWith('/_emulator') ? null : app.faults.take(ctx.method, ctx.path, ctx.url.search);
        reply = fault && !POST_HANDLER_FAULTS.has(fault.mode) ? { status: 0 } : await dispatch(app, router, ctx);
      } catch (err) {
        reply = errorReply(err);
      }
      const ctx = ctxHolder.ctx ?? makeCtx(req, res, raw);
      let status: number;
      if (fault) status = await applyFault(fault, res, await collectReply(reply), send);
      else if (reply.stream) status = (await sendStream(res, { ...reply, stream: reply.stream }), res.destroyed && !res.writableFinished ? 0 : reply.status);
      else status = (send(res, reply), reply.status);
      const auth = String(req.headers.authorization ?? '');
      app.requests.add({
        method: ctx.method,
        path: ctx.path,
        query: ctx.url.search.replace(/ph[xcs]_[A-Za-z0-9]+/g, (k) => keyHint(k) ?? ''),
        status,
        time: new Date(started).toISOString(),
        durationMs: Date.now() - started,
        keyHint: keyHint(auth.replace(/^Bearer\s+/i, '').trim() || undefined),
        fault: fault?.mode ?? null,
      });
    })();
  });
  return server;
}
