/**
 * Notebook results as Markdown, pure (no `vscode`): the `text/markdown` item of each output (read
 * anywhere the table renderer is not) and "Export Notebook to Markdown".
 *
 * Cell values are text, never markup: Markdown's punctuation that could make a link, an emphasis,
 * an HTML tag or a column break is backslash-escaped (CommonMark allows it before any ASCII
 * punctuation), line breaks become spaces, and long values are cut.
 */
import { rawText } from '../results/format';
import type { Cell } from '../results/protocol';
import type { NotebookFile, StoredOutput } from './format';

const MAX_CELL_CHARS = 200;

/** A value as the text of one Markdown table cell. */
export function markdownCellText(value: Cell): string {
  if (value === null) return 'NULL';
  let text = rawText(value).replace(/\r\n|\r|\n/g, ' ');
  if (text.length > MAX_CELL_CHARS) text = `${text.slice(0, MAX_CELL_CHARS - 1)}…`;
  return text.replace(/[\\`*_[\]<>|&~!]/g, '\\$&');
}

/** "project name · 12 rows · 2026-12-06 07:10 UTC" (and what was left out). */
export function outputSummary(out: StoredOutput): string {
  const when = out.at.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
  const rows = `${out.rowCount}${out.hasMore ? '+' : ''} row${out.rowCount === 1 ? '' : 's'}`;
  return [out.project.name || `project ${out.project.id}`, rows, when].join(' · ');
}

/** The result as a Markdown table of at most `maxRows` rows, with a "N more rows" line after. */
export function tableMarkdown(out: StoredOutput, maxRows: number): string {
  if (out.error !== undefined) return `**Error:** ${markdownCellText(out.error)}`;
  if (!out.columns.length) return `_${outputSummary(out)}; the rows were not kept (too large)._`;
  const head = `| ${out.columns.map((c) => markdownCellText(c.name)).join(' | ')} |`;
  const rule = `| ${out.columns.map(() => '---').join(' | ')} |`;
  const shown = out.rows.slice(0, maxRows);
  const body = shown.map((r) => `| ${out.columns.map((_, i) => markdownCellText(r[i] ?? null)).join(' | ')} |`);
  const more = out.rowCount - shown.length;
  const lines = [head, rule, ...body];
  if (more > 0) lines.push('', `_${more} more row${more === 1 ? '' : 's'}_`);
  return lines.join('\n');
}

/** A code fence longer than any backtick run of `text` (so a cell's text cannot close it). */
function fenceFor(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** The whole notebook: Markdown cells as they are, HogQL cells fenced, each result as a table below. */
export function notebookMarkdown(nb: NotebookFile, maxRows = 100): string {
  const parts: string[] = [];
  for (const cell of nb.cells) {
    if (cell.kind === 'markdown') {
      parts.push(cell.source.trim());
      continue;
    }
    const fence = fenceFor(cell.source);
    parts.push(`${fence}hogql\n${cell.source.trim()}\n${fence}`);
    if (cell.output) parts.push(`_${markdownCellText(outputSummary(cell.output))}_\n\n${tableMarkdown(cell.output, maxRows)}`);
  }
  return `${parts.filter((p) => p !== '').join('\n\n')}\n`;
}
