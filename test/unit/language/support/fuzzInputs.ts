/**
 * Inputs for the HogQL fuzz (test/unit/language/fuzz.test.ts): mutations of the corpus
 * (test/fixtures/hogql/corpus and the differential generator), random text with unicode, bidi
 * controls and NUL, and fixed hostile shapes (deep nesting, 50k-character lines).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { splitStatements } from '../../../../src/language/hogql/split';
import { CORPUS_DIR } from './differential';
import { selectStatement } from './generator';

/** The corpus files and every statement chunk of them. */
export function corpusTexts(): string[] {
  const out: string[] = [];
  for (const file of fs.readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.hogql')).sort()) {
    const text = fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8');
    out.push(text);
    for (const s of splitStatements(text)) out.push(text.slice(s.chunk.start, s.chunk.end));
  }
  return out;
}

/** Characters that trip careless code: bidi controls, NUL, BOM, lone surrogates, line separators. */
const NASTY = ['\u0000', '\u202e', '\u202d', '\u2066', '\u2069', '\u200f', '\ufeff', '\ud800', '\udfff', '\u2028', '\u2029', '\r', '\r\n', '\t', '\v', '😀', 'é', 'ß', '\u0301'];
/** HogQL fragments that open, close or change a context. */
const FRAGMENTS = [
  '(', ')', '[', ']', '{', '}', "'", '"', '`', "f'", "f'{", '--', '/*', '*/', ';', ',', '.', '?.', '::', '->', '<', '>', '</', '/>', '<a>', '</a>',
  'SELECT', 'FROM', 'WHERE', 'WITH', 'AS', 'JOIN', 'ON', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'UNION ALL', 'GROUP BY', 'ORDER BY', 'LIMIT',
  'INTERVAL', 'properties.', 'person.properties.', "properties['", 'count(', 'x -> ', '{filters}', '{variables.', '1e', '0x', '1.', 'NOT', 'IN',
];

const nasty = fc.constantFrom(...NASTY);
const fragment = fc.oneof(fc.constantFrom(...FRAGMENTS), nasty, fc.string({ unit: 'binary', maxLength: 4 }));

type Edit = { kind: 'insert' | 'delete' | 'duplicate' | 'replace'; at: number; len: number; piece: string };
const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'duplicate', 'replace'),
  at: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x),
  len: fc.nat(40),
  piece: fragment,
}) as fc.Arbitrary<Edit>;

function apply(text: string, e: Edit): string {
  const at = Math.floor(e.at * text.length);
  const end = Math.min(text.length, at + e.len);
  switch (e.kind) {
    case 'insert':
      return text.slice(0, at) + e.piece + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(end);
    case 'duplicate':
      return text.slice(0, end) + text.slice(at, end) + text.slice(end);
    case 'replace':
      return text.slice(0, at) + e.piece + text.slice(end);
  }
}

/** A corpus text (or a generated statement) with 1–8 edits. */
export function mutatedCorpus(corpus: readonly string[]): fc.Arbitrary<string> {
  const base = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...corpus) }, { weight: 1, arbitrary: selectStatement });
  return fc.tuple(base, fc.array(edit, { minLength: 1, maxLength: 8 })).map(([t, edits]) => edits.reduce(apply, t));
}

/** Random text: binary-unit strings mixed with fragments and nasty characters. */
export const randomText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fragment, { maxLength: 60 }).map((xs) => xs.join(' ')),
  fc.array(fc.oneof(fragment, fc.constantFrom(' ', '\n', 'x', '1')), { maxLength: 120 }).map((xs) => xs.join('')),
);

const DEPTH = 5_000;
const nest = (open: string, mid: string, close: string, n = DEPTH): string => open.repeat(n) + mid + close.repeat(n);

/** Fixed hostile shapes: deep nesting (5,000 levels, closed and unclosed) and 50k-character lines. */
export function hostileInputs(): { name: string; text: string }[] {
  const longLine = (unit: string): string => unit.repeat(Math.ceil(50_000 / unit.length)).slice(0, 50_000);
  return [
    { name: 'parens', text: `SELECT ${nest('(', '1', ')')}` },
    { name: 'parens unclosed', text: `SELECT ${'('.repeat(DEPTH)}` },
    { name: 'closers only', text: `SELECT ${')]}'.repeat(DEPTH)}` },
    { name: 'brackets', text: `SELECT ${nest('[', '1', ']')}` },
    { name: 'calls', text: `SELECT ${nest('f(', 'x', ')')}` },
    { name: 'CASE', text: `SELECT ${nest('CASE WHEN x THEN ', '1', ' END')}` },
    { name: 'CASE unclosed', text: `SELECT ${'CASE WHEN x THEN '.repeat(DEPTH)}` },
    { name: 'subqueries', text: `SELECT * FROM ${nest('(SELECT * FROM ', 'events', ')')}` },
    { name: 'IN subqueries', text: `SELECT 1 WHERE x IN ${nest('(SELECT x FROM t WHERE x IN ', '(1)', ')')}` },
    { name: 'f-strings', text: `SELECT ${nest("f'{", 'x', "}'")}` },
    { name: 'tags', text: `SELECT ${nest('<a>', 'x', '</a>')}` },
    { name: 'NOT chain', text: `SELECT ${'NOT '.repeat(DEPTH)}1` },
    { name: 'unary minus', text: `SELECT ${'-'.repeat(DEPTH)}1` },
    { name: 'lambdas', text: `SELECT ${'x -> '.repeat(DEPTH)}1` },
    { name: 'ternaries', text: `SELECT ${'x ? 1 : '.repeat(DEPTH)}2` },
    { name: 'array access', text: `SELECT a${'[1]'.repeat(DEPTH)}` },
    { name: 'long AND chain', text: `SELECT 1 WHERE ${Array.from({ length: DEPTH }, (_, i) => `a${i} = 1`).join(' AND ')}` },
    { name: '5,000 CTEs', text: `WITH ${Array.from({ length: DEPTH }, (_, i) => `c${i} AS (SELECT 1)`).join(', ')} SELECT * FROM c0` },
    { name: '5,000 UNION ALL', text: Array.from({ length: DEPTH }, () => 'SELECT 1').join(' UNION ALL ') },
    { name: '5,000 statements', text: 'SELECT 1;\n'.repeat(DEPTH) },
    { name: '50k line: select list', text: `SELECT ${longLine('event, ')} FROM events` },
    { name: '50k line: one identifier', text: `SELECT ${longLine('x')}` },
    { name: '50k line: unterminated string', text: `SELECT '${longLine('a;b ')}` },
    { name: '50k line: unterminated comment', text: `SELECT 1 /* ${longLine('* / ')}` },
    { name: '50k line: properties chain', text: `SELECT properties${longLine('.a')}` },
    { name: '50k line: operators', text: `SELECT 1${longLine(' + 1')}` },
    { name: '50k line: bidi and NUL', text: `SELECT '${longLine('\u202e\u0000\u2066x')}'` },
    { name: '50k line: semicolons', text: longLine(';') },
  ];
}
