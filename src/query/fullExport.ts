/**
 * "Export Full Result": the whole result of a statement fetched from PostHog in pages (see
 * src/results/exportPaging.ts for the order and its limits) and written as each page arrives, so
 * memory stays flat for millions of rows. No vscode: the command (src/commands/export.ts) brings
 * the page fetcher, the path and the progress UI.
 *
 * Files: rows go to `<path>.partial` next to the target, renamed over `<path>` only once the last
 * page is written. On cancel or error the `.partial` file is deleted, so a file at `<path>` is
 * always complete (a file already there is left untouched until the export succeeds).
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { rename, rm } from 'node:fs/promises';
import type { Cell, Column } from '../results/protocol';
import { exportEncoder, type ExportEncoder, type FullExportFormat } from '../results/exportEncode';
import { EXPORT_PAGE_ROWS, orderColumns, stablePageQuery } from '../results/exportPaging';
import { pagedQuery } from './target';

export interface ExportPage {
  columns: Column[];
  /** The page's rows, read once, in order (may be produced as they are iterated). */
  rows: Iterable<Cell[]>;
  rowCount: number;
  /** PostHog's `hasMore`; undefined when the server did not say. */
  hasMore?: boolean;
}

/**
 * Where a page's rows may go while its body arrives (flat memory, issue #17): `write` takes a
 * batch (encoded and written at once, not kept), `ready` is the file's backpressure, to await
 * before reading more of the body.
 */
export interface PageRows {
  write(rows: Cell[][]): void;
  ready(): Promise<void> | undefined;
}

/**
 * Runs one page query (one POST, aborted by `signal`). With `into`, rows may be handed to it as
 * they are parsed; the page's `rows` are then the rest (`rowCount` counts all of them).
 */
export type FetchPage = (query: string, signal: AbortSignal, into?: PageRows) => Promise<ExportPage>;

/** Where the text goes: `write` resolves when more may be written (backpressure). */
export interface ExportSink {
  write(chunk: string): Promise<void>;
}

export interface ExportRequest {
  /** The statement as the user wrote it. */
  query: string;
  format: FullExportFormat;
  fetchPage: FetchPage;
  signal: AbortSignal;
  /** CSV: leave formula-leading cells as they are. */
  rawFormulas?: boolean;
  /** Rows written so far, after each chunk. */
  onProgress?: (rows: number) => void;
  /** Called while waiting out a rate limit before retrying a page. */
  onWait?: (ms: number) => void;
  /** Rows per page (default PostHog's cap, 50,000); tests use small pages. */
  pageRows?: number;
  /** Rows encoded per write (default 2,000). */
  chunkRows?: number;
}

export interface ExportSummary {
  rows: number;
  pages: number;
  /** True when the result fit one page and kept the query's own order. */
  singlePage: boolean;
}

/** How many times one page is retried after a 429 before the export gives up. */
const RATE_LIMIT_RETRIES = 3;

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function abortable(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const t = setTimeout(() => (signal.removeEventListener('abort', onAbort), resolve()), ms);
    const onAbort = (): void => (clearTimeout(t), reject(signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** A page, retried after a 429 (`retryAfterMs` of the client's RateLimitError) a few times. */
async function fetchWithRetry(req: ExportRequest, query: string, into?: PageRows): Promise<ExportPage> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await req.fetchPage(query, req.signal, into);
    } catch (e) {
      const wait = (e as { retryAfterMs?: unknown }).retryAfterMs;
      if (req.signal.aborted || typeof wait !== 'number' || attempt >= RATE_LIMIT_RETRIES) throw e;
      req.onWait?.(wait);
      await abortable(wait, req.signal);
    }
  }
}

/** Encodes and writes `rows` in chunks, yielding to the event loop between them. */
async function writeRows(sink: ExportSink, enc: ExportEncoder, rows: Iterable<Cell[]>, chunkRows: number, written: number, req: ExportRequest): Promise<number> {
  let chunk: Cell[][] = [];
  const flush = async (): Promise<void> => {
    if (req.signal.aborted) throw req.signal.reason;
    await sink.write(enc.rows(chunk));
    written += chunk.length;
    chunk = [];
    req.onProgress?.(written);
    await turn();
  };
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length >= chunkRows) await flush();
  }
  if (chunk.length) await flush();
  return written;
}

/** A `PageRows` writing to `sink` through `enc`; a failed write (text too large) is kept for `failure`. */
function pageRows(sink: ExportSink, enc: ExportEncoder, req: ExportRequest, written: number): PageRows & { written(): number; failure(): unknown } {
  let pending: Promise<void> | undefined;
  let failure: unknown;
  return {
    write(rows) {
      if (failure !== undefined || req.signal.aborted) return;
      const wrote = sink.write(enc.rows(rows));
      written += rows.length;
      req.onProgress?.(written);
      pending = wrote.then(
        () => (pending = undefined),
        (e: unknown) => ((failure = e), (pending = undefined)),
      );
    },
    ready: () => pending,
    written: () => written,
    failure: () => failure,
  };
}

const more = (page: ExportPage, limit: number): boolean => page.hasMore ?? page.rowCount >= limit;

/** Fetches every page of `req.query` and writes it to `sink`. Throws on error or abort. */
export async function exportResult(req: ExportRequest, sink: ExportSink): Promise<ExportSummary> {
  const limit = Math.max(1, req.pageRows ?? EXPORT_PAGE_ROWS);
  const chunkRows = Math.max(1, req.chunkRows ?? 2_000);
  const first = await fetchWithRetry(req, pagedQuery(req.query, 0, limit));
  const enc = exportEncoder(req.format, first.columns, { rawFormulas: req.rawFormulas === true });
  await sink.write(enc.start());
  if (!more(first, limit)) {
    const rows = await writeRows(sink, enc, first.rows, chunkRows, 0, req);
    await sink.write(enc.end());
    return { rows, pages: 1, singlePage: true };
  }
  // More than one page: start again in a stable order (the first page's order may differ).
  const order = orderColumns(first.columns);
  const columnCount = first.columns.length;
  let written = 0;
  let pages = 1;
  for (let offset = 0; ; offset += limit) {
    const into = pageRows(sink, enc, req, written);
    const page = await fetchWithRetry(req, stablePageQuery(req.query, order, offset, limit), into);
    await into.ready();
    if (into.failure() !== undefined) throw into.failure();
    pages++;
    if (page.columns.length !== columnCount) throw new Error(`Page ${pages} of the export has ${page.columns.length} columns, the first had ${columnCount}.`);
    written = await writeRows(sink, enc, page.rows, chunkRows, into.written(), req);
    if (!more(page, limit) || page.rowCount === 0) break;
  }
  await sink.write(enc.end());
  return { rows: written, pages, singlePage: false };
}

/** A sink over a file stream that waits for `drain` when the stream's buffer is full. */
function streamSink(out: WriteStream): ExportSink {
  return {
    write: async (chunk) => {
      if (chunk && !out.write(chunk)) await once(out, 'drain');
    },
  };
}

/**
 * Exports to the file `path`: written to `<path>.partial`, renamed to `path` when complete, the
 * partial file deleted on cancel or error (then the error is thrown again).
 */
export async function exportToFile(req: ExportRequest, path: string): Promise<ExportSummary> {
  const partial = `${path}.partial`;
  const out = createWriteStream(partial, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  try {
    const summary = await Promise.race([exportResult(req, streamSink(out)), failed]);
    out.end();
    await Promise.race([once(out, 'close'), failed]);
    await rename(partial, path);
    return summary;
  } catch (e) {
    out.destroy();
    await rm(partial, { force: true });
    throw e;
  }
}

/** Thrown by `exportToText` when the text would pass its limit. */
export class ExportTooLarge extends Error {
  override name = 'ExportTooLarge';
  constructor(readonly limitChars: number) {
    super(`The result is larger than ${Math.round(limitChars / 1_000_000)} MB of text.`);
  }
}

/** Exports into a string of at most `limitChars` characters (for an untitled editor). */
export async function exportToText(req: ExportRequest, limitChars: number): Promise<{ text: string; summary: ExportSummary }> {
  const parts: string[] = [];
  let size = 0;
  const sink: ExportSink = {
    write: (chunk) => {
      size += chunk.length;
      if (size > limitChars) return Promise.reject(new ExportTooLarge(limitChars));
      parts.push(chunk);
      return Promise.resolve();
    },
  };
  const summary = await exportResult(req, sink);
  return { text: parts.join(''), summary };
}
