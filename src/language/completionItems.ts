/**
 * Completion items for a `completionContext` result, as plain descriptors (converted to
 * `vscode.CompletionItem` by completion.ts). Pure, so benchmarks and unit tests run it in Node.
 */
import type { CompletionContext, ColumnSource } from './hogql/completion';
import type { NameIndex } from './hogql/filter';
import { CAST_TYPES } from './hogql/aliasNames';
import { variableDetail, type SqlVariable } from './hogql/variables';
import { getVocabulary, type FunctionInfo } from './hogql/vocabulary';

export type ItemKind = 'keyword' | 'function' | 'table' | 'cte' | 'field' | 'column' | 'alias' | 'property' | 'event' | 'type' | 'variable';

export interface Item {
  label: string;
  kind: ItemKind;
  /** Plain text, or a snippet when `snippet` is set. */
  insertText: string;
  snippet?: boolean;
  detail?: string;
  sortText: string;
}

/** Project names for completion; each may be missing (signed out, still loading). */
export interface NameSources {
  events?: NameIndex;
  eventProperties?: NameIndex;
  personProperties?: NameIndex;
  /** The project's SQL variables (`{variables.code_name}`). */
  variables?: readonly SqlVariable[];
  /** The project's data-warehouse views (tables in HogQL). */
  views?: readonly string[];
}

export interface Items {
  items: Item[];
  /** True when the list was cut (ask again as the user types) or names are still loading. */
  incomplete: boolean;
}

const NAME_LIMIT = 200;
const EXPRESSION_KEYWORDS = ['CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'NOT', 'NULL', 'TRUE', 'FALSE', 'DISTINCT', 'INTERVAL', 'AND', 'OR', 'IN', 'LIKE', 'ILIKE', 'BETWEEN', 'IS'];
const DATE_FUNCTION = /^(toStartOf|toDate|toDateTime|toYear|toMonth|toDayOf|toHour|toMinute|toWeek|toYYYYMM|toUnixTimestamp|toTimeZone|dateTrunc$|formatDateTime$)/;
const PLAIN_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const order = (group: number, i: number): string => `${group}${String(i).padStart(5, '0')}`;

/** `count()` (cursor inside), `now()`, `toStartOfDay(${1:timestamp})`, `if(${1:arg1}, ${2:arg2}, ${3:arg3})`. */
export function functionSnippet(f: FunctionInfo): string {
  if (f.arityUnknown) return `${f.name}($0)`;
  const min = f.min ?? 0;
  if (min === 0) return f.max === 0 ? `${f.name}()` : `${f.name}($0)`;
  const args = Array.from({ length: min }, (_, i) => `\${${i + 1}:${i === 0 && DATE_FUNCTION.test(f.name) ? 'timestamp' : `arg${i + 1}`}}`);
  return `${f.name}(${args.join(', ')})`;
}

export function arityLabel(f: FunctionInfo): string {
  if (f.arityUnknown) return 'arguments unknown';
  const min = f.min ?? 0;
  if (f.max === null || f.max === undefined) return `${min}+ arguments`;
  return min === f.max ? `${min} argument${min === 1 ? '' : 's'}` : `${min}–${f.max} arguments`;
}

function functionItems(): Item[] {
  return getVocabulary().functions.filter((f) => !f.deprecated).map((f, i) => ({
    label: f.name, kind: 'function' as const, insertText: functionSnippet(f), snippet: true, detail: `${f.kind} function, ${arityLabel(f)}`, sortText: order(3, i),
  }));
}

function keywordItems(keywords: readonly string[], group: number): Item[] {
  return keywords.map((k, i) => ({ label: k, kind: 'keyword' as const, insertText: k, sortText: order(group, i) }));
}

function fieldsOf(t: ColumnSource, group: number): Item[] {
  if (t.columns) return t.columns.map((c, i) => ({ label: c, kind: 'column' as const, insertText: c, detail: `column of ${t.alias ?? t.name}`, sortText: order(group, i) }));
  if (!t.tableName) return [];
  const where = t.implicit ? `${t.tableName}, no FROM yet` : t.tableName;
  return getVocabulary().fieldsOf(t.tableName).map((f, i) => ({ label: f.name, kind: 'field' as const, insertText: f.name, detail: `${f.type}${f.to ? ` → ${f.to}` : ''} (${where})`, sortText: order(group, i) }));
}

function quoteName(name: string, quoted: boolean): string {
  if (quoted) return name.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
  return PLAIN_IDENTIFIER.test(name) ? name : `\`${name.replace(/`/g, '\\`')}\``;
}

function names(index: NameIndex | undefined, prefix: string, quoted: boolean, kind: ItemKind, detail: string): Items {
  if (!index) return { items: [], incomplete: true };
  const found = index.filter(prefix, { limit: NAME_LIMIT });
  const items = found.map((name, i) => ({ label: name, kind, insertText: quoteName(name, quoted), detail, sortText: order(0, i) }));
  return { items, incomplete: found.length >= NAME_LIMIT };
}

function columnItems(ctx: Extract<CompletionContext, { kind: 'column' }>): Item[] {
  const out: Item[] = [];
  ctx.tables.forEach((t) => {
    out.push(...fieldsOf(t, 1));
    if (t.alias) out.push({ label: t.alias, kind: 'alias', insertText: t.alias, detail: `alias of ${t.name}`, sortText: order(2, 0) });
  });
  ctx.aliases.forEach((a, i) => out.push({ label: a, kind: 'alias', insertText: a, detail: 'column alias', sortText: order(2, i + 1) }));
  out.push(...functionItems(), ...keywordItems(EXPRESSION_KEYWORDS, 4));
  return out;
}

const IMPLIED = ' (as if FROM events: no FROM yet)';

function propertyItems(ctx: Extract<CompletionContext, { kind: 'eventProperty' | 'personProperty' }>, index: NameIndex | undefined): Items {
  if (ctx.path.length) return { items: [], incomplete: false };
  const detail = `${ctx.kind === 'eventProperty' ? 'event' : 'person'} property${ctx.implicit ? IMPLIED : ''}`;
  return names(index, ctx.prefix, ctx.quoted, 'property', detail);
}

function variableItems(ctx: Extract<CompletionContext, { kind: 'variable' }>, variables: readonly SqlVariable[] | undefined): Items {
  if (!variables) return { items: [], incomplete: true };
  const prefix = ctx.prefix.toLowerCase();
  const items = variables
    .filter((v) => v.code_name.toLowerCase().startsWith(prefix) || v.name.toLowerCase().includes(prefix))
    .map((v, i) => ({ label: v.code_name, kind: 'variable' as const, insertText: ctx.closed ? v.code_name : `${v.code_name}}`, detail: `${variableDetail(v)} (${v.name})`, sortText: order(0, i) }));
  return { items, incomplete: false };
}

/** The items for a completion context; `sources` supplies the project's names when known. */
export function completionItems(ctx: CompletionContext, sources: NameSources): Items {
  const vocab = getVocabulary();
  switch (ctx.kind) {
    case 'none':
      return { items: [], incomplete: false };
    case 'keyword':
      return { items: keywordItems(ctx.keywords, 0), incomplete: false };
    case 'table': {
      const ctes = ctx.ctes.map((c, i) => ({ label: c, kind: 'cte' as const, insertText: c, detail: 'CTE', sortText: order(0, i) }));
      const tables = vocab.tables.map((t, i) => ({ label: t.name, kind: 'table' as const, insertText: t.name, detail: 'table', sortText: order(1, i) }));
      const views = (sources.views ?? []).map((v, i) => ({ label: v, kind: 'table' as const, insertText: v, detail: 'view', sortText: order(1, tables.length + i) }));
      return { items: [...ctes, ...tables, ...views], incomplete: false };
    }
    case 'column':
      return { items: columnItems(ctx), incomplete: false };
    case 'field':
      return { items: fieldsOf(ctx.table, 0), incomplete: false };
    case 'eventProperty':
      return propertyItems(ctx, sources.eventProperties);
    case 'personProperty':
      return propertyItems(ctx, sources.personProperties);
    case 'alias':
      return { items: ctx.names.map((n, i) => ({ label: n, kind: 'alias' as const, insertText: n, detail: 'alias', sortText: order(0, i) })), incomplete: false };
    case 'type':
      return { items: CAST_TYPES.map((t, i) => ({ label: t, kind: 'type' as const, insertText: t, detail: 'ClickHouse type', sortText: order(0, i) })), incomplete: false };
    case 'eventName':
      return names(sources.events, ctx.prefix, true, 'event', 'event');
    case 'property':
      return { items: [], incomplete: false };
    case 'variable':
      return variableItems(ctx, sources.variables);
  }
}
