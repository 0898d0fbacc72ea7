/**
 * Classifies ClickHouse type strings (as HogQL returns them in `types`) into the few kinds the
 * results grid cares about: how to align, format, sort and chart a column. Pure; no vscode, no DOM.
 */

export type ColumnKind =
  | 'int'
  | 'float'
  | 'decimal'
  | 'bool'
  | 'string'
  | 'uuid'
  | 'date'
  | 'datetime'
  | 'array'
  | 'map'
  | 'tuple'
  | 'json'
  | 'nothing'
  | 'unknown';

export interface ColumnType {
  kind: ColumnKind;
  /** `Nullable(…)` anywhere on the outside (also through `LowCardinality(Nullable(…))`). */
  nullable: boolean;
  lowCardinality: boolean;
  /** Int/UInt bit width (8…256); Float width (16 for BFloat16, 32, 64). */
  bits?: number;
  unsigned?: boolean;
  /** Decimal precision and scale. */
  precision?: number;
  scale?: number;
  /** DateTime64 sub-second digits. */
  fractionDigits?: number;
  /** Timezone argument of `DateTime('tz')` / `DateTime64(p, 'tz')`. */
  timezone?: string;
  /** Element type of `Array(…)`. */
  element?: ColumnType;
  /** The type string without Nullable/LowCardinality wrappers. */
  base: string;
}

/** Splits the arguments of `Name(a, b(c, d), 'x,y')` at top-level commas. */
export function splitArgs(inner: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = false;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === "'") quote = false;
    } else if (ch === "'") quote = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(inner.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = inner.slice(start).trim();
  if (last || out.length) out.push(last);
  return out;
}

/** `Name(args)` → ['Name', 'args']; a bare name → ['Name', undefined]. */
function head(type: string): [string, string | undefined] {
  const open = type.indexOf('(');
  if (open < 0 || !type.endsWith(')')) return [type, undefined];
  return [type.slice(0, open).trim(), type.slice(open + 1, -1)];
}

const unquote = (s: string | undefined): string | undefined => {
  if (s === undefined) return undefined;
  const m = /^'((?:[^'\\]|\\.)*)'$/.exec(s.trim());
  return m ? m[1].replace(/\\(.)/g, '$1') : undefined;
};

function classifyBase(name: string, args: string | undefined, base: string): ColumnType {
  const t: ColumnType = { kind: 'unknown', nullable: false, lowCardinality: false, base };
  const int = /^(U?)Int(8|16|32|64|128|256)$/.exec(name);
  if (int) return { ...t, kind: 'int', unsigned: int[1] === 'U', bits: Number(int[2]) };
  const float = /^B?Float(16|32|64)$/.exec(name);
  if (float) return { ...t, kind: 'float', bits: Number(float[1]) };
  const dec = /^Decimal(32|64|128|256)?$/.exec(name);
  if (dec) {
    const parts = args ? splitArgs(args).map(Number) : [];
    const [precision, scale] = dec[1] ? [{ 32: 9, 64: 18, 128: 38, 256: 76 }[dec[1]]!, parts[0]] : parts;
    return { ...t, kind: 'decimal', precision: precision ?? 10, scale: scale ?? 0 };
  }
  switch (name) {
    case 'Bool':
    case 'Boolean':
      return { ...t, kind: 'bool' };
    case 'String':
    case 'FixedString':
    case 'Enum8':
    case 'Enum16':
    case 'Enum':
    case 'IPv4':
    case 'IPv6':
      return { ...t, kind: 'string' };
    case 'UUID':
      return { ...t, kind: 'uuid' };
    case 'Date':
    case 'Date32':
      return { ...t, kind: 'date' };
    case 'DateTime':
    case 'DateTime32': {
      const tz = unquote(args);
      return tz ? { ...t, kind: 'datetime', fractionDigits: 0, timezone: tz } : { ...t, kind: 'datetime', fractionDigits: 0 };
    }
    case 'DateTime64': {
      const [p, tzArg] = args ? splitArgs(args) : [];
      const tz = unquote(tzArg);
      const r: ColumnType = { ...t, kind: 'datetime', fractionDigits: Number(p ?? 3) };
      return tz ? { ...r, timezone: tz } : r;
    }
    case 'Array':
      return { ...t, kind: 'array', element: classifyType(args ?? '') };
    case 'Map':
      return { ...t, kind: 'map' };
    case 'Tuple':
      return { ...t, kind: 'tuple' };
    case 'JSON':
    case 'Object':
    case 'Dynamic':
    case 'Variant':
      return { ...t, kind: 'json' };
    case 'Nothing':
      return { ...t, kind: 'nothing' };
    default:
      return t;
  }
}

/** Classifies a ClickHouse type string. Unknown or malformed types give kind `unknown`. */
export function classifyType(type: string): ColumnType {
  let s = type.trim();
  let nullable = false;
  let lowCardinality = false;
  for (;;) {
    const [name, args] = head(s);
    if (name === 'Nullable' && args !== undefined) {
      nullable = true;
      s = args.trim();
    } else if (name === 'LowCardinality' && args !== undefined) {
      lowCardinality = true;
      s = args.trim();
    } else break;
  }
  const [name, args] = head(s);
  return { ...classifyBase(name, args, s), nullable, lowCardinality };
}

/** Kinds whose values are numbers (right-aligned, numeric sort, chartable). */
export function isNumericKind(kind: ColumnKind): boolean {
  return kind === 'int' || kind === 'float' || kind === 'decimal';
}

/** Kinds whose values are nested structures (shown as JSON, expandable in the viewer). */
export function isNestedKind(kind: ColumnKind): boolean {
  return kind === 'array' || kind === 'map' || kind === 'tuple' || kind === 'json';
}
