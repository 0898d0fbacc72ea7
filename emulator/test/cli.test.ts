/** The standalone start (bin): PostHog's generous HogQL tier, printed, and an explicit --rate wins. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENEROUS_QUERY_RATE } from '../src/server/rateLimit';
import { parseArgs, standaloneDefaults } from '../src/options';

const BIN = join(__dirname, '..', 'bin', 'emulator.mjs');

describe('standalone start (emulator bin)', function () {
  this.timeout(120_000);

  it('gives HogQL queries the generous tier (2400/hour) unless a rate or --no-rate-limits is given', () => {
    assert.equal(GENEROUS_QUERY_RATE, '2400/hour');
    assert.equal(standaloneDefaults(parseArgs([])).rateLimits?.rates?.query, '2400/hour');
    const explicit = standaloneDefaults(parseArgs(['--rate', 'query=120/hour', '--rate', 'burst=10/minute']));
    assert.deepEqual(explicit.rateLimits?.rates, { query: '120/hour', burst: '10/minute' });
    assert.equal(standaloneDefaults(parseArgs(['--rate', 'burst=10/minute'])).rateLimits?.rates?.query, '2400/hour');
    assert.equal(standaloneDefaults(parseArgs(['--no-rate-limits'])).rateLimits?.enabled, false);
  });

  it('prints the HogQL limit and applies it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-cli-'));
    const child = spawn(process.execPath, [BIN, '--port', '0', '--data-dir', dir, '--events', '300'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let out = '';
      const ready = await new Promise<{ url: string; adminToken: string; rateLimits: unknown }>((resolve, reject) => {
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          out += chunk;
          const line = out.split('\n').find((l) => l.startsWith('EMULATOR_READY '));
          if (line) resolve(JSON.parse(line.slice('EMULATOR_READY '.length)));
        });
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      assert.match(out, /HogQL queries: up to 2400 per hour per key \(PostHog's limit for teams with API queries\)/);
      assert.deepEqual(ready.rateLimits, { enabled: true, query: '2400/hour' });
      const r = await fetch(`${ready.url}/_emulator/rate-limits`, { headers: { Authorization: `Bearer ${ready.adminToken}` } });
      assert.equal(((await r.json()) as { rates: { query: string } }).rates.query, '2400/hour');
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
