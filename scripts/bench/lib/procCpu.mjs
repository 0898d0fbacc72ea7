// CPU time of a benchmark's processes by role, sampled from /proc (Linux), for "where the time
// goes" beside wall time on a shared machine (issue #21): the emulator, code-server, the extension
// host, Chromium's renderer (the workbench and the webviews share it), its GPU and other processes.
// Every `everyMs` the sampler reads utime + stime of each descendant of `root` (found through
// /proc/<pid>/task/<tid>/children); `between(t1, t2)` gives each role's CPU milliseconds over an
// epoch-ms window, from the samples nearest its ends (resolution: the sampling period and the
// kernel's clock tick, 10 ms). Off Linux it reports nothing.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { statCpuMs } from '../../../test/support/procStat.cjs';

/** The role of a process from its command line (undefined: its parent's role). */
export function roleOf(cmdline) {
  if (/extensionHost/.test(cmdline)) return 'ext host';
  if (/emulator/.test(cmdline)) return 'emulator';
  if (/--type=renderer/.test(cmdline)) return 'renderer';
  if (/--type=gpu-process/.test(cmdline)) return 'gpu';
  if (/--type=|chrom(e|ium)/i.test(cmdline)) return 'browser other';
  if (/code-server|server-main|bootstrap-fork/.test(cmdline)) return 'code-server';
  return undefined;
}

function read(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function children(pid) {
  const out = [];
  let tasks = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tasks) for (const c of (read(`/proc/${pid}/task/${tid}/children`) ?? '').split(' ')) if (c.trim()) out.push(Number(c));
  return out;
}

/** utime + stime of `pid` in ms, or undefined when it is gone. */
function cpuMs(pid) {
  const stat = read(`/proc/${pid}/stat`);
  return stat ? statCpuMs(stat) : undefined;
}

export function startProcCpu({ root = process.pid, everyMs = 100 } = {}) {
  const enabled = existsSync('/proc/self/stat');
  /** pid → { role, samples: [epochMs, cpuMs][] } */
  const procs = new Map();
  const sample = () => {
    const t = Date.now();
    const walk = (pid, parentRole) => {
      let p = procs.get(pid);
      if (!p) procs.set(pid, (p = { role: parentRole, samples: [] }));
      // a child's command line is its parent's until it execs: read again over its first samples
      if (p.samples.length < 10) p.role = roleOf((read(`/proc/${pid}/cmdline`) ?? '').replace(/\0/g, ' ')) ?? parentRole;
      const ms = cpuMs(pid);
      if (ms !== undefined) p.samples.push([t, ms]);
      for (const c of children(pid)) walk(c, p.role);
    };
    for (const c of children(root)) walk(c, 'other');
  };
  const timer = enabled ? setInterval(sample, everyMs) : undefined;
  if (enabled) sample();
  return {
    stop() {
      if (timer) clearInterval(timer);
    },
    /** CPU ms of each role between two epoch-ms times (a process's samples nearest each end). */
    between(t1, t2) {
      const out = {};
      for (const { role, samples } of procs.values()) {
        if (samples.length === 0 || samples[0][0] > t2) continue;
        const at = (t) => {
          let v = samples[0][1];
          for (const [st, ms] of samples) {
            if (st > t) break;
            v = ms;
          }
          return v;
        };
        // a process that started within the window counts from 0
        const from = samples[0][0] > t1 ? 0 : at(t1);
        const ms = at(t2) - from;
        if (ms > 0) out[role] = (out[role] ?? 0) + ms;
      }
      return out;
    },
  };
}

/** `{ role: ms }` → "ext host 120, renderer 340, …" (largest first) and the total. */
export function describeCpu(byRole) {
  const entries = Object.entries(byRole).sort((a, b) => b[1] - a[1]);
  const total = entries.reduce((n, [, ms]) => n + ms, 0);
  return `${entries.map(([r, ms]) => `${r} ${Math.round(ms)}`).join(', ')}; total ${Math.round(total)} ms`;
}
