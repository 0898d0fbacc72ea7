// CPU time from a Linux /proc stat text (`/proc/<pid>/stat` or `/proc/<pid>/task/<tid>/stat`): one
// parser for the host tests' main-thread figure (threadCpu.ts), the benches' CPU by process
// (scripts/bench/lib/procCpu.mjs) and the stream bench's runner (its threads). CommonJS, so each
// of them can load it: bundled TypeScript, ESM and a plain `require`.
'use strict';

/** Milliseconds per clock tick (USER_HZ is 100 on Linux). */
const TICK_MS = 10;

/** utime + stime in ms; after "pid (comm) " the state is field 3, utime and stime fields 14 and 15. */
function statCpuMs(stat) {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** The thread's or process's name (`comm`) in a stat text. */
function statName(stat) {
  return stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
}

exports.TICK_MS = TICK_MS;
exports.statCpuMs = statCpuMs;
exports.statName = statName;
