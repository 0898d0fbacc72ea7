// The query-stream bench's CPU time by process role (scripts/bench/lib/procCpu.mjs): roles from
// command lines, and a busy child's CPU counted over a window (Linux only: /proc).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const load = () => import('../../../scripts/bench/lib/procCpu.mjs');

describe('bench: CPU time by process role', () => {
  it('tells the roles apart by command line', async () => {
    const { roleOf } = await load();
    assert.equal(roleOf('/usr/lib/node /x/code-server/lib/vscode/out/bootstrap-fork --type=extensionHost'), 'ext host');
    assert.equal(roleOf('/x/chrome-linux/chrome --type=renderer --lang=en'), 'renderer');
    assert.equal(roleOf('/x/chrome-linux/chrome --type=gpu-process'), 'gpu');
    assert.equal(roleOf('/x/chrome-linux/chrome --type=utility --utility-sub-type=network.mojom.NetworkService'), 'browser other');
    assert.equal(roleOf('node /w/emulator/bin/emulator.mjs --port 0'), 'emulator');
    assert.equal(roleOf('node /x/code-server/out/node/entry.js --auth none'), 'code-server');
    assert.equal(roleOf('sleep 1'), undefined);
  });

  it('counts a busy child within the window, and says so largest first', async function () {
    if (!existsSync('/proc/self/stat')) this.skip();
    this.timeout(10_000);
    const { startProcCpu, describeCpu } = await load();
    const cpu = startProcCpu({ everyMs: 20 });
    const t0 = Date.now();
    const child = spawn(process.execPath, ['-e', 'const end = Date.now() + 400; while (Date.now() < end);']);
    await new Promise((resolve) => child.on('exit', resolve));
    await new Promise((resolve) => setTimeout(resolve, 60));
    const byRole = cpu.between(t0, Date.now());
    cpu.stop();
    assert.ok((byRole.other ?? 0) >= 100, JSON.stringify(byRole));
    assert.deepEqual(cpu.between(t0 - 60_000, t0 - 30_000), {});
    assert.match(describeCpu({ renderer: 300, 'ext host': 120 }), /^renderer 300, ext host 120; total 420 ms$/);
  });
});
