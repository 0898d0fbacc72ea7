/**
 * Encoders for "Export Full Result" (src/query/fullExport.ts): CSV, JSON Lines and JSON, fed one
 * page of rows at a time so a result of millions of rows is never held whole. Pure; no vscode, no
 * DOM, no I/O: each call returns the text to write next.
 *
 * CSV is RFC 4180 (src/results/export.ts `csvField`: CRLF records, quoted when needed, NULL an
 * empty field, an empty string `""`). CSV meant for spreadsheets must not carry live formulas: by
 * default a text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with
 * `'` (OWASP, "CSV Injection": https://owasp.org/www-community/attacks/CSV_Injection), so the
 * spreadsheet shows it as text. Cells of numeric columns (`src/results/types.ts`) and text that is
 * a plain decimal number (`-5`, `-1.5e3`) are never altered: numbers stay numbers, and a number
 * literal runs nothing. `rawFormulas` (setting `hogql.export.csvRawFormulas`) turns this off.
 *
 * JSON Lines is one object per row (keys as in `uniqueKeys`, exact integers as JSON numbers);
 * JSON is an array of the same objects written incrementally: valid JSON once `end()` is written.
 */
import type { Cell, Column } from './protocol';
import { jsonRow, uniqueKeys } from './copy';
import { csvField } from './export';
import { classifyType, isNumericKind } from './types';

export type FullExportFormat = 'csv' | 'jsonl' | 'json';

export const FULL_EXPORT_FORMATS: readonly FullExportFormat[] = ['csv', 'jsonl', 'json'];

export interface EncodeOptions {
  /** CSV: write formula-leading cells as they are (no `'` prefix). Default false. */
  rawFormulas?: boolean;
}

/** Turns pages of rows into text; `start`, then `rows` for each page, then `end`. */
export interface ExportEncoder {
  start(): string;
  rows(rows: readonly (readonly Cell[])[]): string;
  end(): string;
}

/** The characters OWASP lists as starting a formula (or hiding one behind whitespace). */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Whether a text cell would be read as a formula by a spreadsheet (and is not a plain number). */
export function isFormulaLeading(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

/**
 * One CSV field of a full export. `numeric`: the cell's column is numeric (never altered).
 * Formula-leading text gets a `'` prefix unless `rawFormulas`, then RFC 4180 quoting applies.
 */
export function exportCsvField(value: Cell, numeric: boolean, rawFormulas = false): string {
  if (value === null || numeric || rawFormulas || typeof value === 'number' || typeof value === 'boolean') return csvField(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return csvField(isFormulaLeading(text) ? `'${text}` : text);
}

function numericColumns(columns: readonly Column[]): boolean[] {
  return columns.map((c) => isNumericKind(classifyType(c.type).kind));
}

function csvEncoder(columns: readonly Column[], rawFormulas: boolean): ExportEncoder {
  const numeric = numericColumns(columns);
  const fields: string[] = new Array<string>(columns.length);
  const record = (cells: readonly Cell[], num: readonly boolean[]): string => {
    for (let i = 0; i < num.length; i++) fields[i] = exportCsvField(cells[i] ?? null, num[i], rawFormulas);
    return fields.join(',');
  };
  return {
    start: () => `${record(columns.map((c) => c.name), columns.map(() => false))}\r\n`,
    // Joined from an array (flat strings) rather than `+=` (a tree of string pieces to flatten later).
    rows: (rows) => (rows.length ? `${rows.map((row) => record(row, numeric)).join('\r\n')}\r\n` : ''),
    end: () => '',
  };
}

function jsonEncoder(columns: readonly Column[], lines: boolean): ExportEncoder {
  const keys = uniqueKeys(columns);
  const numeric = numericColumns(columns);
  let first = true;
  return {
    start: () => (lines ? '' : '['),
    rows: (rows) => {
      let out = '';
      for (const row of rows) {
        const text = jsonRow(row, keys, numeric);
        if (lines) out += `${text}\n`;
        else {
          out += `${first ? '\n' : ',\n'}  ${text}`;
          first = false;
        }
      }
      return out;
    },
    end: () => (lines ? '' : first ? ']\n' : '\n]\n'),
  };
}

/** The encoder of `format` for a result with `columns`. */
export function exportEncoder(format: FullExportFormat, columns: readonly Column[], options: EncodeOptions = {}): ExportEncoder {
  if (format === 'csv') return csvEncoder(columns, options.rawFormulas === true);
  return jsonEncoder(columns, format === 'jsonl');
}

/** File extension and VS Code language id of a format. */
export function formatInfo(format: FullExportFormat): { extension: string; language: string; label: string } {
  switch (format) {
    case 'csv':
      return { extension: 'csv', language: 'csv', label: 'CSV' };
    case 'jsonl':
      return { extension: 'jsonl', language: 'jsonl', label: 'JSON Lines' };
    case 'json':
      return { extension: 'json', language: 'json', label: 'JSON' };
  }
}
