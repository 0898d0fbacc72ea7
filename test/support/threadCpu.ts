// CPU time of this process's main thread, for host tests that check the extension host's event loop
// is never held up: on a loaded machine the loop is also late while the process waits for a core,
// which is wall time the main thread did not use.
import { readFileSync } from 'node:fs';

/** Milliseconds of CPU the main thread has used (Linux /proc, 10 ms ticks); undefined elsewhere. */
export function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // after "pid (comm) ": state is field 3, utime and stime are fields 14 and 15, in 1/100 s
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}
