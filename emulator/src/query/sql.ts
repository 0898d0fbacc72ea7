/** Escaping for the emulator's own internal ClickHouse SQL (never used for user HogQL). */

export function sqlString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function sqlInt(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`not an integer: ${n}`);
  return String(n);
}

export interface Compact {
  meta: { name: string; type: string }[];
  data: unknown[][];
  rows: number;
}

export function parseCompact(text: string): Compact {
  return JSON.parse(text) as Compact;
}
