/**
 * A query response parsed while its body arrives (issue #21): the rows of the array at `path`
 * (`['results']` for a query response, `['query_status', 'results', 'results']` for a finished
 * async run's status) are handed out in batches as soon as they are complete, the first batch with
 * everything that came before the rows (PostHog writes `columns` before `results`; `types` after).
 *
 * The result is exactly what one `parseJsonLossless` of the whole text gives (integers beyond 2^53
 * as `bigint`, same strictness): the text outside the rows is parsed once at the end with the rows
 * array left empty, the rows are parsed in batches, and the separators between rows are checked
 * here. Whenever anything does not fit (malformed text, a duplicated key on the path), `end()`
 * falls back to one parse of the whole text, so a bad body throws the same SyntaxError as before;
 * `streamed` then says the rows handed out are not the result's. Pure; no I/O.
 */
import { FLAT_FIRST, FLAT_NEXT, FLAT_WHOLE } from './flatRow';
import { parseJsonLossless } from './json';

export interface RowStreamOptions {
  /** Keys from the top-level object to the rows array. */
  path: readonly string[];
  /** Rows before the first batch is handed out (a result with fewer is not streamed). Default 1,000. */
  firstBatch?: number;
  /** Rows per later batch. Default 5,000. */
  batch?: number;
  /**
   * The first batch: `head` is the top-level object with the members that came before the rows
   * (the objects on the path hold only those), `rows` the first rows.
   */
  onFirst?(head: Record<string, unknown>, rows: unknown[]): void;
  /** Each later batch, in order. */
  onRows?(rows: unknown[]): void;
  /**
   * When set, a later batch whose rows all matched the strict flat-row pattern (FLAT_*: valid
   * JSON, no nested value) is handed out here as the rows' texts instead of parsed to `onRows`
   * (issue #21: the results panel sends them on as they are). Those rows are not in `end()`'s
   * value (its rows array holds the rows handed out parsed); the first batch is always parsed.
   */
  onRowTexts?(texts: string[]): void;
  /**
   * Flat memory (a full export, issue #17): once the first batch is handed out, neither the rows
   * nor the text are kept, and `end()` gives the rows array empty. A body that breaks after that
   * cannot be parsed whole again: `end()` throws the scan's SyntaxError (before it, as without).
   */
  flat?: boolean;
}

const OBJ = 0;
const ARR = 1;
// Where the scan is at the rows array's own level.
const R_FIRST = 0; // after `[`: a row or `]`
const R_NEXT = 1; // after `,`: a row
const R_SCALAR = 2; // in a bare literal row
const R_AFTER = 3; // after a row: `,` or `]`
const R_NESTED = 4; // in an array, object or string row

/** Rows in a row the char scan ended before the fast path is given up (the rows are nested). */
const SLOW_ROWS_MAX = 4;

const isWs = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

/** From `i`, the first `"` or `\` (or the end): where a string's state can change. */
function skipStringText(t: string, i: number): number {
  for (const n = t.length; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c === 34 || c === 92) return i;
  }
  return t.length;
}

/** From `i`, the first quote or bracket (or the end): what changes the state inside a row. */
function skipRowText(t: string, i: number): number {
  for (const n = t.length; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c === 34 || c === 91 || c === 93 || c === 123 || c === 125) return i;
  }
  return t.length;
}

export class RowStream {
  /** The whole text so far, for the fallback (as much as reading the body whole held). */
  private readonly all: string[] = [];
  /** Text not yet consumed: before the rows, all of it; in them, the row being read; after, the rest. */
  private buf = '';
  private pos = 0;
  private failed = false;
  private duplicate = false;
  // the scan
  private readonly stack: number[] = [];
  private expectKey = false;
  private awaitingValue = false;
  private inString = false;
  private escaped = false;
  private keyStart = -1;
  private lastKey: string | undefined;
  private lastKeyAt = -1;
  /** Where the rows' key starts in `prefix`. */
  private rowsKeyAt = -1;
  /** Objects of the path on the stack, the top-level one included. */
  private pathDepth = 0;
  private readonly matchedLevels = new Set<number>();
  // the rows
  private inRows = false;
  /** The text through the rows' `[`, once they have started. */
  private prefix: string | undefined;
  private regionDepth = -1;
  private rs = R_FIRST;
  private elemStart = -1;
  private texts: string[] = [];
  /** Indexes in `texts` of the rows that are not flat rows (nested, or invalid): always parsed. */
  private charTexts: number[] = [];
  /** Rows in a row that the char scan ended (FLAT_* found none): at SLOW_ROWS_MAX, only the char scan runs. */
  private slowRows = 0;
  /** Rows the char scan ended, in all (`charScannedRows`). */
  private charRows = 0;
  private readonly rows: unknown[] = [];
  private started = false;
  /** Flat: what broke the scan, for `end()` once the text is gone. */
  private error: unknown;
  /** Flat, once the text is gone: the last chunk (what an error about the body shows). */
  private tail = '';

  constructor(private readonly opts: RowStreamOptions) {}

  /** How many rows the char scan read (the others matched FLAT_*): for tests of the fast path. */
  get charScannedRows(): number {
    return this.charRows;
  }

  /** Whether rows were handed out, and they are the result's rows (valid after `end()`). */
  streamed = false;

  push(chunk: string): void {
    if (!this.gone()) this.all.push(chunk);
    this.tail = chunk;
    if (this.failed) return;
    try {
      this.buf += chunk;
      this.scan();
      this.flush(false);
    } catch (e) {
      this.failed = true; // `end()` parses the whole text: its error (or value) is the answer
      this.error = e;
      this.buf = '';
    }
  }

  /** Flat and rows handed out: the text and rows before are no longer kept. */
  private gone(): boolean {
    return this.opts.flat === true && this.started;
  }

  /** The whole text pushed (until `end()` has succeeded). */
  text(): string {
    if (this.gone()) return this.tail;
    return this.all.join('');
  }

  /** The whole value; throws the SyntaxError `parseJsonLossless` throws for the whole text. */
  end(): unknown {
    const whole = (error?: unknown): unknown => {
      // (positions would be in text no longer held: the message says what, not where)
      if (this.gone()) throw new SyntaxError(error instanceof Error && !/end of (json )?input/i.test(error.message) ? 'Unexpected token in JSON' : 'Unexpected end of JSON input');
      this.streamed = false;
      return parseJsonLossless(this.all.join(''));
    };
    if (this.failed) return whole(this.error);
    if (this.duplicate) return whole(new SyntaxError(`Duplicate key "${this.opts.path.join('.')}" in JSON`));
    if (this.inRows || this.prefix === undefined) return whole();
    let value: unknown;
    try {
      this.flush(true);
      value = parseJsonLossless(this.prefix + this.buf);
    } catch (e) {
      return whole(e);
    }
    let at = value as Record<string, unknown>;
    for (const key of this.opts.path.slice(0, -1)) at = at[key] as Record<string, unknown>;
    at[this.opts.path[this.opts.path.length - 1]] = this.gone() ? [] : this.rows;
    this.streamed = this.started;
    this.all.length = 0;
    return value;
  }

  /** Parses the complete rows waiting and hands them out: the first batch, then full batches (and the rest at the end). */
  private flush(final: boolean): void {
    if (this.texts.length === 0 || this.duplicate) return;
    const last = final || (this.prefix !== undefined && !this.inRows);
    const first = this.opts.firstBatch ?? 1_000;
    if (!this.started) {
      if (this.texts.length >= first) {
        const head = this.head();
        const rows = this.parseWaiting(first);
        this.started = true;
        if (this.gone()) this.rows.length = this.all.length = 0;
        this.opts.onFirst?.(head, rows);
      } else if (last) this.parseWaiting(this.texts.length);
      if (!this.started) return;
    }
    const batch = this.opts.batch ?? 5_000;
    const onTexts = this.opts.onRowTexts;
    while (this.texts.length >= batch || (last && this.texts.length > 0)) {
      const n = Math.min(batch, this.texts.length);
      if (onTexts && !(this.charTexts.length > 0 && this.charTexts[0] < n)) onTexts(this.takeWaiting(n));
      else {
        const rows = this.parseWaiting(n); // (not inside `onRows?.()`: it must run)
        this.opts.onRows?.(rows);
      }
    }
  }

  /** Parses the first `n` rows waiting (one parse for all of them). */
  private parseWaiting(n: number): unknown[] {
    const rows = parseJsonLossless(`[${this.texts.slice(0, n).join(',')}]`) as unknown[];
    this.takeWaiting(n);
    if (!this.gone()) for (const r of rows) this.rows.push(r);
    return rows;
  }

  /** The texts of the first `n` rows waiting, which no longer wait. */
  private takeWaiting(n: number): string[] {
    const all = n === this.texts.length;
    const taken = all ? this.texts : this.texts.slice(0, n);
    this.texts = all ? [] : this.texts.slice(n);
    if (this.charTexts.length > 0) this.charTexts = this.charTexts.filter((i) => i >= n).map((i) => i - n);
    return taken;
  }

  /** The top-level object with the members before the rows: the prefix closed before the rows' key. */
  private head(): Record<string, unknown> {
    let text = (this.prefix ?? '').slice(0, this.rowsKeyAt).trimEnd();
    if (text.endsWith(',')) text = text.slice(0, -1);
    return parseJsonLossless(text + '}'.repeat(this.opts.path.length)) as Record<string, unknown>;
  }

  private scan(): void {
    let t = this.buf;
    let i = this.pos;
    while (i < t.length) {
      if (this.inRows && this.rs !== R_SCALAR && this.rs !== R_NESTED && this.slowRows < SLOW_ROWS_MAX && this.stack.length === this.regionDepth) {
        i = this.flatRows(t, i);
        if (i >= t.length) break;
      }
      // fast over what cannot change the state: a string's plain text, a row's numbers and commas
      if (this.inString) {
        if (!this.escaped) i = skipStringText(t, i);
      } else if (this.inRows && this.stack.length > this.regionDepth) i = skipRowText(t, i);
      if (i >= t.length) break;
      const c = t.charCodeAt(i);
      if (this.inString) this.stringChar(t, i, c);
      else if (this.inRows) {
        if (this.stack.length === this.regionDepth) {
          this.rowsChar(t, i, c);
          if (!this.inRows) {
            // the rows' `]`: what follows is the rest of the envelope
            this.stack.pop();
            t = this.buf = t.slice(i);
            i = 0;
          }
        } else this.nestedChar(i, c);
      } else if (this.envelopeChar(i, c)) {
        // the rows' `[`: the prefix ends with it
        this.prefix = t.slice(0, i + 1);
        this.rowsKeyAt = this.lastKeyAt;
        t = this.buf = t.slice(i + 1);
        i = -1;
        this.inRows = true;
        this.regionDepth = this.stack.length;
      }
      i++;
    }
    this.pos = i;
    if (this.inRows) {
      // keep only the text of the row being read
      const keep = this.elemStart >= 0 ? this.elemStart : i;
      this.buf = t.slice(keep);
      this.pos -= keep;
      if (this.elemStart >= 0) this.elemStart = 0;
    }
  }

  /** From `i` at the rows array's own level, the flat rows that follow (FLAT_*); where they end. */
  private flatRows(t: string, i: number): number {
    for (;;) {
      const re = this.rs === R_AFTER ? FLAT_NEXT : FLAT_FIRST;
      re.lastIndex = i;
      const m = re.exec(t);
      if (!m) return i;
      this.texts.push(m[1]);
      this.rs = R_AFTER;
      this.slowRows = 0;
      i = re.lastIndex;
    }
  }

  private stringChar(t: string, i: number, c: number): void {
    if (this.escaped) this.escaped = false;
    else if (c === 92) this.escaped = true;
    else if (c === 34) {
      this.inString = false;
      if (this.keyStart >= 0) this.keyRead(JSON.parse(t.slice(this.keyStart, i + 1)) as string);
      else if (this.inRows && this.stack.length === this.regionDepth) this.endRow(i + 1);
    }
  }

  private keyRead(key: string): void {
    this.lastKey = key;
    this.lastKeyAt = this.keyStart;
    this.keyStart = -1;
    const d = this.pathDepth;
    if (d > 0 && this.stack.length === d && key === this.opts.path[d - 1]) {
      if (this.matchedLevels.has(d)) this.duplicate = true; // JSON.parse keeps the last one
      this.matchedLevels.add(d);
    }
  }

  private endRow(end: number): void {
    this.slowRows++;
    this.charRows++;
    const text = this.buf.slice(this.elemStart, end);
    if (this.opts.onRowTexts && !FLAT_WHOLE.test(text)) this.charTexts.push(this.texts.length);
    this.texts.push(text);
    this.elemStart = -1;
    this.rs = R_AFTER;
  }

  /** One char at the rows array's own level: rows and the separators between them. */
  private rowsChar(t: string, i: number, c: number): void {
    if (this.rs === R_SCALAR) {
      if (!(isWs(c) || c === 44 || c === 93)) return;
      this.endRow(i);
    }
    if (isWs(c)) return;
    const rowMayStart = this.rs === R_FIRST || this.rs === R_NEXT;
    if (c === 44 && this.rs === R_AFTER) this.rs = R_NEXT;
    else if (c === 93 && (this.rs === R_AFTER || this.rs === R_FIRST)) this.inRows = false;
    else if (!rowMayStart || c === 44 || c === 93 || c === 125 || c === 58) throw new SyntaxError(`Unexpected ${t[i]} in JSON`);
    else {
      this.elemStart = i;
      this.rs = R_NESTED;
      if (c === 91 || c === 123) this.stack.push(c === 91 ? ARR : OBJ);
      else if (c === 34) this.inString = true;
      else this.rs = R_SCALAR;
    }
  }

  /** One char inside a row: only strings and brackets matter (the row is parsed whole). */
  private nestedChar(i: number, c: number): void {
    if (c === 34) this.inString = true;
    else if (c === 91 || c === 123) this.stack.push(c === 91 ? ARR : OBJ);
    else if (c === 93 || c === 125) {
      this.stack.pop();
      if (this.stack.length === this.regionDepth) this.endRow(i + 1);
    }
  }

  /** One char of the envelope; true when it is the `[` of the rows. */
  private envelopeChar(i: number, c: number): boolean {
    if (c === 34) {
      this.inString = true;
      if (this.stack[this.stack.length - 1] === OBJ && this.expectKey) this.keyStart = i;
      return false;
    }
    if (c === 91 || c === 123) {
      const rows = this.opens(c);
      this.stack.push(c === 91 ? ARR : OBJ);
      this.expectKey = c === 123;
      this.awaitingValue = false;
      return rows;
    }
    if (c === 93 || c === 125) {
      this.stack.pop();
      if (this.stack.length < this.pathDepth) this.pathDepth = this.stack.length;
      this.expectKey = false;
    } else if (c === 58) {
      this.awaitingValue = true;
      this.expectKey = false;
    } else if (c === 44) {
      this.expectKey = this.stack[this.stack.length - 1] === OBJ;
      this.awaitingValue = false;
    } else if (!isWs(c)) this.awaitingValue = false;
    return false;
  }

  /** A `[` or `{` of the envelope: the top-level object, the next object on the path, or the rows. */
  private opens(c: number): boolean {
    const depth = this.stack.length;
    const path = this.opts.path;
    if (depth === 0) {
      if (c === 123) this.pathDepth = 1;
      return false;
    }
    if (!this.awaitingValue || this.duplicate || depth !== this.pathDepth || this.lastKey !== path[depth - 1]) return false;
    if (depth < path.length) {
      if (c === 123) this.pathDepth = depth + 1;
      return false;
    }
    return c === 91 && this.prefix === undefined;
  }
}
