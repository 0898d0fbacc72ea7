// Types of procStat.cjs.
export declare const TICK_MS: number;
export declare function statCpuMs(stat: string): number;
export declare function statName(stat: string): string;
