/**
 * Result conversion and serialisation. ClickHouse JSONCompact arrives with 64-bit integers quoted
 * (engine setting output_format_json_quote_64bit_integers=1); they become RawNumber cells so the
 * JSON keeps every digit, as PostHog's Python JSON does. DateTime cells become ISO 8601 like
 * Django REST framework's encoder (`isoformat()`, `+00:00` → `Z`, microseconds only when non-zero);
 * the printer already converted table datetimes to the project timezone (toTimeZone), so the
 * offset is the column's zone. Dates stay `YYYY-MM-DD`.
 */
import { RawJson, RawNumber } from './types';

const WIDE_INT = /^U?Int(64|128|256)$/;

export interface TypeNode {
  name: string;
  args: TypeNode[];
  raw: string;
}

function parseType(text: string): TypeNode {
  let i = 0;
  const parseOne = (): TypeNode => {
    const start = i;
    while (i < text.length && !'(),'.includes(text[i])) i++;
    const name = text.slice(start, i).trim();
    const args: TypeNode[] = [];
    if (text[i] === '(') {
      i++;
      while (i < text.length && text[i] !== ')') {
        if (text[i] === "'") {
          const s = i++;
          while (i < text.length && text[i] !== "'") i += text[i] === '\\' ? 2 : 1;
          i++;
          args.push({ name: text.slice(s, i), args: [], raw: text.slice(s, i) });
        } else args.push(parseOne());
        while (text[i] === ',' || text[i] === ' ') i++;
      }
      i++;
    }
    return { name: name.split(' ').pop() ?? name, args, raw: text.slice(start, i) };
  };
  return parseOne();
}

function timezoneOf(type: TypeNode): string | null {
  const tz = type.args.find((a) => a.name.startsWith("'"));
  return tz ? tz.name.slice(1, -1) : null;
}

const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Etc/Zulu', 'Universal', 'Zulu']);
const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

function computeOffset(utcMs: number, zone: string): string {
  const parts = formatterFor(zone).formatToParts(new Date(utcMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const minutes = Math.round((local - Math.floor(utcMs / 1000) * 1000) / 60000);
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const QUARTER_HOUR_MS = 15 * 60 * 1000;
const offsets = new Map<string, string>();

/** Offsets only change on quarter-hour boundaries, so one look-up per zone and quarter hour. */
function offsetFor(utcMs: number, zone: string): string {
  if (UTC_ZONES.has(zone)) return 'Z';
  const key = `${zone}|${Math.floor(utcMs / QUARTER_HOUR_MS)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 200_000) offsets.clear();
    offset = computeOffset(utcMs, zone);
    offsets.set(key, offset);
  }
  return offset;
}

/** Is `zone` UTC under another name (its offset is always `Z`)? */
export function isUtcZone(zone: string): boolean {
  return UTC_ZONES.has(zone);
}

/** ClickHouse prints wall time in the column's zone: "2024-01-02 03:04:05.123456". */
export function formatDateTime(value: string, zone: string | null): string {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d+))?$/.exec(value);
  if (!m) return value;
  const frac = m[3] && /[1-9]/.test(m[3]) ? `.${m[3].padEnd(6, '0').slice(0, 6)}` : '';
  const wall = `${m[1]}T${m[2]}${frac}`;
  if (zone === null) return wall;
  if (UTC_ZONES.has(zone)) return `${wall}Z`;
  const [y, mo, d] = m[1].split('-').map(Number);
  const [h, mi, s] = m[2].split(':').map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  // Find the instant whose wall time in `zone` is this wall time (two passes settle DST).
  let utc = asUtc;
  for (let k = 0; k < 2; k++) {
    const off = offsetFor(utc, zone);
    const mins = off === 'Z' ? 0 : (off[0] === '-' ? -1 : 1) * (Number(off.slice(1, 3)) * 60 + Number(off.slice(4, 6)));
    utc = asUtc - mins * 60000;
  }
  return wall + offsetFor(utc, zone);
}

function convert(value: unknown, type: TypeNode): unknown {
  if (value === null || value === undefined) return null;
  switch (type.name) {
    case 'Nullable':
    case 'LowCardinality':
      return convert(value, type.args[0]);
    case 'Array':
      return Array.isArray(value) ? value.map((v) => convert(v, type.args[0])) : value;
    case 'Tuple':
      return Array.isArray(value) ? value.map((v, i) => convert(v, type.args[i] ?? type.args[type.args.length - 1])) : value;
    case 'Map':
      if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, convert(v, type.args[1])]));
      }
      return value;
    case 'DateTime':
    case 'DateTime64':
      return typeof value === 'string' ? formatDateTime(value, timezoneOf(type)) : value;
    default:
      if (WIDE_INT.test(type.name) && (typeof value === 'string' || typeof value === 'number')) {
        const digits = String(value);
        return /^-?\d+$/.test(digits) ? new RawNumber(digits) : value;
      }
      return value;
  }
}

export interface EngineJson {
  meta: { name: string; type: string }[];
  data: unknown[][];
}

/** Column types parsed once per result. */
export type ParsedTypes = TypeNode[];

export function parseTypes(types: string[]): ParsedTypes {
  return types.map(parseType);
}

/**
 * The zone of a DateTime/DateTime64 column (under Nullable/LowCardinality): its name, null when
 * the type names none; undefined for any other type.
 */
export function dateTimeZone(type: TypeNode): string | null | undefined {
  if (type.name === 'Nullable' || type.name === 'LowCardinality') return dateTimeZone(type.args[0]);
  return type.name === 'DateTime' || type.name === 'DateTime64' ? timezoneOf(type) : undefined;
}

/** One engine cell with PostHog's conversion for its column type. */
export function convertCell(value: unknown, type: TypeNode): unknown {
  return convert(value, type);
}

/** One engine row with PostHog's cell conversions (see the file comment). */
export function convertRow(row: unknown[], parsed: ParsedTypes): unknown[] {
  const out = new Array<unknown>(row.length);
  for (let i = 0; i < row.length; i++) out[i] = convert(row[i], parsed[i]);
  return out;
}

export function convertRows(json: EngineJson): { rows: unknown[][]; types: [string, string][] } {
  const parsed = parseTypes(json.meta.map((m) => m.type));
  const rows = json.data.map((row) => convertRow(row, parsed));
  return { rows, types: json.meta.map((m) => [m.name, m.type]) };
}

/** JSON text of one value, with JSON.stringify's rules for plain data plus RawNumber and bigint. */
function writeJson(value: unknown, inArray: boolean): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'undefined':
    case 'function':
    case 'symbol':
      return inArray ? 'null' : undefined;
  }
  if (value === null) return 'null';
  if (value instanceof RawNumber) return value.digits;
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) {
    const parts = new Array<string>(value.length);
    for (let i = 0; i < value.length; i++) parts[i] = writeJson(value[i], true) as string;
    return `[${parts.join(',')}]`;
  }
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === 'function') return writeJson(withToJson.toJSON(), inArray);
  const parts: string[] = [];
  for (const key of Object.keys(value as object)) {
    const text = writeJson((value as Record<string, unknown>)[key], false);
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}

/**
 * JSON text of a response body. RawNumber cells are written as bare number tokens with their
 * exact digits; NaN and infinities become null (PostHog's SafeJSONRenderer does the same).
 * One pass over the body (a JSON.stringify replacer plus a placeholder pass took seconds on
 * 50,000 rows).
 */
export function serializeResponse(body: unknown): string {
  return writeJson(body, false) ?? 'null';
}

/** JSON text of one value (a row), with `serializeResponse`'s rules. */
export function writeJsonValue(value: unknown): string {
  return writeJson(value, true) ?? 'null';
}
