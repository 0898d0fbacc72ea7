/**
 * Translation state: the team, timezone, collected values (`%(hogql_val_N)s`, as PostHog's
 * HogQLContext.add_value) and the scope chain of SELECT queries being printed.
 */
import type { Node } from '../ast';
import type { TableDef, ValueKind } from '../schema';
import type { CohortRef, PropertyTypes } from '../types';

export interface Printed {
  sql: string;
  kind: ValueKind;
  nullable: boolean;
  /** Set for Constant nodes (used by the comparison shortcuts PostHog takes on constants). */
  constant?: { value: unknown };
  /** Column name PostHog gives a bare field/property in SELECT (hidden alias). */
  name?: string;
  /** Set when the expression is an aggregate call or contains one. */
  aggregate?: boolean;
  /** Set for JSON text columns and properties inside them: further access extends the path. */
  json?: { column: string; path: (string | number)[]; owner?: PropertyOwner };
}

/** Whose property definitions type a JSON column's properties (PostHog's PropertyFinder). */
export type PropertyOwner = 'event' | 'person';

export interface ColumnInfo {
  kind: ValueKind;
  nullable: boolean;
  /** The column holds JSON object text (e.g. a selected `properties`), so `.x` reads a property. */
  json?: boolean;
}

export interface TableSource {
  /** Name the query uses for it (alias or table name). */
  alias: string;
  def?: TableDef;
  columns?: Map<string, ColumnInfo>;
  /** Lazy joins (events.session, pdi.person) this source needs, keyed by field name. */
  lazyJoins: Map<string, { alias: string; source: TableSource; sql: string }>;
}

export class Scope {
  readonly tables = new Map<string, TableSource>();
  readonly anonymous: TableSource[] = [];
  readonly aliases = new Map<string, ColumnInfo>();
  readonly ctes = new Map<string, Node>();
  readonly lambdaArgs: string[][] = [];
  readonly windows = new Map<string, Node>();
  /** Names of aggregate calls being printed (to refuse nesting). */
  readonly aggregateStack: string[] = [];
  inJoinConstraint = false;

  constructor(readonly parent: Scope | null) {}

  findCte(name: string): Node | undefined {
    for (let scope: Scope | null = this; scope; scope = scope.parent) {
      const cte = scope.ctes.get(name);
      if (cte) return cte;
    }
    return undefined;
  }

  isLambdaArg(name: string): boolean {
    return this.lambdaArgs.some((args) => args.includes(name));
  }
}

export class TranslateContext {
  readonly values: string[] = [];
  /** Sunday-based weeks (PostHog's default week_start_day) → ClickHouse week mode 0. */
  readonly weekMode = 0;
  cteDepth = 0;
  /**
   * True while printing the direct arguments of toFloatOrZero / toIntOrZero / toFloatOrDefault:
   * those parse a String, so typed properties stay raw there (PropertySwapper
   * `_suppress_numeric_conversion`).
   */
  keepPropertiesRaw = false;
  /** `Event property 'x' is of type 'Float'.` notices, for HogQLMetadata. */
  readonly propertyNotices: { message: string; start?: number; end?: number; fix?: string }[] = [];

  constructor(
    readonly teamId: number,
    readonly timezone: string,
    readonly propertyTypes: PropertyTypes = {},
    readonly cohorts: readonly CohortRef[] = [],
    /** The team's views, parsed: a view's name in FROM reads it as a subquery (like a CTE). */
    readonly views: ReadonlyMap<string, Node> = new Map(),
  ) {}

  /** Register a string value; returns its placeholder, like HogQLContext.add_value. */
  addValue(value: string): string {
    this.values.push(value);
    return `%(hogql_val_${this.values.length - 1})s`;
  }
}
