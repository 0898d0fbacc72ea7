/**
 * Cell text for display and copy. Pure; no vscode, no DOM. Copies, exports and the cell viewer
 * never round: a JS number there is JavaScript's shortest round-trip text, an exact-integer string
 * prints as itself. Only a float shown in the grid is cut to what its type holds (`floatText`).
 * Date-times carrying an offset are shown in the project timezone (`YYYY-MM-DD HH:mm:ss[.ffffff]`),
 * keeping the sub-second digits of the raw text.
 */
import type { Cell } from './protocol';
import { isNestedKind, type ColumnType } from './types';

/** Longest text put into a grid cell; the viewer shows the rest. */
export const MAX_CELL_CHARS = 500;

/** The raw text of a non-null cell: strings as-is, numbers exactly, nested values as compact JSON. */
export function rawText(value: Cell): string {
  if (typeof value === 'string') return value;
  if (value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const ISO_DATETIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d{1,9}))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Parses an ISO-like date-time; `zoned` says whether the text fixed its own offset. */
export function parseDateTime(raw: string): { epochMs: number; fraction: string; zoned: boolean } | undefined {
  const m = ISO_DATETIME.exec(raw.trim());
  if (!m) return undefined;
  const [, day, time, fraction = '', zone] = m;
  const ms = (fraction + '000').slice(0, 3);
  let offset = zone ?? 'Z';
  if (/^[+-]\d{2}$/.test(offset)) offset += ':00';
  else if (/^[+-]\d{4}$/.test(offset)) offset = `${offset.slice(0, 3)}:${offset.slice(3)}`;
  const hms = time.length === 5 ? `${time}:00` : time;
  const epochMs = Date.parse(`${day}T${hms}.${ms}${offset}`);
  return Number.isNaN(epochMs) ? undefined : { epochMs, fraction, zoned: zone !== undefined };
}

/**
 * Formats instants in one IANA timezone. `Intl.DateTimeFormat#formatToParts` costs microseconds, so
 * the zone's UTC offset is looked up once per 15-minute bucket (every real offset change falls on
 * one) and the wall time is computed arithmetically.
 */
export class ZonedFormatter {
  private readonly offsets = new Map<number, number>();
  private readonly intl: Intl.DateTimeFormat;
  readonly timeZone: string;

  constructor(timeZone = 'UTC') {
    let intl: Intl.DateTimeFormat;
    try {
      intl = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    } catch {
      intl = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    }
    this.intl = intl;
    this.timeZone = intl.resolvedOptions().timeZone;
  }

  /** Offset of the zone from UTC at `epochMs`, in milliseconds. */
  offsetMs(epochMs: number): number {
    const bucket = Math.floor(epochMs / 900_000);
    let off = this.offsets.get(bucket);
    if (off === undefined) {
      const at = bucket * 900_000;
      const p: Record<string, number> = {};
      for (const part of this.intl.formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
      const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second);
      off = wall - at;
      this.offsets.set(bucket, off);
    }
    return off;
  }

  /** `YYYY-MM-DD HH:mm:ss` of the instant in this zone. */
  format(epochMs: number): string {
    const iso = new Date(epochMs + this.offsetMs(epochMs)).toISOString();
    return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
}

/** A date-time cell as shown: in the zone when the raw text had an offset, else as given. */
export function formatDateTime(raw: string, zone: ZonedFormatter): string {
  const d = parseDateTime(raw);
  if (!d) return raw;
  if (!d.zoned) return raw.replace('T', ' ');
  const base = zone.format(d.epochMs);
  return d.fraction ? `${base}.${d.fraction}` : base;
}

/**
 * Significant decimal digits every double holds exactly (DBL_DIG): any decimal of up to 15 digits
 * survives decimal → Float64 → decimal. The 16th–17th digits of a computed Float64 are the binary
 * rounding of the arithmetic (`0.1 + 0.2` → 0.30000000000000004, a `sum()` → 3843.539999999999).
 */
const FLOAT64_DIGITS = 15;

/** The shortest decimal that reads back as the same Float32 (`Math.fround`), as ClickHouse prints a Float32. */
export function shortestFloat32(n: number): string {
  const f = Math.fround(n);
  if (!Number.isFinite(f)) return String(f);
  for (let digits = 1; digits <= 9; digits++) {
    const short = Number(f.toPrecision(digits));
    if (Math.fround(short) === f) return String(short);
  }
  return String(f);
}

/**
 * A float cell as the grid shows it: a Float32 (or BFloat16) as the shortest text that reads back
 * as the same Float32 (a Float32 sent widened to a double, 3843.5400390625, shows as 3843.54); a
 * Float64 with at most 15 significant digits (3843.539999999999 → 3843.54). The cell viewer,
 * the tooltip, copies and exports keep the full value (`rawText`).
 */
export function floatText(n: number, type: ColumnType): string {
  if (!Number.isFinite(n)) return String(n);
  if (type.bits !== undefined && type.bits <= 32) return shortestFloat32(n);
  return String(Number(n.toPrecision(FLOAT64_DIGITS)));
}

/** Full display text of a non-null cell (untruncated). */
export function displayText(value: Cell, type: ColumnType, zone: ZonedFormatter): string {
  if (type.kind === 'datetime' && typeof value === 'string') return formatDateTime(value, zone);
  if (type.kind === 'float' && typeof value === 'number') return floatText(value, type);
  return rawText(value);
}

/** Cuts text to what a grid cell shows; the full text lives in the viewer. */
export function truncate(text: string, max = MAX_CELL_CHARS): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A string that holds a JSON object or array (so the viewer can pretty-print it). */
export function parseJsonText(text: string): Cell | undefined {
  const t = text.trimStart();
  if (!(t.startsWith('{') || t.startsWith('['))) return undefined;
  try {
    const v: unknown = JSON.parse(t);
    return typeof v === 'object' && v !== null ? (v as Cell) : undefined;
  } catch {
    return undefined;
  }
}

/** What the cell viewer shows for a value: pretty JSON for structures, the full text otherwise. */
export function viewerText(value: Cell, type: ColumnType): { text: string; json: boolean } {
  if (value === null) return { text: 'NULL', json: false };
  if (typeof value === 'object') return { text: JSON.stringify(value, null, 2), json: true };
  if (typeof value === 'string' && (isNestedKind(type.kind) || type.kind === 'string' || type.kind === 'unknown')) {
    const parsed = parseJsonText(value);
    if (parsed !== undefined) return { text: JSON.stringify(parsed, null, 2), json: true };
  }
  return { text: rawText(value), json: false };
}

/** Whether a cell has more to show than its grid text (structure, JSON text, long or multi-line). */
export function isExpandable(value: Cell, type: ColumnType): boolean {
  if (value === null) return false;
  if (typeof value === 'object') return true;
  if (typeof value !== 'string') return false;
  if (value.length > MAX_CELL_CHARS || /[\r\n]/.test(value)) return true;
  return (isNestedKind(type.kind) || type.kind === 'string' || type.kind === 'unknown') && parseJsonText(value) !== undefined;
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** `1536` → `1.5 KB` (decimal units, as PostHog shows bytes read). */
export function formatBytes(bytes: number): string {
  let v = bytes;
  let u = 0;
  while (v >= 1000 && u < UNITS.length - 1) {
    v /= 1000;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(v < 10 ? 1 : 0)} ${UNITS[u]}`;
}

/** `1234567` → `1,234,567`. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** `842` → `842 ms`, `12345` → `12.3 s`. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
