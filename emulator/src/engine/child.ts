/**
 * The engine child process: the only process that loads chdb and owns the data dir lock.
 * Forked (not a worker_thread: a worker that loaded chdb segfaults on exit, chdb notes) so the
 * main process can SIGKILL it when a cancelled query does not stop. Sessions:
 *  - admin:  internal only; reads system.processes for progress and issues KILL QUERY;
 *  - writer: not readonly; DDL, bulk loads and capture inserts; never sees user SQL;
 *  - readers: locked-down Sessions for user SQL (readerPool.ts).
 */
import { readFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { Session } from 'chdb';
import { frames } from './dataPipe';
import { clickhouseCodeOf, marker, markerId, type FromChild, type ReaderLimits, type ToChild } from './protocol';
import { ReaderPool, type Reader } from './readerPool';

interface Job {
  id: number;
  sql: string;
  timeoutSeconds: number;
  wantProgress: boolean;
  /** Send the output block by block (`chunk` messages) instead of one `ok` text. */
  stream: boolean;
  cancelled: boolean;
  running: boolean;
}

/** Names, then types, then one JSON array per row and line (strings escape raw newlines). */
const STREAM_FORMAT = 'JSONCompactEachRowWithNamesAndTypes';

/** Streamed rows go out on fd 4 (dataPipe.ts); the IPC channel carries only messages. */
let rows: Socket;
let admin: Session;
let writer: Session;
let pool: ReaderPool;
const queue: Job[] = [];
const running = new Map<number, Job>();

function send(msg: FromChild): void {
  if (process.connected) process.send!(msg);
}

function errMsg(id: number, err: unknown, cancelled = false): FromChild {
  const message = String((err as Error)?.message ?? err);
  return { t: 'err', id, message, code: clickhouseCodeOf(err), cancelled };
}

function init(dataDir: string, limits: ReaderLimits): void {
  rows = new Socket({ fd: 4, readable: false, writable: true });
  admin = new Session(dataDir);
  writer = new Session(dataDir);
  writer.query("SET session_timezone='UTC'");
  pool = new ReaderPool(dataDir, limits);
  setInterval(pollProgress, 200).unref();
}

function pump(): void {
  while (queue.length > 0) {
    const job = queue[0];
    const reader = pool.acquire(job.timeoutSeconds, job.stream);
    if (!reader) return;
    queue.shift();
    void runJob(job, reader);
  }
}

async function runJob(job: Job, reader: Reader): Promise<void> {
  job.running = true;
  running.set(job.id, job);
  send({ t: 'started', id: job.id });
  try {
    if (job.stream) {
      send({ t: 'ok', id: job.id, text: '', frames: await streamRows(job, reader) });
    } else {
      const r = await reader.session.queryAsync(marker(job.id) + job.sql, { format: 'JSONCompact' });
      send({ t: 'ok', id: job.id, text: r.text() });
    }
  } catch (err) {
    // chdb keeps a failed or killed query's system.processes entry (is_cancelled=1) until the
    // Session runs its next query, and prepends a query's partial output (when it failed while
    // executing) to the next result; run a trivial one so both are absorbed here.
    await reader.session.queryAsync('SELECT 1', { format: 'JSONCompact' }).catch(() => undefined);
    send(errMsg(job.id, err, job.cancelled));
  } finally {
    running.delete(job.id);
    pool.release(reader);
    pump();
  }
}

/** Writes a streamed query's rows to the data pipe; returns how many frames it wrote. */
async function streamRows(job: Job, reader: Reader): Promise<number> {
  let header: Buffer | null = null;
  let count = 0;
  for await (const chunk of reader.session.queryStream(marker(job.id) + job.sql, { format: STREAM_FORMAT })) {
    const raw = chunk.raw();
    let bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    // chdb formats every block on its own, names and types lines included: keep the first.
    if (header === null) header = Buffer.from(bytes.subarray(0, bytes.indexOf(10, bytes.indexOf(10) + 1) + 1));
    else if (bytes.length >= header.length && bytes.subarray(0, header.length).equals(header)) bytes = bytes.subarray(header.length);
    const parts = frames(job.id, bytes);
    for (const part of parts) rows.write(part);
    count += parts.length / 2;
  }
  return count;
}

/** KILL QUERY by marker, repeated until the job settles (it may not be in system.processes yet). */
async function killJob(job: Job): Promise<void> {
  job.cancelled = true;
  while (running.has(job.id)) {
    try {
      await admin.queryAsync(`KILL QUERY WHERE startsWith(query, '${marker(job.id).trim()}') ASYNC`, { format: 'JSONCompact' });
    } catch {
      // The next round retries; the main process SIGKILLs us if the query never stops.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

let polling = false;
async function pollProgress(): Promise<void> {
  const wanted = [...running.values()].some((j) => j.wantProgress);
  if (!wanted || polling) return;
  polling = true;
  try {
    const r = await admin.queryAsync(
      "SELECT query, read_rows, read_bytes, total_rows_approx, elapsed, ProfileEvents['OSCPUVirtualTimeMicroseconds'] " +
        "FROM system.processes WHERE startsWith(query, '/* emq:')",
      { format: 'JSONCompact' },
    );
    const data = (r.json() as { data: unknown[][] }).data;
    for (const row of data) {
      const id = markerId(String(row[0]));
      if (id === null || !running.get(id)?.wantProgress) continue;
      send({
        t: 'progress',
        id,
        progress: {
          rows_read: Number(row[1]),
          bytes_read: Number(row[2]),
          estimated_rows_total: Number(row[3]),
          time_elapsed: Number(row[4]),
          active_cpu_time: Number(row[5]),
        },
      });
    }
  } catch {
    // Progress is best effort; the final statistics still arrive with the result.
  } finally {
    polling = false;
  }
}

async function processes(id: number): Promise<void> {
  try {
    const r = await admin.queryAsync("SELECT query FROM system.processes WHERE startsWith(query, '/* emq:')", { format: 'JSONCompact' });
    const ids = (r.json() as { data: unknown[][] }).data.map((row) => markerId(String(row[0])));
    send({ t: 'ok', id, text: JSON.stringify(ids.filter((x) => x !== null)) });
  } catch (err) {
    send(errMsg(id, err));
  }
}

async function writerOp(id: number, op: () => Promise<string>): Promise<void> {
  try {
    send({ t: 'ok', id, text: await op() });
  } catch (err) {
    send(errMsg(id, err));
  }
}

function onMessage(msg: ToChild): void {
  switch (msg.t) {
    case 'init':
      try {
        init(msg.dataDir, msg.limits);
        send({ t: 'ready' });
      } catch (err) {
        send({ t: 'fatal', message: String((err as Error).message) });
      }
      return;
    case 'query':
      queue.push({ id: msg.id, sql: msg.sql, timeoutSeconds: msg.timeoutSeconds, wantProgress: msg.wantProgress, stream: msg.stream === true, cancelled: false, running: false });
      pump();
      return;
    case 'cancel': {
      const q = queue.findIndex((j) => j.id === msg.id);
      if (q >= 0) {
        queue.splice(q, 1);
        send({ t: 'err', id: msg.id, message: 'Query was cancelled before it started', code: 394, cancelled: true });
      } else {
        const job = running.get(msg.id);
        if (job && !job.cancelled) void killJob(job);
      }
      return;
    }
    case 'exec':
      void writerOp(msg.id, async () => (await writer.queryAsync(msg.sql, { format: 'JSONCompact' })).text());
      return;
    case 'insert':
      void writerOp(msg.id, async () => {
        const values = msg.file !== undefined ? readFileSync(msg.file) : Buffer.from(msg.text ?? '', 'utf8');
        const s = await writer.insert({ table: msg.table, values, format: 'JSONEachRow', settings: { date_time_input_format: 'best_effort' } });
        return JSON.stringify({ rowsWritten: s.rowsWritten });
      });
      return;
    case 'processes':
      void processes(msg.id);
      return;
    case 'close':
      pool?.closeAll();
      writer?.close();
      admin?.close();
      process.exit(0);
  }
}

process.on('message', (m) => onMessage(m as ToChild));
process.on('disconnect', () => process.exit(0));
