// "Remove the check" in Go and Ruby (issue #19): the live branch stays with its indentation re-based,
// the check goes, on `if`/`else`/`else if` (Go), `if`/`unless`/`elsif`, modifiers and ternaries
// (Ruby); posthog-go's bound result (`on, err := …`) and anything else not understood is refused.
import assert from 'node:assert/strict';
import { removeCheck } from '../../../src/codeIntel/removeCheck';
import { scan } from '../../../src/codeIntel/scan/scan';
import type { SdkLanguage } from '../../../src/codeIntel/scan/types';

/** The text after removing the first boolean flag check, or `refused: <reason>`. */
function apply(lines: string[], enabled: boolean, lang: SdkLanguage): string {
  const text = lines.join('\n');
  const call = scan(text, lang).flags.find((f) => f.kind === 'enabled');
  assert.ok(call, 'no flag check found');
  const r = removeCheck(text, lang, call, enabled);
  if (!r.ok) return `refused: ${r.reason}`;
  return text.slice(0, r.edit.start) + r.edit.text + text.slice(r.edit.end);
}

const check = 'client.IsFeatureEnabled(posthog.FeatureFlagPayload{Key: "new-ui", DistinctId: id})';

describe('codeIntel remove the check: Go', () => {
  const go = (text: string[], enabled: boolean): string => apply(text, enabled, 'go');
  const ifElse = ['func handle() {', `\tif ${check} {`, '\t\trenderNew()', '\t\tif deep {', '\t\t\tmore()', '\t\t}', '\t} else {', '\t\trenderOld()', '\t}', '\tdone()', '}'];

  it('keeps the enabled body of if/else, dedented, or the else body', () => {
    assert.equal(go(ifElse, true), ['func handle() {', '\trenderNew()', '\tif deep {', '\t\tmore()', '\t}', '\tdone()', '}'].join('\n'));
    assert.equal(go(ifElse, false), ['func handle() {', '\trenderOld()', '\tdone()', '}'].join('\n'));
  });

  it('swaps the branches of if !check, and removes an if without else whole when the flag is off', () => {
    const text = [`if !${check} {`, '\ta()', '} else {', '\tb()', '}'];
    assert.equal(go(text, true), 'b()');
    assert.equal(go(text, false), 'a()');
    assert.equal(go(['start()', `if ${check} {`, '\ta()', '}', 'end()'], false), ['start()', 'end()'].join('\n'));
    assert.equal(go(['start()', `if ${check} {`, '\ta()', '}', 'end()'], true), ['start()', 'a()', 'end()'].join('\n'));
  });

  it('in an else-if chain: keeps the first body when on, leaves the rest of the chain when off', () => {
    const text = [`if ${check} {`, '\ta()', '} else if other(x) {', '\tb()', '} else {', '\tc()', '}', 'end()'];
    assert.equal(go(text, true), ['a()', 'end()'].join('\n'));
    assert.equal(go(text, false), ['if other(x) {', '\tb()', '} else {', '\tc()', '}', 'end()'].join('\n'));
  });

  it('keeps the braces of a kept block that declares names (:=, var)', () => {
    const text = [`if ${check} {`, '\tv := 2', '\tuse(v)', '}'];
    assert.equal(go(text, true), ['{', '\tv := 2', '\tuse(v)', '}'].join('\n'));
    assert.equal(go([`if ${check} {`, '\tvar v = 2', '}'], true), ['{', '\tvar v = 2', '}'].join('\n'));
  });

  it('refuses the SDK result bound first, and shapes it does not understand', () => {
    const refused = (text: string[], why: RegExp): void => assert.match(go(text, true), why, text.join('\n'));
    refused([`on, err := ${check}`, 'if err == nil && on == true {', '\ta()', '}'], /bound to variables first/);
    refused([`if on, err := ${check}; err == nil && on == true {`, '\ta()', '}'], /bound to variables first/);
    refused([`on, _ = ${check}`], /bound to variables first/);
    refused([`if ${check} && other {`, '\ta()', '}'], /not the whole condition/);
    refused([`if x == ${check} {`, '\ta()', '}'], /not the whole condition/);
    refused(['if a {', '\tx()', `} else if ${check} {`, '\ty()', '}'], /else-if branch/);
    refused([`if ${check} {`, '\ta()'], /unclosed/);
  });
});

describe('codeIntel remove the check: Ruby', () => {
  const rb = (text: string[], enabled: boolean): string => apply(text, enabled, 'ruby');
  const ifElse = ['def show', "  if posthog.is_feature_enabled('new-ui', user.id)", '    render_new', '    items.each do |i|', '      more(i)', '    end', '  else', '    render_old', '  end', '  done', 'end'];

  it('keeps the enabled body of if/else, dedented, or the else body', () => {
    assert.equal(rb(ifElse, true), ['def show', '  render_new', '  items.each do |i|', '    more(i)', '  end', '  done', 'end'].join('\n'));
    assert.equal(rb(ifElse, false), ['def show', '  render_old', '  done', 'end'].join('\n'));
  });

  it('reads calls without parentheses, `then`, `!` and `not`, and an if without else', () => {
    const text = ['start', "if !posthog.is_feature_enabled 'x', uid then", '  a', 'else', '  b', 'end', 'finish'];
    assert.equal(rb(text, true), ['start', 'b', 'finish'].join('\n'));
    assert.equal(rb(['start', "if not @client.is_feature_enabled('x', uid)", '  a', 'end', 'finish'], true), ['start', 'finish'].join('\n'));
    assert.equal(rb(['start', "if $posthog.is_feature_enabled('x', uid)", '  a', 'end'], true), ['start', 'a'].join('\n'));
  });

  it('matches `end` past nested blocks, loops and endless methods, not method names or labels', () => {
    const body = ['  def self.twice(x) = x * 2', '  while busy do', '    wait', '  end', '  log(if: 1, class: 2).end', '  s.each { |v| v }'];
    const text = ["if posthog.is_feature_enabled('x', u)", ...body, 'else', '  old', 'end', 'finish'];
    assert.equal(rb(text, true), [...body.map((l) => l.slice(2)), 'finish'].join('\n'));
    assert.equal(rb(text, false), ['old', 'finish'].join('\n'));
  });

  it('unless swaps the branches', () => {
    const text = ["unless posthog.is_feature_enabled('x', uid)", '  legacy', 'else', '  modern', 'end'];
    assert.equal(rb(text, true), 'modern');
    assert.equal(rb(text, false), 'legacy');
  });

  it('in an elsif chain: keeps the first body when on, turns the elsif into the if when off', () => {
    const text = ["if posthog.is_feature_enabled('x', uid)", '  a', 'elsif other', '  b', 'else', '  c', 'end', 'finish'];
    assert.equal(rb(text, true), ['a', 'finish'].join('\n'));
    assert.equal(rb(text, false), ['if other', '  b', 'else', '  c', 'end', 'finish'].join('\n'));
  });

  it('modifier if/unless: keeps the statement alone, or removes it', () => {
    const text = ['  a', "  notify(user, :welcome) if posthog.is_feature_enabled('x', uid)", '  b'];
    assert.equal(rb(text, true), ['  a', '  notify(user, :welcome)', '  b'].join('\n'));
    assert.equal(rb(text, false), ['  a', '  b'].join('\n'));
    assert.equal(rb(["return if posthog.is_feature_enabled 'x', uid", 'go_on'], true), ['return', 'go_on'].join('\n'));
    assert.equal(rb(["legacy unless posthog.is_feature_enabled('x', uid)", 'go_on'], true), 'go_on');
    assert.equal(rb(["limit = 10 if posthog.is_feature_enabled('x', uid)", 'go_on'], true), ['limit = 10', 'go_on'].join('\n'));
  });

  it('does not read a modifier after a number as an if that opens a block', () => {
    const text = ['def f', "  if posthog.is_feature_enabled('x', u)", '    retries = 3 if slow', '    n += 1 while n < 10', '  end', '  g', 'end'];
    assert.equal(rb(text, true), ['def f', '  retries = 3 if slow', '  n += 1 while n < 10', '  g', 'end'].join('\n'));
    assert.equal(rb(text, false), ['def f', '  g', 'end'].join('\n'));
    assert.equal(rb(['x = 1', "if posthog.is_feature_enabled('x', u)", '  a', 'end'], true), ['x = 1', 'a'].join('\n'));
    assert.equal(rb(['x = 1', "a if posthog.is_feature_enabled('x', u)"], false), 'x = 1\n');
  });

  it('replaces a ternary with the live branch', () => {
    assert.equal(rb(["label = posthog.is_feature_enabled('x', uid) ? 'new' : 'old'"], true), "label = 'new'");
    assert.equal(rb(["label = posthog.is_feature_enabled('x', uid) ? :new : :old"], false), 'label = :old');
    assert.equal(rb(["render(posthog.is_feature_enabled('x', uid) ? Foo::Bar : Baz, 2)"], true), 'render(Foo::Bar, 2)');
    assert.equal(rb(["x = !posthog.is_feature_enabled('x', uid) ? a : b if ready"], true), 'x = b if ready');
  });

  it('refuses shapes it does not understand', () => {
    const refused = (text: string[], why: RegExp): void => assert.match(rb(text, true), why, text.join('\n'));
    refused(["if posthog.is_feature_enabled('x', u) && other", '  a', 'end'], /not the whole condition/);
    refused(["if posthog.is_feature_enabled 'x', u and other", '  a', 'end'], /larger expression/);
    refused(["if posthog.is_feature_enabled('x', u) then a end"], /one-line if/);
    refused(['if a', '  x', "elsif posthog.is_feature_enabled('x', u)", '  y', 'end'], /elsif branch/);
    refused(["v = if posthog.is_feature_enabled('x', u)", '  1', 'end'], /used as a value/);
    refused(["on = posthog.is_feature_enabled('x', u)"], /not the whole condition/);
    refused(["if posthog.is_feature_enabled('x', u)", '  a'], /without its `end`/);
    refused(["if posthog.is_feature_enabled('x', u)", '  s = <<~TXT', '    end', '  TXT', 'end'], /heredoc/);
    refused(["if posthog.is_feature_enabled('x', u)", '  s = %w[if end]', 'end'], /%-literal/);
    refused(['call(a,', "  b) if posthog.is_feature_enabled('x', u)"], /several lines/);
    refused(['call(a, (b', "  )) if posthog.is_feature_enabled('x', u)"], /larger expression/);
    refused(['total = a +', "  b if posthog.is_feature_enabled('x', u)"], /several lines/);
    refused(['xs.each do |x|', '  use(x)', "end if posthog.is_feature_enabled('x', u)"], /on a block/);
    refused(["prepare; run if posthog.is_feature_enabled('x', u)"], /several statements/);
    refused(['v =', "  if posthog.is_feature_enabled('x', u)", '    1', '  end'], /used as a value/);
    refused(["if posthog.is_feature_enabled('x',", '    u)', '  a', 'end'], /.+/);
  });
});
