// Types of hostile.mjs (a plain ESM helper shared by host tests).
export declare const HOSTILE_KEY: string;
export declare const HOSTILE_PROJECT: number;
export declare const INSIGHT_COUNT: number;
export declare function startHostile(): Promise<{ url: string; close(): Promise<void> }>;
