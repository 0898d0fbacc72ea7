// The PostHog SDK scanner on TypeScript/JavaScript/JSX: posthog-js, its React hooks and component,
// posthog-node; strings with both quotes, templates, comments and regexes that must not fool it.
import assert from 'node:assert/strict';
import { scan } from '../../../src/codeIntel/scan/scan';

const keys = (text: string) => scan(text, 'js').flags.map((f) => [f.method, f.key?.value ?? null]);

describe('codeIntel scan: TypeScript / JavaScript', () => {
  it('finds posthog-js flag checks with either quote and templates without substitutions', () => {
    const text = [
      "import posthog from 'posthog-js'",
      "if (posthog.isFeatureEnabled('new-checkout')) render()",
      'const v = posthog.getFeatureFlag("pricing-test")',
      'const p = posthog.getFeatureFlagPayload(`onboarding`)',
      'posthog.onFeatureFlags(() => setReady(true))',
    ].join('\n');
    assert.deepEqual(keys(text), [
      ['isFeatureEnabled', 'new-checkout'],
      ['getFeatureFlag', 'pricing-test'],
      ['getFeatureFlagPayload', 'onboarding'],
      ['onFeatureFlags', null],
    ]);
    const f = scan(text, 'js').flags[0]!;
    assert.equal(text.slice(f.key!.contentStart, f.key!.contentEnd), 'new-checkout');
    assert.equal(text.slice(f.key!.start, f.key!.end), "'new-checkout'");
    assert.equal(text.slice(f.nameStart, f.nameEnd), 'isFeatureEnabled');
    assert.equal(text.slice(f.end - 1, f.end), ')');
    assert.equal(scan(text, 'js').flags[1]!.kind, 'variant');
  });

  it('marks a template with a substitution as not literal', () => {
    const [f] = scan('posthog.isFeatureEnabled(`flag-${env}`)', 'js').flags;
    assert.ok(f!.key);
    assert.equal(f!.key!.value, undefined);
  });

  it('ignores calls in comments, strings and regexes', () => {
    const text = [
      "// posthog.isFeatureEnabled('in-line-comment')",
      "/* posthog.isFeatureEnabled('in-block-comment') */",
      "const s = \"posthog.isFeatureEnabled('in-a-string')\"",
      "const t = `posthog.isFeatureEnabled('in-a-template')`",
      "const r = /posthog.isFeatureEnabled('in-a-regex\")/",
      "const half = a / 2; posthog.isFeatureEnabled('real') // / 3",
    ].join('\n');
    assert.deepEqual(keys(text), [['isFeatureEnabled', 'real']]);
  });

  it('finds calls inside a template substitution', () => {
    assert.deepEqual(keys("const s = `${posthog.isFeatureEnabled('inside') ? 'a' : `b${x}`}` + posthog.getFeatureFlag('after')"), [
      ['isFeatureEnabled', 'inside'],
      ['getFeatureFlag', 'after'],
    ]);
  });

  it('finds the React hooks and <PostHogFeature flag="…">', () => {
    const text = [
      "import { useFeatureFlagEnabled, useFeatureFlagVariantKey, useFeatureFlagPayload, PostHogFeature } from 'posthog-js/react'",
      'export function Banner() {',
      "  const on = useFeatureFlagEnabled('banner')",
      '  const variant = useFeatureFlagVariantKey("hero-test")',
      "  const payload = useFeatureFlagPayload('banner-copy')",
      '  return <PostHogFeature flag="beta-panel" match={true}><Panel /></PostHogFeature>',
      '}',
      "const other = <PostHogFeature flag={'braced'} />",
    ].join('\n');
    assert.deepEqual(keys(text), [
      ['useFeatureFlagEnabled', 'banner'],
      ['useFeatureFlagVariantKey', 'hero-test'],
      ['useFeatureFlagPayload', 'banner-copy'],
      ['PostHogFeature', 'beta-panel'],
      ['PostHogFeature', 'braced'],
    ]);
  });

  it('finds posthog-node flag checks with a distinct id, and an unterminated key while typing', () => {
    const text = "const on = await client.isFeatureEnabled('new-api', user.id, { personProperties: { plan } })\nclient.getFeatureFlag('";
    const flags = scan(text, 'js').flags;
    assert.deepEqual(flags.map((f) => f.key?.value), ['new-api', '']);
    assert.equal(flags[1]!.key!.contentStart, text.length);
    assert.equal(flags[1]!.key!.contentEnd, text.length);
  });

  it('finds capture calls: posthog-js (event, properties) and posthog-node ({ event, properties })', () => {
    const text = [
      "posthog.capture('checkout started', { plan: 'pro', 'cart value': 12, seats })",
      "client.capture({ distinctId: user.id, event: \"signed up\", properties: { source: 'ad' } })",
      'posthog.capture(eventName)',
    ].join('\n');
    const c = scan(text, 'js').captures;
    assert.deepEqual(c.map((x) => [x.event?.value ?? null, x.properties.map((p) => p.name)]), [
      ['checkout started', ['plan', 'cart value', 'seats']],
      ['signed up', ['source']],
      [null, []],
    ]);
    const p = c[0]!.properties[1]!;
    assert.equal(text.slice(p.start, p.end), "'cart value'");
  });

  it('finds posthog.init and new PostHog with token and host options', () => {
    const text = [
      "posthog.init('phc_abc', { api_host: 'https://eu.i.posthog.com', ui_host: 'https://eu.posthog.com' })",
      "const client = new PostHog(\"phx_secret\", { host: 'https://proxy.example.com' })",
    ].join('\n');
    const [a, b] = scan(text, 'js').inits;
    assert.equal(a!.token!.value, 'phc_abc');
    assert.equal(a!.host!.value, 'https://eu.i.posthog.com');
    assert.equal(a!.hostOption, 'api_host');
    assert.equal(a!.uiHost!.value, 'https://eu.posthog.com');
    assert.equal(b!.method, 'PostHog');
    assert.equal(b!.token!.value, 'phx_secret');
    assert.equal(b!.host!.value, 'https://proxy.example.com');
    assert.equal(scan('somethingElse.init("phc_x")', 'js').inits.length, 0);
  });

  it('finds hogql tagged templates and /* hogql */ strings, not other tags', () => {
    const text = [
      'const q = hogql`SELECT event FROM events LIMIT 10`',
      'const d = hogql`SELECT ${col} FROM events`',
      "const m = /* hogql */ 'SELECT 1'",
      'const s = sql`SELECT 2`',
      'const x = obj.hogql`not a tag of ours`',
    ].join('\n');
    const h = scan(text, 'js').hogql;
    assert.deepEqual(h.map((x) => [text.slice(x.contentStart, x.contentEnd), x.dynamic]), [
      ['SELECT event FROM events LIMIT 10', false],
      ['SELECT ${col} FROM events', true],
      ['SELECT 1', false],
    ]);
  });

  it('does not take a method of another object without a receiver, nor a bare capture()', () => {
    assert.deepEqual(keys("isFeatureEnabled('bare')\ncapture('bare')"), []);
    assert.equal(scan("capture('bare')", 'js').captures.length, 0);
  });
  it('reads JSX tag ends after `}` and closing tags as tags, not regex starts that hide later calls', () => {
    const text = [
      "const a = <Foo bar={x} />{posthog.isFeatureEnabled('after-self-closing')}",
      "const b = <Button onClick={() => {}} />{posthog.getFeatureFlag('after-handler')}",
      "const c = <b>Beta</b>{posthog.isFeatureEnabled('after-closing-tag')}",
      "const d = <><i>x</i></>{posthog.isFeatureEnabled('after-fragment')}",
      "const e = <Foo.Bar x={1}></Foo.Bar>{posthog.isFeatureEnabled('after-member-tag')}",
    ].join('\n');
    assert.deepEqual(keys(text), [
      ['isFeatureEnabled', 'after-self-closing'],
      ['getFeatureFlag', 'after-handler'],
      ['isFeatureEnabled', 'after-closing-tag'],
      ['isFeatureEnabled', 'after-fragment'],
      ['isFeatureEnabled', 'after-member-tag'],
    ]);
  });

  it('still reads a regex after `}` or `<` when it is not a tag end', () => {
    const text = [
      "if (x) {}\n/posthog.isFeatureEnabled('in-regex-after-block')/.test(s)",
      "const lt = n < /posthog.isFeatureEnabled('in-regex-after-lt')/.source.length",
    ].join('\n');
    assert.deepEqual(keys(text), []);
  });
});
