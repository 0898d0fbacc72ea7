import * as assert from 'node:assert/strict';
import { completionContext, type CompletionContext } from '../../../src/language/hogql/completion';
import { completionItems } from '../../../src/language/completionItems';
import { lex } from '../../../src/language/hogql/lexer';
import { variableAt, variableHoverLines, variableNamesIn, variableOfMessage, variablesForCheck, type SqlVariable } from '../../../src/language/hogql/variables';
import { withoutKnownVariables } from '../../../src/language/syntax/notices';

/** `|` marks the cursor. */
function ctx(withCursor: string): CompletionContext {
  const offset = withCursor.indexOf('|');
  return completionContext(withCursor.replace('|', ''), offset);
}

const VARS: SqlVariable[] = [
  { code_name: 'event_name', name: 'Event Name', type: 'List', default_value: '$pageview', values: ['$pageview', 'purchase'] },
  { code_name: 'min_width', name: 'Min Width', type: 'Number', default_value: 1400 },
  { code_name: 'only_mobile', name: 'Only Mobile', type: 'Boolean', default_value: false },
];

describe('SQL variables in the editor', () => {
  it('completes code names after {variables., with type and default, closing the brace when needed', () => {
    const open = ctx('SELECT count() FROM events WHERE event = {variables.|');
    assert.equal(open.kind, 'variable');
    const items = completionItems(open, { variables: VARS }).items;
    assert.deepEqual(items.map((i) => i.label), ['event_name', 'min_width', 'only_mobile']);
    assert.equal(items[0].insertText, 'event_name}');
    assert.equal(items[0].detail, 'List · default "$pageview" (Event Name)');
    assert.equal(items[1].detail, 'Number · default 1400 (Min Width)');
    const closed = ctx('SELECT {variables.ev|} FROM events');
    assert.ok(closed.kind === 'variable' && closed.closed && closed.prefix === 'ev');
    const narrowed = completionItems(closed, { variables: VARS }).items;
    assert.deepEqual(narrowed.map((i) => [i.label, i.insertText]), [['event_name', 'event_name']]);
  });

  it('is not a variable context for other members or without the brace', () => {
    assert.notEqual(ctx('SELECT variables.| FROM events').kind, 'variable');
    assert.notEqual(ctx('SELECT properties.| FROM events').kind, 'variable');
    assert.deepEqual(completionItems(ctx('SELECT {variables.|'), {}), { items: [], incomplete: true });
  });

  it('finds {variables.x} under the cursor, from the brace to the brace', () => {
    const text = 'SELECT 1 WHERE x = {variables.event_name} AND y';
    const tokens = lex(text).tokens;
    const at = text.indexOf('event_name') + 3;
    assert.deepEqual(variableAt(tokens, at), { name: 'event_name', range: { start: 19, end: 41 }, nameRange: { start: 30, end: 40 } });
    assert.equal(variableAt(tokens, 19)?.name, 'event_name');
    assert.equal(variableAt(tokens, text.indexOf('AND')), undefined);
    assert.equal(variableAt(lex('SELECT {other.x}').tokens, 9), undefined);
  });

  it('checks a statement with the known variables it uses, without values (the server takes the defaults)', () => {
    const names = variableNamesIn(lex("SELECT {variables.event_name}, '{variables.no}', {variables.nope}, {variables.event_name}").tokens);
    assert.deepEqual(names, ['event_name', 'nope']);
    const known = VARS.map((v, i) => ({ ...v, id: `id-${i}` }));
    assert.deepEqual(variablesForCheck(names, known), { 'id-0': { variableId: 'id-0', code_name: 'event_name' } });
  });

  it('hover lines say type, default and values, as text', () => {
    assert.deepEqual(variableHoverLines('event_name', VARS[0], true), ['SQL variable event_name — Event Name', 'List · default "$pageview"', 'Values: "$pageview", "purchase"']);
    assert.match(variableHoverLines('nope', undefined, true)[1], /Variable nope is missing from query/);
  });

  it('drops server problems about known variables only, and keeps all while variables are unknown', () => {
    const problems = [
      { message: 'Variable event_name is missing from query' },
      { message: 'Variable evnt is missing from query. Did you mean: event_name?' },
      { message: 'Unresolved placeholder: {variables.min_width}' },
      { message: 'Unknown table "x"' },
    ];
    const known = new Set(VARS.map((v) => v.code_name));
    assert.deepEqual(withoutKnownVariables(problems, known).map((p) => p.message), [problems[1].message, problems[3].message]);
    assert.equal(withoutKnownVariables(problems, undefined).length, 4);
    assert.equal(variableOfMessage('Variable a_b does not exist'), undefined);
  });
});
