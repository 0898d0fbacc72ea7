// Starts the local PostHog emulator (emulator/bin/emulator.mjs) as a child process for tests, the
// demo and benchmarks, and reads its one machine-readable line:
//   EMULATOR_READY {"url", "personalKey", "adminToken", "projects": [{id, name, apiToken}], "keys": [...]}
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './host.mjs';

/**
 * @param {{ events?: number, seed?: number, dataDir?: string, rateLimits?: boolean, extraArgs?: string[], port?: number, host?: string, log?: (line: string) => void }} opts
 */
export async function startEmulator(opts = {}) {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'hogql-emulator-'));
  const args = [
    join(root, 'emulator', 'bin', 'emulator.mjs'),
    '--port', String(opts.port ?? 0),
    '--host', opts.host ?? '127.0.0.1',
    '--data-dir', dataDir,
    '--seed', String(opts.seed ?? 42),
    '--events', String(opts.events ?? 20_000),
    ...(opts.rateLimits === false ? ['--no-rate-limits'] : []),
    ...(opts.extraArgs ?? []),
  ];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const lines = [];
  const ready = new Promise((resolve, reject) => {
    let buffer = '';
    const onData = (chunk) => {
      buffer += chunk;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        lines.push(line);
        opts.log?.(line);
        if (line.startsWith('EMULATOR_READY ')) resolve(JSON.parse(line.slice('EMULATOR_READY '.length)));
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', (c) => {
      lines.push(...c.split('\n'));
      opts.log?.(c);
    });
    child.on('exit', (code, signal) => reject(new Error(`emulator exited (${code ?? signal}) before it was ready:\n${lines.slice(-30).join('\n')}`)));
  });
  const timeout = new Promise((_, reject) => {
    const t = setTimeout(() => reject(new Error(`emulator not ready after 120 s:\n${lines.slice(-30).join('\n')}`)), 120_000);
    t.unref();
  });
  let info;
  try {
    info = await Promise.race([ready, timeout]);
  } catch (e) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    throw e;
  }
  return {
    ...info,
    dataDir,
    pid: child.pid,
    async stop({ keepData = !!opts.dataDir } = {}) {
      const exited = new Promise((r) => child.once('exit', r));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* gone */
      }
      const t = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }, 5000);
      await exited;
      clearTimeout(t);
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
