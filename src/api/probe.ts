/**
 * Is a PostHog answering at `baseUrl`? Used by sign-in to offer a local PostHog (PostHog's own dev
 * setup and the emulator both serve http://localhost:8010). One unauthenticated GET of
 * `/api/users/@me/` with a short deadline: PostHog answers 401 with its error shape
 * `{"type": "authentication_error", "code": "not_authenticated", …}`. No key is ever sent.
 */
import { linkSignals } from './transport';
import { Agent } from './undici';

export async function probePostHog(baseUrl: string, opts: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<boolean> {
  const timeoutMs = opts.timeoutMs ?? 1_000;
  const link = linkSignals(opts.signal, AbortSignal.timeout(timeoutMs));
  const signal = link.signal;
  const agent = new Agent({ connect: { timeout: timeoutMs }, keepAliveTimeout: 1 });
  try {
    const url = new URL('/api/users/@me/', baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    // undici's request follows no redirect: an answer from elsewhere is not a PostHog here
    const res = await agent.request({ origin: url.origin, path: url.pathname, method: 'GET', headers: { accept: 'application/json' }, signal });
    const text = await res.body.text();
    if (res.statusCode !== 401 && res.statusCode !== 403) return false;
    const body = JSON.parse(text) as { type?: unknown; code?: unknown };
    return body.type === 'authentication_error' && typeof body.code === 'string';
  } catch {
    return false;
  } finally {
    link.release();
    void agent.destroy().catch(() => {});
  }
}
