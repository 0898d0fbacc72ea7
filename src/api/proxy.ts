/**
 * Proxy selection and the undici dispatchers (keep-alive connection pools per origin).
 *
 * Precedence (as VS Code): the `http.proxy` setting, else `HTTPS_PROXY`/`https_proxy` for https
 * targets and `HTTP_PROXY`/`http_proxy` for http targets. `NO_PROXY`/`no_proxy` entries (and
 * VS Code's `http.noProxy` list) bypass the proxy: exact host, domain suffix (`.example.com`,
 * `*.example.com`, `example.com`), optional `:port`, or `*`. Loopback hosts never use a proxy.
 * `strictSSL: false` (VS Code `http.proxyStrictSSL`) turns off certificate verification.
 */
import { Agent, Dispatcher, ProxyAgent } from './undici';
import { isLoopbackHost } from './hosts';

export interface ProxySettings {
  /** VS Code `http.proxy` (e.g. `http://user:pass@proxy:3128`); overrides the environment. */
  proxy?: string;
  /** VS Code `http.proxyStrictSSL` (default true). */
  strictSSL?: boolean;
  /** VS Code `http.proxyAuthorization`: sent as `Proxy-Authorization`. */
  proxyAuthorization?: string;
  /** VS Code `http.noProxy`. */
  noProxy?: readonly string[];
  /** Environment to read `*_PROXY` from; defaults to `process.env`. */
  env?: Record<string, string | undefined>;
}

function envVar(env: Record<string, string | undefined>, name: string): string | undefined {
  const v = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  return v && v.trim() !== '' ? v.trim() : undefined;
}

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

/** True when `NO_PROXY`-style `entries` exclude this host and port. */
export function bypassesProxy(hostname: string, port: number, entries: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const m = /^(.*?)(?::(\d+))?$/.exec(entry)!;
    const name = m[1].replace(/^\*?\./, '').replace(/^\[|\]$/g, '');
    if (m[2] && Number(m[2]) !== port) continue;
    if (host === name || host.endsWith(`.${name}`)) return true;
  }
  return false;
}

/** The proxy URL for a target URL, or undefined for a direct connection. */
export function proxyFor(target: string, settings: ProxySettings = {}): string | undefined {
  const url = new URL(target);
  if (isLoopbackHost(url.hostname)) return undefined;
  const env = settings.env ?? process.env;
  const https = url.protocol === 'https:';
  const proxy =
    (settings.proxy && settings.proxy.trim()) ||
    (https ? (envVar(env, 'https_proxy') ?? envVar(env, 'http_proxy')) : envVar(env, 'http_proxy'));
  if (!proxy) return undefined;
  const noProxy = [...(settings.noProxy ?? []), ...(envVar(env, 'no_proxy') ?? '').split(/[\s,]+/)];
  const port = Number(url.port) || DEFAULT_PORTS[url.protocol] || 0;
  if (bypassesProxy(url.hostname, port, noProxy)) return undefined;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
}

export interface DispatcherOptions {
  connectTimeoutMs: number;
  proxy?: ProxySettings;
}

/**
 * Chooses and caches one dispatcher per route: a direct `Agent` (one keep-alive pool per
 * origin) or a `ProxyAgent` per proxy URL (tunnels with CONNECT).
 */
export class Dispatchers {
  private direct: Agent | undefined;
  private readonly proxied = new Map<string, ProxyAgent>();
  private readonly routes = new Map<string, Dispatcher>();

  constructor(private readonly opts: DispatcherOptions) {}

  private tls(): { rejectUnauthorized: boolean } | undefined {
    return this.opts.proxy?.strictSSL === false ? { rejectUnauthorized: false } : undefined;
  }

  /** The dispatcher for an origin (`https://us.posthog.com`). */
  forOrigin(origin: string): Dispatcher {
    let d = this.routes.get(origin);
    if (d) return d;
    const proxyUrl = proxyFor(origin, this.opts.proxy);
    d = proxyUrl ? this.proxyAgent(proxyUrl) : this.directAgent();
    this.routes.set(origin, d);
    return d;
  }

  /** The proxy URL used for an origin (for the log; credentials stripped by `redact`). */
  proxyUrlFor(origin: string): string | undefined {
    return proxyFor(origin, this.opts.proxy);
  }

  private directAgent(): Agent {
    this.direct ??= new Agent({
      keepAliveTimeout: 30_000,
      connect: { timeout: this.opts.connectTimeoutMs, ...this.tls() },
    });
    return this.direct;
  }

  private proxyAgent(uri: string): ProxyAgent {
    let p = this.proxied.get(uri);
    if (!p) {
      const auth = this.opts.proxy?.proxyAuthorization;
      const tls = this.tls();
      p = new ProxyAgent({
        uri,
        keepAliveTimeout: 30_000,
        connect: { timeout: this.opts.connectTimeoutMs },
        ...(auth ? { token: auth } : {}),
        ...(tls ? { requestTls: tls, proxyTls: tls } : {}),
      });
      this.proxied.set(uri, p);
    }
    return p;
  }

  async close(): Promise<void> {
    const all: Dispatcher[] = [...this.proxied.values()];
    if (this.direct) all.push(this.direct);
    this.routes.clear();
    this.proxied.clear();
    this.direct = undefined;
    await Promise.all(all.map((d) => d.close().catch(() => undefined)));
  }

  /** Closes every connection at once (in-flight requests fail). */
  async destroy(): Promise<void> {
    const all: Dispatcher[] = [...this.proxied.values()];
    if (this.direct) all.push(this.direct);
    this.routes.clear();
    this.proxied.clear();
    this.direct = undefined;
    await Promise.all(all.map((d) => d.destroy().catch(() => undefined)));
  }
}
