/**
 * Text formats for copying a block of result cells: TSV (what spreadsheets paste), Markdown and
 * JSON. Pure; no vscode, no DOM. Shared by the webview (copy) and the host (export).
 */
import type { Cell, Column } from './protocol';
import { rawText } from './format';
import { classifyType, isNumericKind } from './types';

/** A rectangular block: the chosen columns, and rows as arrays aligned with them. */
export interface Block {
  columns: readonly Column[];
  rows: readonly (readonly Cell[])[];
}

const PLAIN_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * TSV field as spreadsheets paste it: a field holding a tab or line break, or starting with a quote,
 * is quoted RFC 4180-style (inner quotes doubled); any other quote is literal. NULL is empty.
 */
export function tsvField(value: Cell): string {
  if (value === null) return '';
  const s = rawText(value);
  return /[\t\r\n]|^"/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Tab-separated values, `\n` between rows; the header line first when `header` is set. */
export function toTsv(block: Block, header: boolean): string {
  const lines: string[] = [];
  if (header) lines.push(block.columns.map((c) => tsvField(c.name)).join('\t'));
  for (const row of block.rows) lines.push(row.map(tsvField).join('\t'));
  return lines.join('\n');
}

/** Markdown table cell: pipes and backslashes escaped, line breaks folded to spaces. */
export function markdownField(value: Cell): string {
  if (value === null) return 'NULL';
  return rawText(value).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r\n|\r|\n/g, ' ');
}

/** A GitHub-flavoured Markdown table; numeric columns right-aligned. */
export function toMarkdown(block: Block): string {
  const head = `| ${block.columns.map((c) => markdownField(c.name) || ' ').join(' | ')} |`;
  const rule = `| ${block.columns.map((c) => (isNumericKind(classifyType(c.type).kind) ? '---:' : '---')).join(' | ')} |`;
  const body = block.rows.map((r) => `| ${r.map(markdownField).join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}

/** Object keys for the columns: duplicate names get `_2`, `_3`… so no value is lost. */
export function uniqueKeys(columns: readonly Column[]): string[] {
  const seen = new Map<string, number>();
  const used = new Set(columns.map((c) => c.name));
  return columns.map((c) => {
    const n = (seen.get(c.name) ?? 0) + 1;
    seen.set(c.name, n);
    if (n === 1) return c.name;
    let k = n;
    while (used.has(`${c.name}_${k}`)) k++;
    const key = `${c.name}_${k}`;
    used.add(key);
    return key;
  });
}

/**
 * JSON text of one value. Numbers of numeric columns carried as exact strings are written as JSON
 * number literals with their exact digits (JSON numbers have no precision limit); non-finite
 * numbers become `null`.
 */
export function jsonValue(value: Cell, numeric: boolean): string {
  if (numeric && typeof value === 'string' && PLAIN_NUMBER.test(value)) return value;
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
  return JSON.stringify(value);
}

/** Serialises rows as JSON objects (one per row) keyed by `keys`, compact. */
export function jsonRow(row: readonly Cell[], keys: readonly string[], numeric: readonly boolean[]): string {
  const parts = keys.map((k, i) => `${JSON.stringify(k)}:${jsonValue(row[i] ?? null, numeric[i])}`);
  return `{${parts.join(',')}}`;
}

/** A JSON array of row objects, one row per line. */
export function toJson(block: Block): string {
  const keys = uniqueKeys(block.columns);
  const numeric = block.columns.map((c) => isNumericKind(classifyType(c.type).kind));
  if (block.rows.length === 0) return '[]';
  return `[\n${block.rows.map((r) => `  ${jsonRow(r, keys, numeric)}`).join(',\n')}\n]`;
}
