/** Test harness: an emulator on a fresh temp data dir with a small dataset, plus HTTP helpers. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/index';

export const TEST_NOW = new Date('2025-06-01T12:00:00Z');

export async function startTestEmulator(opts: Partial<EmulatorOptions> = {}): Promise<RunningEmulator> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'emu-test-'));
  return startEmulator({ port: 0, dataDir, events: 8000, seed: 7, quiet: true, rateLimits: { enabled: false }, ...opts });
}

export async function stopTestEmulator(emu: RunningEmulator | undefined, keepData = false): Promise<void> {
  if (!emu) return;
  await emu.close();
  if (!keepData) rmSync(emu.dataDir, { recursive: true, force: true });
}

export interface Res {
  status: number;
  headers: Headers;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function call(emu: RunningEmulator, method: string, path: string, o: { key?: string | null; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Res> {
  const headers: Record<string, string> = { ...o.headers };
  const key = o.key === undefined ? emu.personalKey : o.key;
  if (key !== null) headers.Authorization = `Bearer ${key}`;
  let body: string | undefined = o.raw;
  if (o.body !== undefined) {
    body = JSON.stringify(o.body);
    headers['Content-Type'] = 'application/json';
  }
  const r = await fetch(emu.url + path, { method, headers, body });
  const text = await r.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: r.status, headers: r.headers, text, json };
}

/** Polls `check` until it returns a truthy value or the deadline passes. */
export async function waitFor<T>(check: () => Promise<T> | T, timeoutMs = 10_000, what = 'condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function key(emu: RunningEmulator, label: string): string {
  const k = emu.keys.find((x) => x.label === label);
  if (!k) throw new Error(`no key ${label}`);
  return k.key;
}
