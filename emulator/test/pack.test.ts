/** The emulator as a package: `npm pack` ships the built bin, and the tarball installs and runs elsewhere. */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const EMULATOR = join(__dirname, '..');
const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });

describe('emulator package (npm pack, bin)', function () {
  this.timeout(600_000);
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'emu-pack-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('packs the bin and the built dist only, and the tarball installs and answers HogQL from a temp dir', async () => {
    const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], EMULATOR)) as { filename: string; files: { path: string }[] }[];
    const files = packed.files.map((f) => f.path);
    for (const f of ['bin/emulator.mjs', 'dist/main.js', 'dist/child.js', 'dist/index.js', 'package.json', 'README.md']) assert.ok(files.includes(f), `${f} in ${files.join(', ')}`);
    assert.ok(!files.some((f) => f.startsWith('src/') || f.startsWith('test/')), files.join(', '));
    const app = join(dir, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
    npm(['install', '--prefer-offline', '--no-audit', '--no-fund', join(dir, packed.filename)], app);
    const child = spawn(join(app, 'node_modules', '.bin', 'posthog-emulator'), ['--port', '0', '--events', '300', '--data-dir', join(dir, 'data')], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let out = '';
      const ready = await new Promise<{ url: string; personalKey: string }>((resolve, reject) => {
        child.stdout.setEncoding('utf8').on('data', (c: string) => {
          out += c;
          const line = out.split('\n').find((l) => l.startsWith('EMULATOR_READY '));
          if (line) resolve(JSON.parse(line.slice('EMULATOR_READY '.length)));
        });
        child.stderr.setEncoding('utf8').on('data', (c: string) => (out += c));
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const r = await fetch(`${ready.url}/api/projects/1/query/`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${ready.personalKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: { kind: 'HogQLQuery', query: 'select count() from events' } }),
      });
      assert.equal(r.status, 200);
      assert.ok(((await r.json()) as { results: number[][] }).results[0][0] > 0);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
