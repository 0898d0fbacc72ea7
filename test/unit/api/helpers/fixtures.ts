/** Shared test fixtures: keys, a capturing logger, instant and manual clocks. */
import { inspect } from 'node:util';
import type { ApiLogger, Clock } from '../../../../src/api/types';
import { PostHogClient, ClientOptions } from '../../../../src/api/client';

// Built at runtime so no literal key-shaped string sits in the source.
export const PERSONAL_KEY = ['phx', 'Qm9vZ2llV29vZ2llQm9vZ2llV29vZ2llQm9vZ2llV29v'].join('_');
export const PROJECT_KEY = ['phc', 'UHJvamVjdFRva2VuUHJvamVjdFRva2VuUHJvamVjdFRv'].join('_');
export const SECRET_KEY = ['phs', 'U2VjcmV0S2V5U2VjcmV0S2V5U2VjcmV0S2V5U2VjcmV0'].join('_');

export class CapturingLogger implements ApiLogger {
  readonly lines: { level: string; message: string }[] = [];
  debug(message: string): void {
    this.lines.push({ level: 'debug', message });
  }
  info(message: string): void {
    this.lines.push({ level: 'info', message });
  }
  warn(message: string): void {
    this.lines.push({ level: 'warn', message });
  }
  get text(): string {
    return this.lines.map((l) => `${l.level}: ${l.message}`).join('\n');
  }
  get warnings(): string[] {
    return this.lines.filter((l) => l.level === 'warn').map((l) => l.message);
  }
}

/** Sleeps resolve at once (recording their durations); `now()` advances by the slept time. */
export class InstantClock implements Clock {
  t = 1_700_000_000_000;
  readonly sleeps: number[] = [];
  now = (): number => this.t;
  sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    if (signal?.aborted) return Promise.reject(signal.reason);
    this.sleeps.push(ms);
    this.t += ms;
    return Promise.resolve();
  };
}

/** Time only moves when the test calls `advance`; pending sleeps resolve in time order. */
export class ManualClock implements Clock {
  t = 1_000_000;
  private timers: { at: number; resolve: () => void }[] = [];
  now = (): number => this.t;
  sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = { at: this.t + ms, resolve };
      this.timers.push(timer);
      signal?.addEventListener('abort', () => {
        this.timers = this.timers.filter((x) => x !== timer);
        reject(signal.reason);
      }, { once: true });
    });
  get pending(): number {
    return this.timers.length;
  }
  async advance(ms: number): Promise<void> {
    this.t += ms;
    const due = this.timers.filter((x) => x.at <= this.t).sort((a, b) => a.at - b.at);
    this.timers = this.timers.filter((x) => x.at > this.t);
    for (const d of due) d.resolve();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  }
}

export function makeClient(url: string, extra: Partial<ClientOptions> = {}): { api: PostHogClient; log: CapturingLogger; clock: InstantClock } {
  const log = new CapturingLogger();
  const clock = new InstantClock();
  const api = new PostHogClient({ host: url, personalApiKey: PERSONAL_KEY, version: '9.9.9', logger: log, clock, limiter: false, ...extra });
  return { api, log, clock };
}

/** Awaits `p`, expecting it to reject; returns the error. */
export async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

/** Every text an error exposes (message, user message, detail, path, stack, inspect output). */
export function errorTexts(err: unknown): string {
  const e = err as Record<string, unknown>;
  return [e.message, e.userMessage, e.detail, e.path, e.stack, inspect(err, { depth: 6 })].map(String).join('\n');
}
