/**
 * Big results without parse-and-reserialise of the whole set: the engine streams
 * JSONCompactEachRowWithNamesAndTypes block by block, each row is converted as it arrives (the
 * same cell conversion as `convertRows`, so 64-bit integers keep every digit) and written as JSON
 * text. A result that ends within `streamAfterBytes` of engine output is answered whole, exactly
 * as `runHogQLQuery` does; a bigger one becomes a stream, whose status is committed only once the
 * engine has finished without error (PostHog runs a query to the end before it answers, so a
 * late engine error must be its error JSON, not a cut body); the rows convert as they arrive, one
 * chunk per event-loop turn. PostHog's response has `hasMore` and `limit` before `results` (its
 * models list fields alphabetically); they are null unless the query is paginated (a top-level
 * SELECT without LIMIT, `limits.ts`: at most 101 rows, counted before the head is written).
 */
import { convertRow, parseTypes, writeJsonValue, type ParsedTypes } from './response';
import { cellModes, rowText, type CellMode } from './rowText';
import { mapEngineError, prepareHogQLQuery, responseBody, runPrepared } from './runner';
import type { HogQLQueryDeps, HogQLQueryRequest, HogQLQueryResponseBody, QueryTiming } from './types';

/** Engine output (bytes of text) after which a result is streamed rather than answered whole. */
export const STREAM_AFTER_BYTES = 1 << 20;

export interface HogQLStreamHead {
  columns: string[];
  types: [string, string][];
  hasMore: boolean | null;
  limit: number | null;
  offset: number | null;
  hogql: string;
  clickhouse: string;
  modifiers: Record<string, unknown>;
  query_status: null;
}

export type HogQLRun =
  | { kind: 'body'; body: HogQLQueryResponseBody }
  | {
      kind: 'stream';
      head: HogQLStreamHead;
      /** JSON text of the next rows, each row an array, joined by commas; ends when the result does. */
      rows: AsyncIterable<string>;
      /** The timings, once `rows` has ended. */
      timings(): QueryTiming[];
    };

/** Turns streamed lines into rows: names line, types line, then one JSON array per line. */
class RowConverter {
  private rest = '';
  private header: string[] = [];
  types: [string, string][] | null = null;
  private parsed: ParsedTypes | null = null;
  private modes: CellMode[] = [];
  /** Converted rows while the result may still be answered whole. */
  values: unknown[][] = [];
  /** JSON text of rows not yet taken by the stream. */
  texts: string[] = [];
  rowCount = 0;
  textMode = false;

  constructor(private readonly maxRows: number | null) {}

  feed(text: string): void {
    const data = this.rest + text;
    let start = 0;
    for (let nl = data.indexOf('\n'); nl >= 0; nl = data.indexOf('\n', start)) {
      this.line(data.slice(start, nl));
      start = nl + 1;
    }
    this.rest = data.slice(start);
  }

  /** From now on rows are kept as JSON text (the buffered ones are written out). */
  toText(): void {
    if (this.textMode) return;
    this.textMode = true;
    const keep = this.maxRows === null ? this.values : this.values.slice(0, this.maxRows);
    for (const row of keep) this.texts.push(writeJsonValue(row));
    this.values = [];
  }

  private line(line: string): void {
    if (line === '') return;
    if (this.header.length === 0 && this.types === null) {
      this.header = JSON.parse(line) as string[];
      return;
    }
    if (this.types === null) {
      const cells = JSON.parse(line) as unknown[];
      this.types = this.header.map((name, i) => [name, String(cells[i])]);
      this.parsed = parseTypes(this.types.map((t) => t[1]));
      this.modes = cellModes(this.types.map((t) => t[1]));
      return;
    }
    this.rowCount++;
    if (this.textMode) {
      if (this.maxRows === null || this.rowCount <= this.maxRows) this.texts.push(rowText(line, this.modes, this.parsed!));
      return;
    }
    this.values.push(convertRow(JSON.parse(line) as unknown[], this.parsed!));
  }
}

/** A one-consumer queue of text batches fed by the engine's chunks. */
class TextQueue implements AsyncIterable<string> {
  private wake: (() => void) | null = null;
  private ended = false;
  private error: unknown = null;

  constructor(private readonly conv: RowConverter) {}

  notify(): void {
    this.wake?.();
    this.wake = null;
  }

  end(err?: unknown): void {
    this.ended = true;
    if (err !== undefined) this.error = err;
    this.notify();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<string> {
    for (;;) {
      if (this.conv.texts.length > 0) {
        const batch = this.conv.texts.join(',');
        this.conv.texts = [];
        yield batch;
        continue;
      }
      if (this.error !== null) throw this.error;
      if (this.ended) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}

/** Converts received chunks in order, one per event-loop turn. */
class ChunkPump {
  private readonly raw: string[] = [];
  private scheduled = false;
  private engineDone = false;
  private waiters: (() => void)[] = [];
  private firstFed: () => void = () => undefined;
  /** Resolves once the first chunk (with the names and types lines) is converted. */
  readonly first = new Promise<void>((resolve) => (this.firstFed = resolve));

  constructor(
    private readonly conv: RowConverter,
    private readonly converted: () => void,
  ) {}

  push(text: string): void {
    this.raw.push(text);
    this.schedule();
  }

  /** The engine sent its last chunk. */
  finish(): void {
    this.engineDone = true;
    this.schedule();
  }

  /** Resolves once the engine has finished and every chunk is converted. */
  drained(): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.step());
  }

  private step(): void {
    this.scheduled = false;
    const text = this.raw.shift();
    if (text !== undefined) {
      this.conv.feed(text);
      this.firstFed();
      this.converted();
    }
    if (this.raw.length > 0) this.schedule();
    else if (this.engineDone) for (const w of this.waiters.splice(0)) w();
  }
}

/** Like `runHogQLQuery`, but a result bigger than `streamAfterBytes` comes back as a stream. */
export async function streamHogQLQuery(req: HogQLQueryRequest, deps: HogQLQueryDeps, streamAfterBytes = STREAM_AFTER_BYTES): Promise<HogQLRun> {
  const prepared = await prepareHogQLQuery(req);
  // A paginated query (no LIMIT) returns at most 101 rows: one engine call answers it sooner than
  // a stream, whose every block is a round trip to the engine (issue #15: per-query overhead).
  if (prepared.paging.limit !== null) return { kind: 'body', body: await runPrepared(prepared, deps) };
  const engine = deps.engine;
  if (!engine.queryStream) throw new Error('This engine cannot stream');
  const conv = new RowConverter(prepared.paging.limit);
  const queue = new TextQueue(conv);
  let bytes = 0;
  let big: (() => void) | null = null;
  const startedAt = performance.now();
  const recordExecute = (): void => void prepared.timings.list.push({ k: './clickhouse_execute', t: (performance.now() - startedAt) / 1000 });
  const opts = { queryId: deps.queryId, signal: deps.signal, timeoutSeconds: deps.timeoutSeconds, onProgress: deps.onProgress };
  const pump = new ChunkPump(conv, () => conv.textMode && queue.notify());
  let engineFinished: () => void = () => undefined;
  const engineDone = new Promise<void>((resolve) => (engineFinished = resolve));
  const done = engine.queryStream(
    prepared.executable,
    opts,
    (text) => {
      bytes += text.length;
      if (bytes > streamAfterBytes && !conv.textMode) {
        conv.toText();
        big?.();
      }
      pump.push(text);
    },
    () => engineFinished(),
  );
  const allIn = done.then(
    () => pump.finish(),
    (err: unknown) => {
      throw mapEngineError(err);
    },
  );
  // The engine's end (no error) may be known before its last rows have arrived.
  const engineEnd = Promise.race([engineDone, allIn]).then(recordExecute);
  engineEnd.catch(() => undefined);
  const settled = allIn.then(() => pump.drained()).then(() => 'done' as const);
  const first = await Promise.race([settled, new Promise<'big'>((resolve) => (big = () => resolve('big')))]);
  big = null;
  if (first === 'done') return { kind: 'body', body: responseBody(prepared, conv.values, conv.types ?? []) };
  settled.then(
    () => queue.end(),
    (err: unknown) => queue.end(err),
  );
  // PostHog answers once the query has run to the end: an engine error on a late row (a throwIf,
  // a timeout, the memory limit) is its error JSON with its status, never a 200 cut short. So the
  // status is committed only when the engine has finished; its rows keep converting meanwhile.
  await engineEnd;
  const limit = prepared.paging.limit;
  // Paginated (no LIMIT): at most 101 rows, all converted once the pump has drained.
  if (limit !== null) await settled;
  await pump.first;
  const head: HogQLStreamHead = {
    columns: prepared.columns,
    types: conv.types ?? [],
    hasMore: limit === null ? null : conv.rowCount > limit,
    limit,
    offset: prepared.paging.offset,
    hogql: prepared.hogql,
    clickhouse: prepared.clickhouse,
    modifiers: prepared.modifiers,
    query_status: null,
  };
  return { kind: 'stream', head, rows: queue, timings: () => prepared.timings.done() };
}
