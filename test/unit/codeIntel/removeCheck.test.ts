// "Remove the check" of a flag that is always on or always off: the live branch stays, the check
// goes, on simple if/else, negated, else-if and ternary shapes in TS/JS and Python; anything else
// is refused rather than rewritten.
import assert from 'node:assert/strict';
import { removeCheck } from '../../../src/codeIntel/removeCheck';
import { scan } from '../../../src/codeIntel/scan/scan';
import type { SdkLanguage } from '../../../src/codeIntel/scan/types';

/** The text after removing the first flag check, or `refused: <reason>`. */
function apply(lines: string[], enabled: boolean, lang: SdkLanguage = 'js'): string {
  const text = lines.join('\n');
  const call = scan(text, lang).flags[0];
  assert.ok(call, 'no flag call found');
  const r = removeCheck(text, lang, call, enabled);
  if (!r.ok) return `refused: ${r.reason}`;
  return text.slice(0, r.edit.start) + r.edit.text + text.slice(r.edit.end);
}


describe('codeIntel remove the check: TypeScript / JavaScript', () => {
  const ifElse = [
    'function f() {',
    "  if (posthog.isFeatureEnabled('new-ui')) {",
    '    renderNew();',
    '    track(1);',
    '  } else {',
    '    renderOld();',
    '  }',
    '  done();',
    '}',
  ];

  it('keeps the enabled branch of if/else for a rolled-out flag, dedented', () => {
    assert.equal(apply(ifElse, true), ['function f() {', '  renderNew();', '  track(1);', '  done();', '}'].join('\n'));
  });

  it('keeps the else branch for an inactive flag', () => {
    assert.equal(apply(ifElse, false), ['function f() {', '  renderOld();', '  done();', '}'].join('\n'));
  });

  it('swaps the branches of if (!check)', () => {
    const text = ["if (!posthog.isFeatureEnabled('x')) {", '  a();', '} else {', '  b();', '}'];
    assert.equal(apply(text, true), 'b();');
    assert.equal(apply(text, false), 'a();');
  });

  it('removes an if without else whole (its lines too) when the flag is off, unwraps it when on', () => {
    const text = ['start();', "if (posthog.isFeatureEnabled('x')) {", '  a();', '}', 'end();'];
    assert.equal(apply(text, false), ['start();', 'end();'].join('\n'));
    assert.equal(apply(text, true), ['start();', 'a();', 'end();'].join('\n'));
  });

  it('reads awaited posthog-node checks and optional receivers', () => {
    const text = ["if (await this.client?.isFeatureEnabled('x', userId)) {", '  a();', '}'];
    assert.equal(apply(text, true), 'a();');
    assert.equal(apply(["if (!(await client.isFeatureEnabled('x', id))) { a(); }"], true).startsWith('refused'), true);
  });

  it('keeps the braces of a kept block that declares names', () => {
    const text = ['const a = 1;', "if (posthog.isFeatureEnabled('x')) {", '  const a = 2;', '  use(a);', '}'];
    assert.equal(apply(text, true), ['const a = 1;', '{', '  const a = 2;', '  use(a);', '}'].join('\n'));
  });

  it('handles one-line blocks', () => {
    assert.equal(apply(["if (posthog.isFeatureEnabled('x')) { a(); } else { b(); }"], true), 'a();');
    assert.equal(apply(["if (posthog.isFeatureEnabled('x')) { a(); } else { b(); }"], false), 'b();');
  });

  it('in an else-if chain: keeps the first branch when on, leaves the rest of the chain when off', () => {
    const text = ["if (posthog.isFeatureEnabled('x')) {", '  a();', '} else if (other) {', '  b();', '} else {', '  c();', '}', 'end();'];
    assert.equal(apply(text, true), ['a();', 'end();'].join('\n'));
    assert.equal(apply(text, false), ['if (other) {', '  b();', '} else {', '  c();', '}', 'end();'].join('\n'));
  });

  it('replaces a ternary with the live branch: assignment, JSX, argument, return, arrow body', () => {
    assert.equal(apply(["const v = posthog.isFeatureEnabled('x') ? 'new' : 'old';"], true), "const v = 'new';");
    assert.equal(apply(["const v = posthog.isFeatureEnabled('x') ? 'new' : 'old';"], false), "const v = 'old';");
    assert.equal(apply(["const v = !posthog.isFeatureEnabled('x') ? 1 : 0", 'next()'], true), ['const v = 0', 'next()'].join('\n'));
    assert.equal(apply(['<div>{useFeatureFlagEnabled("x") ? <New a="1" /> : <Old />}</div>'], true), '<div>{<New a="1" />}</div>');
    assert.equal(apply(["render(posthog.isFeatureEnabled('x') ? a : b, 2)"], false), 'render(b, 2)');
    assert.equal(apply(["return posthog.isFeatureEnabled('x') ? f(1, 2) : g"], true), 'return f(1, 2)');
    assert.equal(apply(["const pick = () => posthog.isFeatureEnabled('x') ? a : b"], false), 'const pick = () => b');
    assert.equal(apply(["const v = posthog.isFeatureEnabled('x') ? (p ? 1 : 2) : c ? 3 : 4;"], false), 'const v = c ? 3 : 4;');
    assert.equal(apply(["const v = posthog.isFeatureEnabled('x') ? p ? 1 : 2 : 3;"], true), 'const v = p ? 1 : 2;');
  });

  it('refuses shapes it does not understand', () => {
    const refused = (text: string[], why: RegExp): void => assert.match(apply(text, true), why, text.join('\n'));
    refused(["if (posthog.isFeatureEnabled('x') && other) { a(); }"], /not the whole condition/);
    refused(["if (other || posthog.isFeatureEnabled('x')) { a(); }"], /not the whole condition/);
    refused(["const v = a && posthog.isFeatureEnabled('x') ? 1 : 2"], /larger condition/);
    refused(["const v = a === posthog.isFeatureEnabled('x') ? 1 : 2"], /larger condition/);
    refused(["if (posthog.isFeatureEnabled('x')) a();"], /without braces/);
    refused(["if (posthog.isFeatureEnabled('x')) { a(); } else b();"], /without braces/);
    refused(["if (a) { x(); } else if (posthog.isFeatureEnabled('x')) { y(); }"], /else-if branch/);
    refused(["const on = posthog.isFeatureEnabled('x')"], /not the whole condition/);
    refused(["const v = posthog.getFeatureFlag('x') === 'test' ? 1 : 2"], /only boolean checks/);
    refused(["const v = posthog.isFeatureEnabled('x')", '  ? 1', '  : 2', '  + 3'], /several lines/);
    refused(["if (posthog.isFeatureEnabled('x')) {", '  a();'], /unclosed/);
  });
});

describe('codeIntel remove the check: Python', () => {
  const py = (text: string[], enabled: boolean): string => apply(text, enabled, 'python');
  const ifElse = [
    'def view(request):',
    "    if posthog.feature_enabled('new-ui', request.user.id):",
    '        render_new()',
    '        if deep:',
    '            more()',
    '    else:',
    '        render_old()',
    '    return done()',
  ];

  it('keeps the enabled body of if/else, dedented, or the else body', () => {
    assert.equal(py(ifElse, true), ['def view(request):', '    render_new()', '    if deep:', '        more()', '    return done()'].join('\n'));
    assert.equal(py(ifElse, false), ['def view(request):', '    render_old()', '    return done()'].join('\n'));
  });

  it('swaps the branches of if not, and removes an if without else (with pass when the block would be empty)', () => {
    const text = ["if not posthog.feature_enabled('x', uid):", '    a()', 'else:', '    b()'];
    assert.equal(py(text, true), 'b()');
    assert.equal(py(text, false), 'a()');
    assert.equal(py(['start()', "if posthog.feature_enabled('x', uid):", '    a()', 'end()'], false), ['start()', 'end()'].join('\n'));
    assert.equal(py(['def f():', "    if posthog.feature_enabled('x', uid):", '        a()', '', 'g()'], false), ['def f():', '    pass', '', 'g()'].join('\n'));
  });

  it('in an elif chain: keeps the first body when on, turns the elif into the if when off', () => {
    const text = ["if client.is_feature_enabled('x', uid):", '    a()', 'elif other:', '    b()', 'else:', '    c()', 'end()'];
    assert.equal(py(text, true), ['a()', 'end()'].join('\n'));
    assert.equal(py(text, false), ['if other:', '    b()', 'else:', '    c()', 'end()'].join('\n'));
  });

  it('replaces a conditional expression with the live value', () => {
    assert.equal(py(["label = 'new' if posthog.feature_enabled('x', uid) else 'old'"], true), "label = 'new'");
    assert.equal(py(["label = 'new' if posthog.feature_enabled('x', uid) else 'old'"], false), "label = 'old'");
    assert.equal(py(["f(1, a or b if not posthog.feature_enabled('x', u) else c, 2)"], true), 'f(1, c, 2)');
    assert.equal(py(["xs = [n if posthog.feature_enabled('x', u) else 0 for n in ns]"], false), 'xs = [0 for n in ns]');
    assert.equal(py(["return 1 if posthog.feature_enabled('x', u) else 2"], true), 'return 1');
  });

  it('refuses shapes it does not understand', () => {
    const refused = (text: string[], why: RegExp): void => assert.match(py(text, true), why, text.join('\n'));
    refused(["if posthog.feature_enabled('x', u) and other:", '    a()'], /not the whole condition/);
    refused(["if posthog.feature_enabled('x', u): a()"], /one-line if/);
    refused(['if a:', '    x()', "elif posthog.feature_enabled('x', u):", '    y()'], /elif branch/);
    refused(["on = posthog.feature_enabled('x', u)"], /not the whole condition/);
    refused(["v = posthog.get_feature_flag('x', u)"], /only boolean checks/);
    refused(["if posthog.feature_enabled('x', u):", '    s = """', 'text', '"""'], /string across/);
  });
});
