/**
 * `startEmulator(opts)`: the local PostHog emulator. Builds the engine, state, identity and
 * HTTP server; `close()` stops everything, including the engine child process.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { openData } from './data/bootstrap';
import { dataPaths } from './data/dataDir';
import { seedState } from './data/resources/seed';
import { defaultIdentity, type ApiKey } from './model/identity';
import { DEFAULTS, type EmulatorOptions } from './options';
import { ResultCache } from './query/cache';
import { Definitions } from './query/definitions';
import { QueryJobs } from './query/jobs';
import type { App } from './server/app';
import { Faults } from './server/faults';
import { createHttpServer } from './server/http';
import { exposedMessage, shutdownHogQL } from './server/queryAdapter';
import { RateLimiter } from './server/rateLimit';
import { RequestLog } from './server/requestLog';
import { adminRoutes } from './server/routes/admin';
import { captureRoutes } from './server/routes/capture';
import { flagRoutes } from './server/routes/flags';
import { identityRoutes } from './server/routes/identity';
import { insightRoutes } from './server/routes/insights';
import { variableRoutes } from './server/routes/variables';
import { savedQueryRoutes } from './server/routes/savedQueries';
import { miscRoutes } from './server/routes/misc';
import { cohortWriteRoutes } from './server/routes/cohorts';
import { peopleRoutes } from './server/routes/people';
import { queryRoutes } from './server/routes/query';
import { StateStore } from './state/store';

export type { EmulatorOptions } from './options';

export interface RunningEmulator {
  url: string;
  personalKey: string;
  adminToken: string;
  projects: { id: number; name: string; apiToken: string }[];
  keys: { key: string; label: string; scopes: string[] }[];
  dataDir: string;
  reusedData: boolean;
  startupMs: number;
  app: App;
  close(): Promise<void>;
}

export async function startEmulator(opts: Partial<EmulatorOptions> = {}): Promise<RunningEmulator> {
  const t0 = Date.now();
  const o: EmulatorOptions = { ...DEFAULTS, ...opts };
  const { engine, meta, reused } = await openData(o);
  try {
    const now = new Date(meta.now);
    const identity = defaultIdentity(o.seed, o.teamIds, now);
    if (o.keys?.length) identity.keys = o.keys as ApiKey[];
    const u = identity.user;
    const seedUser = { id: u.id, uuid: u.uuid, distinct_id: u.distinctId, first_name: u.firstName, last_name: u.lastName, email: u.email, is_email_verified: true };
    const { store } = StateStore.open(dataPaths(o.dataDir).state, () => seedState({ seed: o.seed, now, teamIds: o.teamIds, user: seedUser, cohorts: meta.cohorts, extraFlags: o.flags }));
    const app: App = {
      identity,
      adminToken: o.adminToken ?? `emu_admin_${randomBytes(16).toString('hex')}`,
      store,
      engine,
      jobs: new QueryJobs(exposedMessage),
      cache: new ResultCache(o.cacheSeconds * 1000),
      definitions: new Definitions(engine),
      limiter: new RateLimiter(o.rateLimits),
      faults: new Faults(),
      requests: new RequestLog(),
      datasetNow: now,
      datasetStartMs: now.getTime() - meta.days * 86_400_000,
      queryTimeoutSeconds: o.queryTimeoutSeconds,
    };
    const server = createHttpServer(app, [...identityRoutes(app), ...queryRoutes(app), ...insightRoutes(app), ...flagRoutes(app), ...peopleRoutes(app), ...cohortWriteRoutes(app), ...miscRoutes(app), ...variableRoutes(app), ...savedQueryRoutes(app), ...captureRoutes(app), ...adminRoutes(app)]);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(o.port, o.host, () => resolve());
    });
    const addr = server.address() as AddressInfo;
    const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
    let closing: Promise<void> | null = null;
    return {
      url: `http://${host}:${addr.port}`,
      personalKey: identity.keys[0].key,
      adminToken: app.adminToken,
      projects: identity.projects.map((p) => ({ id: p.id, name: p.name, apiToken: p.apiToken })),
      keys: identity.keys.map((k) => ({ key: k.key, label: k.label, scopes: k.scopes })),
      dataDir: o.dataDir,
      reusedData: reused,
      startupMs: Date.now() - t0,
      app,
      close: () =>
        (closing ??= (async () => {
          server.closeAllConnections();
          await new Promise<void>((r) => server.close(() => r()));
          await engine.close();
          await shutdownHogQL();
        })()),
    };
  } catch (err) {
    await engine.close();
    throw err;
  }
}
