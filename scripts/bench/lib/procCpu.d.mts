// Types of procCpu.mjs for the unit test (test/unit/build/procCpu.test.ts).
export type CpuByRole = Record<string, number>;
export function roleOf(cmdline: string): string | undefined;
export function startProcCpu(opts?: { root?: number; everyMs?: number }): { stop(): void; between(t1: number, t2: number): CpuByRole };
export function describeCpu(byRole: CpuByRole): string;
