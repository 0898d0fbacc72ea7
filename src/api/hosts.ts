/**
 * Host URL normalisation: what the user typed → the API base, web base and ingestion host.
 *
 * - US cloud: `us.posthog.com`, legacy `app.posthog.com`, bare `posthog.com` → `https://us.posthog.com`
 * - EU cloud: `eu.posthog.com` → `https://eu.posthog.com`
 * - Self-hosted: kept as given (scheme, port and an optional path prefix such as `/posthog`);
 *   trailing slashes, query, fragment and a trailing `/api` are dropped.
 * - Missing scheme: `https://`, except loopback hosts (`localhost`, `127.0.0.1`, `[::1]`) → `http://`.
 * - `*.i.posthog.com` (public ingestion hosts) are rejected for the private API.
 */
import { ConfigError } from './errors';

export type Region = 'us' | 'eu' | 'self-hosted';

export interface HostInfo {
  region: Region;
  /** `scheme://host[:port]`, no trailing slash. */
  origin: string;
  /** Origin plus path prefix, no trailing slash: `https://example.com/posthog`. Also the web base. */
  baseUrl: string;
  /** Path prefix (`/posthog`) or `''`. */
  pathPrefix: string;
  /** Where capture requests go: `https://us.i.posthog.com`, `https://eu.i.posthog.com`, or `baseUrl`. */
  ingestionUrl: string;
}

const US: Omit<HostInfo, 'region'> = {
  origin: 'https://us.posthog.com',
  baseUrl: 'https://us.posthog.com',
  pathPrefix: '',
  ingestionUrl: 'https://us.i.posthog.com',
};
const EU: Omit<HostInfo, 'region'> = {
  origin: 'https://eu.posthog.com',
  baseUrl: 'https://eu.posthog.com',
  pathPrefix: '',
  ingestionUrl: 'https://eu.i.posthog.com',
};

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(:\d+)?(\/|$)/i;

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h.endsWith('.localhost');
}

function withScheme(input: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) return input;
  if (input.startsWith('//')) return `https:${input}`;
  return LOOPBACK.test(input) ? `http://${input}` : `https://${input}`;
}

function parse(input: string): URL {
  const raw = input.trim();
  if (raw === '') throw new ConfigError('Enter the PostHog host, e.g. https://us.posthog.com, https://eu.posthog.com or your own instance.');
  if (/\s/.test(raw)) throw new ConfigError(`The host URL "${raw}" contains spaces.`);
  let url: URL;
  try {
    url = new URL(withScheme(raw));
  } catch {
    throw new ConfigError(`"${raw}" is not a valid URL. Use e.g. https://us.posthog.com or https://posthog.example.com.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`The host URL must start with https:// (or http://), not ${url.protocol}//.`);
  }
  if (url.username || url.password) {
    throw new ConfigError('The host URL must not contain a user name or password; use a personal API key instead.');
  }
  return url;
}

/** Normalises a host as typed by the user. Throws `ConfigError` with an actionable message. */
export function normalizeHost(input: string): HostInfo {
  const url = parse(input);
  const host = url.hostname.toLowerCase();
  if (host.endsWith('.i.posthog.com')) {
    const app = host.startsWith('eu.') ? EU.baseUrl : US.baseUrl;
    throw new ConfigError(
      `${host} is PostHog's event ingestion host; it does not serve the API the extension uses. Use ${app} instead.`,
    );
  }
  if (host === 'us.posthog.com' || host === 'app.posthog.com' || host === 'posthog.com' || host === 'www.posthog.com') {
    return { region: 'us', ...US };
  }
  if (host === 'eu.posthog.com') return { region: 'eu', ...EU };
  let prefix = url.pathname.replace(/\/+$/, '');
  prefix = prefix.replace(/\/api$/, '');
  const origin = url.origin;
  const baseUrl = origin + prefix;
  return { region: 'self-hosted', origin, baseUrl, pathPrefix: prefix, ingestionUrl: baseUrl };
}

/** `webUrl(info, '/project/1/insights/abc')` → `https://us.posthog.com/project/1/insights/abc`. */
export function joinUrl(baseUrl: string, path: string): string {
  return baseUrl + (path.startsWith('/') ? path : `/${path}`);
}
