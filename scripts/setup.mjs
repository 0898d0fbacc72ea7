#!/usr/bin/env node
// Idempotent machine setup for the demo and the test layers. Safe to run again: every step checks
// first and does nothing when its result is already there.
//
//   1. Debian packages: chromium (the UI tests' browser), ripgrep and libkrb5-dev (code-server's
//      offline install), fonts-noto-color-emoji (emoji in screenshots).
//   2. Node packages of the project and of the emulator (`npm ci` when node_modules is missing or
//      older than the lockfile).
//   3. code-server (a real VS Code 1.100.3 that runs in the browser) into .cache/code-server, with the
//      offline ripgrep workaround: VS Code's @vscode/ripgrep downloads rg from GitHub during install;
//      pre-seeding its download cache with Debian's rg makes that step offline.
//
// Facts and versions: see docs/testing.md (taken from the team's verified notes, 2026-11).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, copyFileSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const CODE_SERVER_VERSION = '4.100.3'; // bundles VS Code 1.100.3 and runs on Node 20 (4.101+ need Node 22)
export const codeServerDir = join(root, '.cache', 'code-server');
export const codeServerBin = join(codeServerDir, 'node_modules', '.bin', 'code-server');
const RIPGREP_PKG_VERSION = '1.15.11'; // @vscode/ripgrep version inside code-server 4.100.3's lib/vscode
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
const APT_PACKAGES = ['chromium', 'ripgrep', 'libkrb5-dev', 'fonts-noto-color-emoji'];

const log = (msg) => console.log(`[setup] ${msg}`);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

function missingAptPackages() {
  return APT_PACKAGES.filter((p) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
}

function ensureApt() {
  const missing = missingAptPackages();
  if (missing.length === 0) return log('Debian packages present');
  const sudo = process.getuid && process.getuid() !== 0 ? ['sudo'] : [];
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => (sudo.length ? run('sudo', ['apt-get', ...args], { env }) : run('apt-get', args, { env }));
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', '--no-install-recommends', ...missing]);
}

/** True when `dir/node_modules` exists and is newer than the lockfile. */
function depsFresh(dir) {
  const lock = join(dir, 'package-lock.json');
  const marker = join(dir, 'node_modules', '.package-lock.json');
  return existsSync(marker) && (!existsSync(lock) || statSync(marker).mtimeMs >= statSync(lock).mtimeMs);
}

/**
 * `npm ci` installs exactly the lockfile. The emulator uses `npm install` (which also follows the
 * lockfile): npm 11's `ci` refuses chdb's lockfile because chdb's optional per-platform packages for
 * other platforms are not recorded in it ("Missing: @chdb/lib-darwin-arm64 from lock file").
 */
function ensureNpm(dir, label, command = 'ci') {
  if (depsFresh(dir)) return log(`${label} node packages present`);
  log(`installing ${label} node packages (npm ${command})`);
  run('npm', [command, '--no-audit', '--no-fund'], { cwd: dir, env: { ...process.env, npm_config_yes: 'true' } });
}

function ensureRipgrepCache() {
  const cache = join(tmpdir(), `vscode-ripgrep-cache-${RIPGREP_PKG_VERSION}`);
  const asset = join(cache, RIPGREP_ASSET);
  if (existsSync(asset)) return;
  const rg = execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim();
  mkdirSync(cache, { recursive: true });
  const staging = mkdtempSync(join(tmpdir(), 'rg-'));
  copyFileSync(rg, join(staging, 'rg'));
  run('tar', ['-czf', asset, '-C', staging, 'rg']);
  log(`seeded ripgrep download cache with ${rg}`);
}

function codeServerInstalled() {
  // code-server's postinstall links lib/vscode/node_modules.asar; without it the install is unusable.
  const pkg = join(codeServerDir, 'node_modules', 'code-server', 'package.json');
  if (!existsSync(pkg) || !existsSync(codeServerBin)) return false;
  const version = JSON.parse(readFileSync(pkg, 'utf8')).version;
  return version === CODE_SERVER_VERSION && existsSync(join(codeServerDir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules.asar'));
}

function ensureCodeServer() {
  if (codeServerInstalled()) return log(`code-server ${CODE_SERVER_VERSION} present`);
  ensureRipgrepCache();
  mkdirSync(codeServerDir, { recursive: true });
  writeFileSync(join(codeServerDir, 'package.json'), JSON.stringify({ name: 'hogql-test-host', private: true }, null, 2));
  log(`installing code-server ${CODE_SERVER_VERSION} (about a minute)`);
  // npm 11 skips dependency install scripts unless allowed; code-server's postinstall installs
  // VS Code's own modules, so it must run. As root, that postinstall also insists on
  // npm_config_unsafe_perm=true (npm 11 no longer knows the flag but passes the variable on).
  run('npm', ['install', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: codeServerDir,
    env: { ...process.env, npm_config_yes: 'true', npm_config_dangerously_allow_all_scripts: 'true', npm_config_unsafe_perm: 'true' },
  });
  if (!codeServerInstalled()) throw new Error('code-server installed but its postinstall did not run');
}

export function setup({ codeServer = true, browser = true } = {}) {
  if (browser || codeServer) ensureApt();
  ensureNpm(root, 'project');
  ensureNpm(join(root, 'emulator'), 'emulator', 'install');
  if (codeServer) ensureCodeServer();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t0 = Date.now();
  setup();
  log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
