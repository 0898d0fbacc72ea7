// The PostHog SDK scanner on Python (posthog-python v5 and v6 call shapes), Go (posthog-go structs)
// and Ruby (posthog-ruby keyword arguments): flags, capture, init, comments and strings ignored.
import assert from 'node:assert/strict';
import { scan } from '../../../src/codeIntel/scan/scan';
import type { SdkLanguage } from '../../../src/codeIntel/scan/types';

const flagKeys = (text: string, lang: SdkLanguage) => scan(text, lang).flags.map((f) => [f.method, f.key?.value ?? null]);
const events = (text: string, lang: SdkLanguage) => scan(text, lang).captures.map((c) => [c.event?.value ?? null, c.properties.map((p) => p.name)]);

describe('codeIntel scan: Python', () => {
  it('finds flag checks with either quote, keyword keys, and skips comments, docstrings and f-strings', () => {
    const text = [
      'import posthog',
      '# posthog.feature_enabled("commented-out", "u1")',
      '"""posthog.feature_enabled(\'in-a-docstring\', \'u1\')"""',
      "if posthog.feature_enabled('new-billing', user.distinct_id):",
      '    variant = client.get_feature_flag("pricing-test", "u1")',
      "payload = posthog.get_feature_flag_payload(key='banner-copy', distinct_id='u1')",
      "dyn = posthog.is_feature_enabled(f'flag-{env}', 'u1')",
      "raw = posthog.is_feature_enabled(r'raw\\key', 'u1')",
    ].join('\n');
    assert.deepEqual(flagKeys(text, 'python'), [
      ['feature_enabled', 'new-billing'],
      ['get_feature_flag', 'pricing-test'],
      ['get_feature_flag_payload', 'banner-copy'],
      ['is_feature_enabled', null],
      ['is_feature_enabled', 'raw\\key'],
    ]);
  });

  it('reads capture in the v5 (distinct_id, event, properties) and v6 (event, distinct_id=…) shapes', () => {
    const text = [
      "posthog.capture('user-1', 'signed up', {'plan': 'pro', \"seats\": 3})",
      "posthog.capture('checkout started', distinct_id=user.id, properties={'cart_value': 12})",
      "posthog.capture(user.id, event='invited', properties={})",
      'posthog.capture(user.id, name)',
    ].join('\n');
    assert.deepEqual(events(text, 'python'), [
      ['signed up', ['plan', 'seats']],
      ['checkout started', ['cart_value']],
      ['invited', []],
      [null, []],
    ]);
  });

  it('finds Posthog(...) and module-level api_key / host', () => {
    const text = [
      "client = Posthog('phc_abc', host='https://eu.i.posthog.com')",
      "other = Posthog(project_api_key='phx_secret', host='https://analytics.example.com')",
      "posthog.api_key = 'phc_module'",
      "posthog.host = 'https://us.i.posthog.com'",
    ].join('\n');
    const inits = scan(text, 'python').inits;
    assert.deepEqual(inits.map((i) => [i.method, i.token?.value ?? null, i.host?.value ?? null]), [
      ['Posthog', 'phc_abc', 'https://eu.i.posthog.com'],
      ['Posthog', 'phx_secret', 'https://analytics.example.com'],
      ['posthog.api_key', 'phc_module', null],
      ['posthog.host', null, 'https://us.i.posthog.com'],
    ]);
  });

  it('finds # hogql strings on the next line and self-marked triple-quoted strings', () => {
    const text = ['q = (  # hogql', '    "SELECT count() FROM events"', ')', 's = """-- hogql', 'SELECT 1"""', 'n = "SELECT 2"  # not marked before'].join('\n');
    const h = scan(text, 'python').hogql.map((x) => text.slice(x.contentStart, x.contentEnd));
    assert.deepEqual(h, ['SELECT count() FROM events', '-- hogql\nSELECT 1']);
  });
});

describe('codeIntel scan: Go', () => {
  it('finds flag checks through FeatureFlagPayload{Key: …} and skips comments', () => {
    const text = [
      'import "github.com/posthog/posthog-go"',
      '// client.IsFeatureEnabled(posthog.FeatureFlagPayload{Key: "commented"})',
      '/* client.GetFeatureFlag(posthog.FeatureFlagPayload{Key: "block"}) */',
      'enabled, err := client.IsFeatureEnabled(posthog.FeatureFlagPayload{',
      '\tKey:        "new-api",',
      '\tDistinctId: user.ID,',
      '})',
      'variant, _ := client.GetFeatureFlag(posthog.FeatureFlagPayload{Key: `raw-key`, DistinctId: "u1"})',
      'p, _ := client.GetFeatureFlagPayload(posthog.FeatureFlagPayload{DistinctId: "u1", Key: keyVar})',
    ].join('\n');
    assert.deepEqual(flagKeys(text, 'go'), [
      ['IsFeatureEnabled', 'new-api'],
      ['GetFeatureFlag', 'raw-key'],
      ['GetFeatureFlagPayload', null],
    ]);
  });

  it('reads Enqueue(posthog.Capture{Event, Properties}) with NewProperties().Set chains and map literals', () => {
    const text = [
      'client.Enqueue(posthog.Capture{',
      '\tDistinctId: "u1",',
      '\tEvent:      "order placed",',
      '\tProperties: posthog.NewProperties().Set("plan", "pro").Set("total", 12),',
      '})',
      'client.Enqueue(posthog.Capture{DistinctId: "u1", Event: "signed up", Properties: posthog.Properties{"source": "ad"}})',
    ].join('\n');
    assert.deepEqual(events(text, 'go'), [
      ['order placed', ['plan', 'total']],
      ['signed up', ['source']],
    ]);
  });

  it('finds FeatureFlagPayload{Key: …} and Capture{Event: …} literals built apart from their call, once', () => {
    const text = [
      'payload := posthog.FeatureFlagPayload{Key: "go-struct-flag", DistinctId: "u1"}',
      'on, _ := client.IsFeatureEnabled(payload)',
      'inline, _ := client.GetFeatureFlag(posthog.FeatureFlagPayload{Key: "go-inline", DistinctId: "u1"})',
      'msg := &posthog.Capture{DistinctId: "u1", Event: "go_struct_event", Properties: posthog.Properties{"plan": "pro", "seats": 3}}',
      'client.Enqueue(msg)',
      'other := mylib.Capture{Event: "not-posthog"}',
    ].join('\n');
    assert.deepEqual(flagKeys(text, 'go'), [
      ['FeatureFlagPayload', 'go-struct-flag'],
      ['IsFeatureEnabled', null],
      ['GetFeatureFlag', 'go-inline'],
    ]);
    assert.equal(scan(text, 'go').flags[0]!.kind, 'struct');
    assert.deepEqual(events(text, 'go'), [
      ['go_struct_event', ['plan', 'seats']],
      [null, []],
    ]);
  });

  it('finds posthog.New and NewWithConfig with Endpoint', () => {
    const text = 'client := posthog.New("phc_abc")\nc2, _ := posthog.NewWithConfig("phx_secret", posthog.Config{Endpoint: "https://eu.i.posthog.com"})';
    assert.deepEqual(scan(text, 'go').inits.map((i) => [i.method, i.token?.value, i.host?.value ?? null, i.hostOption ?? null]), [
      ['New', 'phc_abc', null, null],
      ['NewWithConfig', 'phx_secret', 'https://eu.i.posthog.com', 'Endpoint'],
    ]);
  });
});

describe('codeIntel scan: Ruby', () => {
  it('finds flag checks, predicate names intact, and skips comments and =begin blocks', () => {
    const text = [
      "require 'posthog'",
      "# posthog.is_feature_enabled('commented', 'u1')",
      '=begin',
      "posthog.get_feature_flag('in-begin-block', 'u1')",
      '=end',
      "if posthog.is_feature_enabled('new-billing', user.id)",
      '  variant = posthog.get_feature_flag("pricing-test", "u1")',
      'end',
      'dyn = posthog.get_feature_flag_payload("flag-#{env}", "u1")',
      'ok = user.enabled?',
    ].join('\n');
    assert.deepEqual(flagKeys(text, 'ruby'), [
      ['is_feature_enabled', 'new-billing'],
      ['get_feature_flag', 'pricing-test'],
      ['get_feature_flag_payload', null],
    ]);
  });

  it('reads capture(distinct_id:, event:, properties:) in both hash syntaxes', () => {
    const text = [
      "posthog.capture(distinct_id: 'u1', event: 'signed up', properties: { plan: 'pro', 'seats' => 3 })",
      "posthog.capture({ :distinct_id => 'u1', :event => \"invited\", :properties => { :source => 'ad' } })",
    ].join('\n');
    // the second form passes one hash: its keys are read from the braces
    const c = scan(text, 'ruby').captures;
    assert.deepEqual([c[0]!.event?.value, c[0]!.properties.map((p) => p.name)], ['signed up', ['plan', 'seats']]);
    assert.deepEqual([c[1]!.event?.value, c[1]!.properties.map((p) => p.name)], ['invited', ['source']]);
  });

  it('finds calls without parentheses, to the end of the line (a trailing comma goes on)', () => {
    const text = [
      "if posthog.is_feature_enabled 'rb-bare', user.id",
      'end',
      "variant = posthog.get_feature_flag \"rb-variant\", user.id, person_properties: { plan: 'pro' } if ready",
      "posthog.capture distinct_id: user.id, event: 'rb_bare_event',",
      "  properties: { plan: 'pro', 'seats' => 3 }",
      "posthog.capture(distinct_id: 'u', event: 'rb_parens')",
      'posthog.is_feature_enabled',
      "  'not-an-argument'",
    ].join('\n');
    assert.deepEqual(flagKeys(text, 'ruby'), [
      ['is_feature_enabled', 'rb-bare'],
      ['get_feature_flag', 'rb-variant'],
    ]);
    assert.deepEqual(events(text, 'ruby'), [
      ['rb_bare_event', ['plan', 'seats']],
      ['rb_parens', []],
    ]);
    // the call ends with its last argument, before `if`
    const f = scan(text, 'ruby').flags[1]!;
    assert.ok(text.slice(f.nameStart, f.end).endsWith("plan: 'pro' }"), text.slice(f.nameStart, f.end));
  });

  it('reads a symbol as no flag key: posthog-ruby compares the key with the flag list\'s string keys', () => {
    assert.deepEqual(flagKeys("posthog.is_feature_enabled(:rb_symbol, 'u1')\nposthog.is_feature_enabled :rb_symbol, 'u1'", 'ruby'), [['is_feature_enabled', null]]);
  });

  it('finds PostHog::Client.new(api_key:, host:)', () => {
    const [i] = scan("posthog = PostHog::Client.new(api_key: 'phc_abc', host: 'https://eu.i.posthog.com', on_error: proc {})", 'ruby').inits;
    assert.equal(i!.method, 'PostHog::Client.new');
    assert.equal(i!.token!.value, 'phc_abc');
    assert.equal(i!.host!.value, 'https://eu.i.posthog.com');
  });
});
