/**
 * Which statement of its document a run is, for the results panel's tabs (one per statement,
 * src/results/tabs.ts). Pure: no `vscode`, offsets are UTF-16.
 */
import { splitStatements } from '../language/hogql/split';
import { normalizeStatement, type StatementRef } from '../results/tabs';
import type { QueryTarget } from './target';

/**
 * The statement `target` is in document `doc` (its text `docText`): its index when it is a whole
 * statement (-1 for a selection of part of one, or of several), and the normalised text of every
 * statement of the document now.
 */
export function statementRef(doc: string, docText: string, target: QueryTarget): StatementRef {
  const statements = splitStatements(docText).map((s) => ({ start: s.range.start, end: s.range.end, norm: normalizeStatement(docText.slice(s.range.start, s.range.end)) }));
  const norm = normalizeStatement(target.text);
  const index = statements.findIndex((s) => s.start <= target.offset && target.offset < Math.max(s.end, s.start + 1) && s.norm === norm);
  return { doc, index, text: target.text, statements: statements.map((s) => s.norm) };
}
