// CPU time of this process's main thread, for host tests that check the extension host's event loop
// is never held up: on a loaded machine the loop is also late while the process waits for a core,
// which is wall time the main thread did not use.
import { readFileSync } from 'node:fs';
import { statCpuMs } from './procStat.cjs';

/** Milliseconds of CPU the main thread has used (Linux /proc, 10 ms ticks); undefined elsewhere. */
export function mainThreadCpuMs(): number | undefined {
  try {
    return statCpuMs(readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}
