/**
 * Typed access to the HogQL vocabulary (keywords, functions, tables).
 *
 * Data: `vocabulary.json` next to this file, copied from the team's shared
 * vocabulary (2026-11); its `source` block names the PostHog files it was read from.
 * Pure: no `vscode`, no file system access at run time (the JSON is bundled).
 */
import raw from './vocabulary.json';

export type FunctionKind = 'clickhouse' | 'aggregate' | 'posthog' | 'udf';

export interface FunctionInfo {
  readonly name: string;
  readonly kind: FunctionKind;
  /** Minimum number of arguments; undefined when `arityUnknown`. */
  readonly min?: number;
  /** Maximum number of arguments; `null` = variadic; undefined when `arityUnknown`. */
  readonly max?: number | null;
  readonly arityUnknown?: boolean;
  readonly caseInsensitive?: boolean;
  readonly minParams?: number;
  readonly maxParams?: number;
  readonly combinatorOf?: string;
  readonly window?: boolean;
  readonly deprecated?: boolean;
  readonly tzAware?: boolean;
  readonly clickhouse?: string;
  readonly requiresWithinGroup?: boolean;
  readonly parametricFirstArg?: boolean;
  readonly doc?: string;
}

export type FieldType =
  | 'string' | 'integer' | 'float' | 'decimal' | 'boolean' | 'date' | 'datetime' | 'uuid'
  | 'json' | 'string_array' | 'float_array' | 'expression' | 'lazy_join' | 'virtual_table'
  | 'field_traverser' | 'unknown';

export interface FieldInfo {
  readonly name: string;
  readonly type: FieldType;
  /** Target table of a lazy join or traverser. */
  readonly to?: string;
  /** Traverser path, e.g. `['pdi', 'person']`. */
  readonly chain?: readonly string[];
  /** Sub-field names of a virtual table. */
  readonly fields?: readonly string[];
  readonly hidden?: boolean;
  readonly doc?: string;
}

export interface TableInfo {
  readonly name: string;
  readonly fields: readonly FieldInfo[];
  readonly doc?: string;
}

interface RawVocabulary {
  source: { repo: string; files: string[]; note: string; copiedFrom: string };
  keywords: string[];
  literals: string[];
  functions: FunctionInfo[];
  tables: TableInfo[];
  constants: Record<string, unknown>;
}

/** What a dotted path inside a table refers to (see {@link Vocabulary.resolvePath}). */
export type PathTarget =
  | { kind: 'field'; table: TableInfo; field: FieldInfo }
  /** Inside a JSON column: `rest` are the property keys after the column. */
  | { kind: 'property'; table: TableInfo; field: FieldInfo; rest: string[] }
  /** A lazy join / traverser / virtual table reached with nothing after it. */
  | { kind: 'table'; table: TableInfo; via: FieldInfo; owner: TableInfo }
  | { kind: 'unknownField'; table: TableInfo; name: string; index: number }
  /** The path goes through something we cannot follow (expression, unknown type). */
  | { kind: 'opaque'; table: TableInfo; field: FieldInfo };

export class Vocabulary {
  readonly keywords: readonly string[];
  readonly functions: readonly FunctionInfo[];
  readonly tables: readonly TableInfo[];
  readonly source: RawVocabulary['source'];
  private readonly keywordSet: Set<string>;
  private readonly fnExact = new Map<string, FunctionInfo>();
  private readonly fnLower = new Map<string, FunctionInfo>();
  private readonly fnAnyCase = new Map<string, FunctionInfo>();
  private readonly tableMap = new Map<string, TableInfo>();
  private readonly fieldMaps = new Map<string, Map<string, FieldInfo>>();

  constructor(data: RawVocabulary) {
    this.source = data.source;
    this.keywords = data.keywords;
    this.functions = data.functions;
    this.tables = data.tables;
    this.keywordSet = new Set(data.keywords);
    for (const f of data.functions) {
      this.fnExact.set(f.name, f);
      if (f.caseInsensitive) this.fnLower.set(f.name.toLowerCase(), f);
      if (!this.fnAnyCase.has(f.name.toLowerCase())) this.fnAnyCase.set(f.name.toLowerCase(), f);
    }
    for (const t of data.tables) {
      this.tableMap.set(t.name, t);
      this.fieldMaps.set(t.name, new Map(t.fields.map((f) => [f.name, f])));
    }
  }

  /** Case-insensitive keyword test (`select` → true). */
  isKeyword(word: string): boolean {
    return this.keywordSet.has(word.toUpperCase());
  }

  /**
   * Function by the name written in the query. Exact (case-sensitive) match first,
   * then a lowercase match against `caseInsensitive` entries (`COUNT` → count).
   * Combinator names (`countIf`, `sumArrayOrNull`) are entries of their own.
   */
  findFunction(name: string): FunctionInfo | undefined {
    return this.fnExact.get(name) ?? this.fnLower.get(name.toLowerCase());
  }

  /** Like findFunction but ignoring case entirely; for "did you mean" hints. */
  findFunctionAnyCase(name: string): FunctionInfo | undefined {
    return this.fnAnyCase.get(name.toLowerCase());
  }

  /** The base aggregate of a combinator (`sumIf` → sum); undefined otherwise. */
  baseOf(name: string): FunctionInfo | undefined {
    const f = this.findFunction(name);
    return f?.combinatorOf ? this.findFunction(f.combinatorOf) : undefined;
  }

  findTable(name: string): TableInfo | undefined {
    return this.tableMap.get(name);
  }

  findField(table: string, field: string): FieldInfo | undefined {
    return this.fieldMaps.get(table)?.get(field);
  }

  /** Fields of a table; hidden ones (team_id…) only on request. */
  fieldsOf(table: string, opts: { includeHidden?: boolean } = {}): FieldInfo[] {
    const t = this.tableMap.get(table);
    if (!t) return [];
    return opts.includeHidden ? [...t.fields] : t.fields.filter((f) => !f.hidden);
  }

  /** The table a lazy join / traverser leads to, if known. */
  targetOf(field: FieldInfo): TableInfo | undefined {
    return field.to ? this.tableMap.get(field.to) : undefined;
  }

  /**
   * Follows `path` (e.g. `['person', 'properties', 'email']`) from `table`:
   * lazy joins and traversers switch tables, JSON columns turn the rest into
   * property keys, virtual tables accept their listed sub-fields.
   */
  resolvePath(table: TableInfo, path: readonly string[]): PathTarget {
    let current = table;
    for (let i = 0; i < path.length; i++) {
      const field = this.findField(current.name, path[i]);
      if (!field) return { kind: 'unknownField', table: current, name: path[i], index: i };
      const last = i === path.length - 1;
      if (field.type === 'json') {
        return last ? { kind: 'field', table: current, field } : { kind: 'property', table: current, field, rest: path.slice(i + 1) };
      }
      if (field.type === 'virtual_table') {
        if (last) return { kind: 'table', table: current, via: field, owner: current };
        const sub = path[i + 1];
        if (!field.fields?.includes(sub)) return { kind: 'unknownField', table: current, name: sub, index: i + 1 };
        return { kind: 'opaque', table: current, field };
      }
      const target = this.targetOf(field);
      if (target && (field.type === 'lazy_join' || field.type === 'field_traverser')) {
        if (last) return { kind: 'table', table: target, via: field, owner: current };
        current = target;
        continue;
      }
      if (last) return { kind: 'field', table: current, field };
      return { kind: 'opaque', table: current, field };
    }
    return { kind: 'opaque', table: current, field: { name: '', type: 'unknown' } };
  }
}

let instance: Vocabulary | undefined;

/** The shared, lazily built vocabulary. */
export function getVocabulary(): Vocabulary {
  instance ??= new Vocabulary(raw as unknown as RawVocabulary);
  return instance;
}
