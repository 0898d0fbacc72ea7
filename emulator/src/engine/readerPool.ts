/**
 * Reader Sessions for user SQL, inside the engine child. Each Session is locked down as the chdb
 * notes require: limits first (`SET session_timezone`, 64-bit quoting, `/` unescaped in JSON
 * strings (as JS writes them, so streamed string cells pass through), `max_execution_time`,
 * `max_result_rows`+throw, `max_memory_usage`, and `max_block_size` small enough that a streamed
 * result leaves in blocks of 4,096 rows: with the default 65,409 a 50,000-row result is one block,
 * so nothing reaches the client before the whole result is formatted), then `SET readonly=1`, after which the Session
 * refuses any further SET or per-query SETTINGS, `file()`, `url()`, INSERT and DDL.
 * Never readonly=2 (it allows file() reads and writes). A Session runs one query at a time, so
 * the pool holds up to `maxReaders` Sessions, keyed by their `max_execution_time`.
 */
import { Session } from 'chdb';
import type { ReaderLimits } from './protocol';

/** Rows per block (and so per streamed chunk) of reader queries. */
export const STREAM_BLOCK_ROWS = 4096;

export interface Reader {
  session: Session;
  timeout: number;
  stream: boolean;
  busy: boolean;
}

export function lockdownStatements(limits: ReaderLimits, timeoutSeconds: number, stream: boolean): string[] {
  return [
    "SET session_timezone='UTC'",
    'SET output_format_json_quote_64bit_integers=1',
    'SET output_format_json_escape_forward_slashes=0',
    `SET max_execution_time=${Number(timeoutSeconds)}`,
    `SET max_result_rows=${Math.floor(limits.maxResultRows)}`,
    "SET result_overflow_mode='throw'",
    `SET max_memory_usage=${Math.floor(limits.maxMemoryUsage)}`,
    ...(stream ? [`SET max_block_size=${STREAM_BLOCK_ROWS}`] : []),
    'SET readonly=1',
  ];
}

export class ReaderPool {
  private readonly readers: Reader[] = [];

  constructor(
    private readonly dataDir: string,
    private readonly limits: ReaderLimits,
  ) {}

  /** An idle reader with this timeout and kind, creating or recycling one; null when all are busy. */
  acquire(timeoutSeconds: number, stream: boolean): Reader | null {
    let r = this.readers.find((x) => !x.busy && x.timeout === timeoutSeconds && x.stream === stream);
    if (!r && this.readers.length < this.limits.maxReaders) {
      r = this.create(timeoutSeconds, stream);
      this.readers.push(r);
    }
    if (!r) {
      const idle = this.readers.findIndex((x) => !x.busy);
      if (idle < 0) return null;
      this.readers[idle].session.close();
      r = this.create(timeoutSeconds, stream);
      this.readers[idle] = r;
    }
    r.busy = true;
    return r;
  }

  release(r: Reader): void {
    r.busy = false;
  }

  closeAll(): void {
    for (const r of this.readers) r.session.close();
    this.readers.length = 0;
  }

  private create(timeoutSeconds: number, stream: boolean): Reader {
    const session = new Session(this.dataDir);
    for (const stmt of lockdownStatements(this.limits, timeoutSeconds, stream)) session.query(stmt);
    return { session, timeout: timeoutSeconds, stream, busy: false };
  }
}
