// Source text for the PostHog SDK scanner's benchmark (scripts/bench/codeIntelScan.ts) and its
// differential test (test/unit/codeIntel/scanDifferential.test.ts).

/** A realistic 1,000-line TS module: 50 blocks of 20 lines. */
export function generateTs(lines = 1_000): string {
  const block = (i: number): string[] => [
    `// block ${i}: posthog.isFeatureEnabled('commented-${i}') must be ignored`,
    `export async function handler${i}(req: Request, user: { id: string; plan?: string }): Promise<Response> {`,
    `  const url = new URL(req.url); const re = /["'\`]+\\/${i}/g;`,
    `  if (posthog.isFeatureEnabled('flag-${i}')) {`,
    `    posthog.capture('event ${i}', { plan: user.plan, 'step ${i}': ${i}, url })`,
    `  }`,
    `  const variant = posthog.getFeatureFlag("experiment-${i % 7}") as string | undefined`,
    `  const msg = \`hello \${user.id} from \${variant ?? 'control'} at ${i}\``,
    `  const payload = posthog.getFeatureFlagPayload(\`payload-${i}\`)`,
    `  /* multi-line comment with "quotes" and 'more' quotes`,
    `     posthog.capture('not-real') */`,
    `  const total = [1, 2, 3].reduce((a, b) => a + b, 0) / 2;`,
    `  await client.capture({ distinctId: user.id, event: 'server ${i}', properties: { total, ok: true } })`,
    `  const on = useFeatureFlagEnabled('hook-${i}')`,
    `  for (const k of Object.keys(payload ?? {})) console.log(k, msg, on);`,
    `  return new Response(JSON.stringify({ variant, total }), { status: 200 });`,
    `}`,
    `const q${i} = hogql\`SELECT count() FROM events WHERE event = 'event ${i}'\``,
    `type T${i} = { a: string; b: number; c?: Array<Record<string, unknown>> };`,
    ``,
  ];
  const out: string[] = ["import posthog from 'posthog-js'", "import { useFeatureFlagEnabled } from 'posthog-js/react'"];
  for (let i = 0; out.length < lines; i++) out.push(...block(i));
  return out.slice(0, lines).join('\n');
}

/** Python, Go and Ruby modules with every call shape the scanner reads, comments and strings around them. */
export const OTHER_SAMPLES: Record<'python' | 'go' | 'ruby', string> = {
  python: [
    'import posthog',
    "posthog.api_key = 'phc_abc'",
    "posthog.host = 'https://eu.i.posthog.com'",
    "client = Posthog('phc_x', host='https://us.i.posthog.com')",
    '# posthog.feature_enabled("commented-out", "u1")',
    '"""posthog.feature_enabled(\'in-a-docstring\', \'u1\')"""',
    "if posthog.feature_enabled('new-billing', user.distinct_id):",
    '    variant = client.get_feature_flag("pricing-test", "u1")',
    "payload = posthog.get_feature_flag_payload(key='banner-copy', distinct_id='u1')",
    "dyn = posthog.is_feature_enabled(f'flag-{env}', 'u1')",
    "raw = posthog.is_feature_enabled(rb'raw\\key', 'u1')",
    "posthog.capture('user-1', 'signed up', {'plan': 'pro', \"seats\": 3})",
    "posthog.capture('checkout started', distinct_id=user.id, properties={'cart_value': 12})",
    '# hogql',
    "q = '''SELECT count() FROM events'''",
    'q2 = """-- hogql\nSELECT 1"""',
    "q3 = f'{x}' if a == b else u'\\''",
  ].join('\n'),
  go: [
    'client, _ := posthog.NewWithConfig("phc_go", posthog.Config{Endpoint: "https://eu.i.posthog.com"})',
    '// client.IsFeatureEnabled(posthog.FeatureFlagPayload{Key: "commented"})',
    'on, _ := client.IsFeatureEnabled(posthog.FeatureFlagPayload{Key: "go-flag", DistinctId: "u"})',
    'v, _ := client.GetFeatureFlag(posthog.FeatureFlagPayload{Key: `raw-key`})',
    'client.Enqueue(posthog.Capture{DistinctId: "u", Event: "go event", Properties: posthog.NewProperties().Set("plan", "pro").Set("n", 1)})',
    'client.Enqueue(posthog.Capture{Event: "with map", Properties: map[string]interface{}{"a": 1}})',
    's := `multi\nline ` + "str\\"ing"',
  ].join('\n'),
  ruby: [
    "posthog = PostHog::Client.new(api_key: 'phc_rb', host: 'https://eu.i.posthog.com')",
    "# posthog.is_feature_enabled('commented', 'u')",
    '=begin',
    "posthog.is_feature_enabled('in-begin', 'u')",
    '=end',
    "if posthog.is_feature_enabled('rb-flag', 'u') then end",
    'v = posthog.get_feature_flag("rb-#{x}", "u")',
    "posthog.capture(distinct_id: 'u', event: 'rb event', properties: { plan: 'pro', 'seats' => 2, :x => 1 })",
    "posthog.capture({ :event => 'hash event', :properties => {} })",
    'ok = valid? && save!',
  ].join('\n'),
};

/** Pieces that random documents are made of: the scanner's names, quotes, comments and brackets. */
const PIECES = [
  'posthog', '.', 'isFeatureEnabled', 'getFeatureFlag', 'feature_enabled', 'get_feature_flag_payload', 'IsFeatureEnabled',
  'is_feature_enabled', 'useFeatureFlagEnabled', 'onFeatureFlags', 'capture', 'Enqueue', 'init', 'new', 'PostHog', 'Posthog',
  'Client', '::', 'New', 'NewWithConfig', '<PostHogFeature', 'flag', 'hogql', 'api_key', 'host', 'api_host', 'ui_host',
  'event', 'properties', 'Key', 'Event', 'Properties', 'Set', 'key', '(', ')', '{', '}', '[', ']', ',', ':', '=', '>', '<',
  "'", '"', '`', '${', '#{', '\\', '/', '*', '/*', '*/', '//', '/* hogql */', '# hogql', '#', '"""', "'''", 'f', 'r', 'b',
  '=begin', '=end', '\n', ' ', '  ', '\t', 'x', 'a1', '42', '3.14', '?', '!', ';', '-', '+', "'flag-a'", '"ev"', '`t`',
  'return', 'typeof', 'é', '😀', '\r\n',
  // whole calls, so that random documents hold many well-formed ones among the debris
  "posthog.isFeatureEnabled('k1')", 'client.get_feature_flag("k2", "u")', "posthog.capture('ev', { a: 1, 'b c': x })",
  "client.capture({ event: 'e2', properties: { p: 1 } })", 'client.IsFeatureEnabled(posthog.FeatureFlagPayload{Key: "g"})',
  "posthog.capture(distinct_id: 'u', event: 'r', properties: { :q => 1 })", "posthog.init('phc_t', { api_host: 'h' })",
  'hogql`SELECT 1`', "<PostHogFeature flag={'c'}>", 'posthog.Capture{Event: "ge", Properties: posthog.NewProperties().Set("s", 1)}',
];

/** A seeded document of `n` random pieces (mulberry32, so a failure names a reproducible seed). */
export function randomDocument(seed: number, n: number): string {
  let a = seed >>> 0;
  const rand = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let out = '';
  for (let i = 0; i < n; i++) out += PIECES[Math.floor(rand() * PIECES.length)];
  return out;
}
