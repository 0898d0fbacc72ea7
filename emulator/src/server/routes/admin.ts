/**
 * The emulator's own admin API (not PostHog's): fault injection, the request log, rate-limit
 * settings and the engine's query list. Only the admin token is accepted; personal keys get 403.
 */
import type { App } from '../app';
import { validation } from '../errors';
import { json, type Route } from '../types';

export function adminRoutes(app: App): Route[] {
  const a = { auth: 'admin' as const };
  return [
    { ...a, method: 'POST', pattern: '/_emulator/faults', handler: (ctx) => json(201, app.faults.add(ctx.body())) },
    { ...a, method: 'GET', pattern: '/_emulator/faults', handler: () => json(200, { faults: app.faults.active(), held: app.faults.holding() }) },
    { ...a, method: 'POST', pattern: '/_emulator/faults/release', handler: () => json(200, { released: app.faults.release() }) },
    { ...a, method: 'DELETE', pattern: '/_emulator/faults', handler: () => (app.faults.clear(), json(200, { faults: [] })) },
    { ...a, method: 'GET', pattern: '/_emulator/requests', handler: () => json(200, { requests: app.requests.list() }) },
    { ...a, method: 'DELETE', pattern: '/_emulator/requests', handler: () => (app.requests.clear(), json(200, { requests: [] })) },
    { ...a, method: 'GET', pattern: '/_emulator/rate-limits', handler: () => json(200, app.limiter.config) },
    {
      ...a,
      method: 'POST',
      pattern: '/_emulator/rate-limits',
      handler: (ctx) => {
        const body = ctx.body();
        try {
          app.limiter.update(body as Parameters<typeof app.limiter.update>[0]);
        } catch (e) {
          throw validation((e as Error).message, 'rates');
        }
        return json(200, app.limiter.config);
      },
    },
    {
      ...a,
      method: 'GET',
      pattern: '/_emulator/queries',
      handler: async () => json(200, { queries: app.engine.log.list(), engineRunning: await app.engine.engineRunning(), enginePid: app.engine.childPid ?? null }),
    },
    { ...a, method: 'DELETE', pattern: '/_emulator/cache', handler: () => (app.cache.clear(), json(200, { cleared: true })) },
  ];
}
