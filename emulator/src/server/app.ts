/** Everything a route handler may use, built once per emulator instance. */
import type { ChildEngine } from '../engine/engine';
import type { Identity } from '../model/identity';
import type { StateStore } from '../state/store';
import type { Definitions } from '../query/definitions';
import type { QueryJobs } from '../query/jobs';
import type { ResultCache } from '../query/cache';
import type { Faults } from './faults';
import type { RateLimiter } from './rateLimit';
import type { RequestLog } from './requestLog';

export interface App {
  identity: Identity;
  adminToken: string;
  store: StateStore;
  engine: ChildEngine;
  jobs: QueryJobs;
  cache: ResultCache;
  definitions: Definitions;
  limiter: RateLimiter;
  faults: Faults;
  requests: RequestLog;
  /** The dataset's reference time (events fall in [now - days, now)). */
  datasetNow: Date;
  /** Start of the dataset's window (`now - days`): when its group types were created. */
  datasetStartMs: number;
  /** Default ClickHouse max_execution_time for HogQL (PostHog: 60 s). */
  queryTimeoutSeconds: number;
}
