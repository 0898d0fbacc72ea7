/**
 * PostHog's parser's verdicts on disk (issue #21): a statement's verdict (valid, or its first error)
 * depends only on its text and the parser's version, so the verdicts of a session are kept in the
 * extension's global storage, beside the parser snapshot (workerSnapshot.ts), and a later session
 * that opens the same statements (VS Code reopens the last session's editors) publishes them
 * without waiting for the worker's start and first parse. Keyed by statement SHA-256; no statement
 * text is stored but in an error's message, which quotes the input near the error as PostHog's
 * parser words it (ANTLR's "no viable alternative at input '…'" quotes up to the whole statement);
 * a file of another parser version or format is ignored. Read when the first HogQL document opens
 * (workerStart.ts: parserVerdictFile), written by ParserClient once idle; with
 * `hogql.diagnostics.parserCache` off, neither (parserCache.ts). Pure Node (no `vscode`).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { ParserError } from './protocol';
import { writeSnapshot } from './snapshotStore';

/** Bumped whenever what a verdict holds, or how the worker derives it, changes. */
export const VERDICT_FORMAT = 1;
/** The most verdicts kept (the most recent): ~100 bytes each. */
export const VERDICTS_MAX = 2_000;
/** Idle time after the last new verdict before the file is written. */
export const VERDICTS_IDLE_MS = 2_000;

/** What identifies the verdicts' parser: its version (the bundles define it) and our format. */
export function verdictKey(): string {
  const version = typeof __HOGQL_PARSER_VERSION__ === 'string' ? __HOGQL_PARSER_VERSION__ : 'unknown';
  return `@posthog/hogql-parser ${version}; verdicts ${VERDICT_FORMAT}`;
}

/** A stored verdict: valid, or the first error as the worker reported it. */
export type Verdict = { ok: true } | { ok: false; error: ParserError };

type Stored = [0] | [1, string, string, number];

const hashOf = (text: string): string => createHash('sha256').update(text).digest('base64');

function fromStored(s: unknown): Verdict | undefined {
  if (!Array.isArray(s)) return undefined;
  if (s.length === 1 && s[0] === 0) return { ok: true };
  const [kind, type, message, start] = s as unknown[];
  if (s.length !== 4 || kind !== 1 || typeof type !== 'string' || typeof message !== 'string' || !Number.isSafeInteger(start) || (start as number) < 0) return undefined;
  return { ok: false, error: { type, message, start: start as number } };
}

const toStored = (v: Verdict): Stored => (v.ok ? [0] : [1, v.error.type, v.error.message, v.error.start]);

export class VerdictStore {
  /** Settles once the file was read (or found missing or invalid: then empty). */
  readonly loaded: Promise<void>;
  /** What the read found, for the log. */
  note = 'verdicts not read yet';
  private readonly verdicts = new Map<string, Verdict>();
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;
  private disposed = false;
  /** The write under way, if any. */
  private writing: Promise<void> = Promise.resolve();

  /**
   * `read`: the file's bytes when someone read it already (the activation bundle, as the first
   * HogQL document opened); `onWrite`: told of each write (or its failure).
   */
  constructor(
    private readonly file: string,
    read: Promise<Uint8Array> = readFile(file),
    private readonly onWrite: (note: string) => void = () => undefined,
    private readonly key = verdictKey(),
  ) {
    this.loaded = read.then(
      (bytes) => this.load(bytes),
      (e: NodeJS.ErrnoException) => void (this.note = e.code === 'ENOENT' ? 'no verdicts on disk' : `verdicts unreadable: ${e.message}`),
    );
  }

  private load(bytes: Uint8Array): void {
    let data: { key?: unknown; verdicts?: unknown };
    try {
      data = JSON.parse(Buffer.from(bytes).toString('utf8')) as typeof data;
    } catch {
      this.note = 'verdicts ignored: not JSON';
      return;
    }
    if (data.key !== this.key || typeof data.verdicts !== 'object' || data.verdicts === null) {
      this.note = `verdicts ignored: another parser or format (${String(data.key)})`;
      return;
    }
    for (const [hash, s] of Object.entries(data.verdicts)) {
      const v = fromStored(s);
      // entries added this session (before the read settled) are newer: keep them
      if (v && !this.verdicts.has(hash)) this.verdicts.set(hash, v);
    }
    this.note = `verdicts read: ${this.verdicts.size}`;
  }

  /** The stored verdict on `text`, if any (once `loaded` settled). */
  get(text: string): Verdict | undefined {
    const hash = hashOf(text);
    const v = this.verdicts.get(hash);
    if (v) {
      this.verdicts.delete(hash); // most recent last
      this.verdicts.set(hash, v);
    }
    return v;
  }

  /** Records the parser's verdict on `text`; the file is written once no new verdict came for a while. */
  put(text: string, v: Verdict): void {
    const hash = hashOf(text);
    this.verdicts.delete(hash); // most recent last
    this.verdicts.set(hash, v);
    for (const old of this.verdicts.keys()) {
      if (this.verdicts.size <= VERDICTS_MAX) break;
      this.verdicts.delete(old);
    }
    this.dirty = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.write(), VERDICTS_IDLE_MS);
    this.timer.unref();
  }

  /** Writes the verdicts now if any are new (after the read, so none on disk is lost). */
  async write(): Promise<void> {
    clearTimeout(this.timer);
    await this.loaded;
    if (!this.dirty || this.disposed) return;
    this.dirty = false;
    const verdicts = Object.fromEntries([...this.verdicts].map(([h, v]) => [h, toStored(v)]));
    this.writing = writeSnapshot(this.file, Buffer.from(JSON.stringify({ key: this.key, verdicts }))).then(
      () => this.onWrite(`verdicts written: ${this.verdicts.size}`),
      (e: Error) => this.onWrite(`verdicts not written: ${e.message}`),
    );
    await this.writing;
  }

  /** Stops the pending write, and any later one (the client is disposed); resolves once a write under way is over. */
  dispose(): Promise<void> {
    this.disposed = true;
    clearTimeout(this.timer);
    return this.writing;
  }
}
