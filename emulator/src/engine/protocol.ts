/** Messages between the engine (main process) and its chdb child process (`child.ts`). */
import type { QueryProgress } from './types';

export interface ReaderLimits {
  /** Default `max_execution_time` (seconds) of reader Sessions. PostHog's HogQL default is 60. */
  maxExecutionTime: number;
  /** `max_result_rows` with `result_overflow_mode='throw'` (code 396). */
  maxResultRows: number;
  /** `max_memory_usage` in bytes (code 241). */
  maxMemoryUsage: number;
  /** Reader Sessions that may run at once (Sessions on one path run in parallel; one query each). */
  maxReaders: number;
}

export type ToChild =
  | { t: 'init'; dataDir: string; limits: ReaderLimits }
  | { t: 'query'; id: number; sql: string; timeoutSeconds: number; wantProgress: boolean; stream?: boolean }
  | { t: 'cancel'; id: number }
  | { t: 'exec'; id: number; sql: string }
  | { t: 'insert'; id: number; table: string; file?: string; text?: string }
  | { t: 'processes'; id: number }
  | { t: 'close' };

export type FromChild =
  | { t: 'ready' }
  | { t: 'fatal'; message: string }
  /** `frames`: a streamed query's end; it wrote that many frames of rows to the data pipe (dataPipe.ts). */
  | { t: 'ok'; id: number; text: string; frames?: number }
  | { t: 'err'; id: number; message: string; code?: number; cancelled?: boolean }
  | { t: 'progress'; id: number; progress: QueryProgress }
  | { t: 'started'; id: number };

/** Every reader query is prefixed with this marker so `system.processes` can find it. */
export function marker(id: number): string {
  return `/* emq:${id} */ `;
}

export function markerId(query: string): number | null {
  const m = /^\/\* emq:(\d+) \*\//.exec(query);
  return m ? Number(m[1]) : null;
}

/** chdb puts the code on `.clickhouseCode` for async errors only; parse `Code: N` otherwise (chdb notes). */
export function clickhouseCodeOf(err: unknown): number | undefined {
  const e = err as { clickhouseCode?: unknown; message?: unknown };
  if (typeof e?.clickhouseCode === 'number') return e.clickhouseCode;
  const m = /Code: (\d+)/.exec(String(e?.message ?? ''));
  return m ? Number(m[1]) : undefined;
}
