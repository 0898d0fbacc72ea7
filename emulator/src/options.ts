/** Emulator options, their defaults and the command-line parser. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiKey } from './model/identity';
import { GENEROUS_QUERY_RATE, type RateLimitConfig } from './server/rateLimit';

export interface EmulatorOptions {
  port: number;
  host: string;
  dataDir: string;
  seed: number;
  events: number;
  days: number;
  teamIds: number[];
  reset: boolean;
  /** Extra `bench-flag-NNNNN` flags in the first project. */
  flags: number;
  rateLimits: Partial<RateLimitConfig>;
  /** Replace the default keys (e.g. from `--keys keys.json`). */
  keys?: ApiKey[];
  adminToken?: string;
  /** ClickHouse max_execution_time for HogQL queries, seconds. */
  queryTimeoutSeconds: number;
  /** Seconds a `blocking` result stays fresh in the query cache. */
  cacheSeconds: number;
  /** Fixed dataset reference time (default: now, rounded down to the minute, on first load). */
  now?: Date;
  quiet: boolean;
}

export const DEFAULTS: EmulatorOptions = {
  port: 8010,
  host: '127.0.0.1',
  // emulator/.data whatever the working directory (this file lives in emulator/src or emulator/dist).
  dataDir: join(__dirname, '..', '.data'),
  seed: 42,
  events: 100_000,
  days: 30,
  teamIds: [1, 2],
  reset: false,
  flags: 0,
  rateLimits: {},
  queryTimeoutSeconds: 60,
  cacheSeconds: 60,
  quiet: false,
};

export const USAGE = `Usage: posthog-emulator [options]   (in a checkout: node emulator/bin/emulator.mjs)
  --port N            listen port (default 8010; 0 = any free port)
  --host H            listen host (default 127.0.0.1)
  --data-dir DIR      data directory (default emulator/.data)
  --seed N            dataset seed (default 42)
  --events N          events to generate across both projects (default 100000)
  --days N            days of history (default 30)
  --flags N           extra benchmark feature flags in project 1 (default 0)
  --no-rate-limits    disable PostHog's throttles
  --rate LIMIT=RATE   set one throttle (repeatable); HogQL defaults to query=2400/hour here,
                      PostHog's limit for teams with API queries (--rate query=120/hour: the standard)
  --keys FILE         JSON list of {key, label, scopes, scopedTeams?} replacing the default keys
  --admin-token T     fixed admin token (default: random per start)
  --query-timeout S   max_execution_time for HogQL queries (default 60)
  --reset             delete the emulator's data in the data dir first
  --quiet             only print the EMULATOR_READY line`;

export function parseArgs(argv: string[]): Partial<EmulatorOptions> & { help?: boolean } {
  const o: Partial<EmulatorOptions> & { help?: boolean } = {};
  const rates: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') && a.startsWith('--') && !a.startsWith('--rate') ? a.split(/=(.*)/s, 2) : [a, undefined];
    const val = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const num = (): number => {
      const n = Number(val());
      if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} needs a non-negative number`);
      return n;
    };
    switch (flag) {
      case '--port': o.port = num(); break;
      case '--host': o.host = val(); break;
      case '--data-dir': o.dataDir = val(); break;
      case '--seed': o.seed = num(); break;
      case '--events': o.events = num(); break;
      case '--days': o.days = num(); break;
      case '--flags': o.flags = num(); break;
      case '--no-rate-limits': o.rateLimits = { ...o.rateLimits, enabled: false }; break;
      case '--rate': {
        const [k, v] = val().split('=');
        rates[k] = v;
        break;
      }
      case '--keys': o.keys = JSON.parse(readFileSync(val(), 'utf8')) as ApiKey[]; break;
      case '--admin-token': o.adminToken = val(); break;
      case '--query-timeout': o.queryTimeoutSeconds = num(); break;
      case '--reset': o.reset = true; break;
      case '--quiet': o.quiet = true; break;
      case '-h':
      case '--help': o.help = true; break;
      default: throw new Error(`Unknown option ${a}\n${USAGE}`);
    }
  }
  if (Object.keys(rates).length) o.rateLimits = { ...o.rateLimits, rates: rates as RateLimitConfig['rates'] };
  return o;
}

/** The standalone start (bin, demo): HogQL gets PostHog's generous tier unless a query rate is given. */
export function standaloneDefaults<T extends Partial<EmulatorOptions>>(args: T): T {
  const rates = args.rateLimits?.rates;
  if (rates?.query) return args;
  return { ...args, rateLimits: { ...args.rateLimits, rates: { ...rates, query: GENEROUS_QUERY_RATE } as RateLimitConfig['rates'] } };
}

/** One line saying what the HogQL limit is, for people starting it by hand. */
export function describeQueryLimit(rateLimits: Partial<RateLimitConfig> | undefined): string {
  if (rateLimits?.enabled === false) return 'HogQL queries: no rate limits (--no-rate-limits)';
  const rate = rateLimits?.rates?.query ?? '120/hour';
  const [count, unit] = rate.split('/');
  const note = rate === GENEROUS_QUERY_RATE ? " (PostHog's limit for teams with API queries)" : '';
  return `HogQL queries: up to ${count} per ${unit} per key${note}`;
}
