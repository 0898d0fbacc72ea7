/**
 * Event capture on the public ingestion host (`https://us.i.posthog.com/i/v0/e/`, EU likewise,
 * self-hosted: the instance itself). Authenticated by the *project* API key (`phc_…`) in the
 * JSON body; no Authorization header is sent, and the personal key never goes there.
 */
import { ApiErrorInit, ConfigError, HttpError, ServerError, UnauthorizedError } from './errors';
import { requestIdOf } from './errorFactory';
import { keyKindOf } from './keys';
import type { Transport, Target } from './transport';
import type { CallOptions } from './types';

export interface CaptureEvent {
  event: string;
  distinctId: string;
  properties?: Record<string, unknown>;
  /** ISO-8601 string or Date; server time when absent. */
  timestamp?: string | Date;
  uuid?: string;
}

function checkProjectKey(projectKey: string, webBase: string): string {
  const key = projectKey.trim();
  const kind = keyKindOf(key);
  const where = `Copy the project API key (phc_…) from ${webBase}/settings/project.`;
  if (kind === 'personal') {
    throw new ConfigError(
      `This is a personal API key (phx_…). It reads your data through PostHog's private API and must not be sent ` +
        `with events; capturing events needs the project's public API key (phc_…). ${where}`,
    );
  }
  if (kind === 'projectSecret') {
    throw new ConfigError(`This is a project secret key (phs_…), used for feature flag local evaluation, not capture. ${where}`);
  }
  if (key === '') throw new ConfigError(`No project API key given. ${where}`);
  return key;
}

function payload(e: CaptureEvent): Record<string, unknown> {
  const out: Record<string, unknown> = { event: e.event, distinct_id: e.distinctId, properties: e.properties ?? {} };
  if (e.timestamp !== undefined) out.timestamp = e.timestamp instanceof Date ? e.timestamp.toISOString() : e.timestamp;
  if (e.uuid) out.uuid = e.uuid;
  return out;
}

export class Capture {
  constructor(private readonly t: Transport) {}

  private target(path: string): Target {
    const url = new URL(this.t.host.ingestionUrl);
    return { origin: url.origin, path: url.pathname.replace(/\/$/, '') + path };
  }

  /** Sends one event. Resolves on any 2xx; a non-2xx surfaces the server's plain-text reason. */
  async send(projectKey: string, event: CaptureEvent, opts: CallOptions = {}): Promise<void> {
    const api_key = checkProjectKey(projectKey, this.t.host.baseUrl);
    await this.post('/i/v0/e/', { api_key, ...payload(event) }, opts);
  }

  /** Sends several events in one `/batch/` request. */
  async batch(projectKey: string, events: readonly CaptureEvent[], opts: CallOptions = {}): Promise<void> {
    const api_key = checkProjectKey(projectKey, this.t.host.baseUrl);
    if (events.length === 0) return;
    await this.post('/batch/', { api_key, batch: events.map(payload) }, opts);
  }

  private async post(path: string, body: Record<string, unknown>, opts: CallOptions): Promise<void> {
    const target = this.target(path);
    const raw = await this.t.exchange(target, {
      method: 'POST',
      headers: { 'user-agent': this.userAgent(), 'content-type': 'application/json', accept: 'application/json, text/plain' },
      body: JSON.stringify(body),
      signal: opts.signal,
      headersMs: opts.timeouts?.headersMs ?? this.t.timeouts.headersMs,
      bodyMs: opts.timeouts?.bodyMs ?? this.t.timeouts.bodyMs,
    });
    if (raw.status >= 200 && raw.status < 300) return;
    const text = raw.body.replace(/\s+/g, ' ').trim().slice(0, 300) || '(no details)';
    const init: ApiErrorInit = {
      status: raw.status,
      userMessage: '',
      detail: `POST ${target.origin}${target.path} → ${raw.status}: ${text}`,
      requestId: requestIdOf(raw.headers),
      method: 'POST',
      path: target.path,
      scrub: this.t.scrub,
    };
    if (raw.status === 401) {
      throw new UnauthorizedError({ ...init, userMessage: `PostHog did not accept the project API key for capture: ${text}. Copy it from ${this.t.host.baseUrl}/settings/project.` });
    }
    if (raw.status >= 500) throw new ServerError({ ...init, userMessage: `PostHog's capture service failed (${raw.status}): ${text}. Try again later.` });
    throw new HttpError({ ...init, userMessage: `PostHog rejected the event (${raw.status}): ${text}` });
  }

  private userAgent(): string {
    return this.t.userAgent;
  }
}
