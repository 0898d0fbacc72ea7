// PostHog code intelligence (issue #19), completion beyond flag keys and event names, in the real host
// against the emulator: variant keys where a flag's variant is compared, property names in a capture payload.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { emulatorList, openFile } from './codeIntelSupport';
import { signInToEmulator, signOutAll } from './support';

interface Flag { key: string; deleted?: boolean; filters: { multivariate?: { variants: { key: string; rollout_percentage: number }[] } | null } }

const labels = (list: vscode.CompletionList) => list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
const completeAt = (doc: vscode.TextDocument, offset: number) =>
  vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(offset), "'");

describe('codeIntel completion: variants', function () {
  this.timeout(90_000);
  let multi: Flag;
  let variants: string[];

  before(async () => {
    await signOutAll();
    await signInToEmulator();
    multi = (await emulatorList<Flag>('feature_flags/')).find((f) => !f.deleted && (f.filters.multivariate?.variants.length ?? 0) > 1)!;
    assert.ok(multi, 'the emulator has a multivariate flag');
    variants = multi.filters.multivariate!.variants.map((v) => v.key);
  });

  const cases: [string, string, (k: string) => string][] = [
    ['ts', 'getFeatureFlag ===', (k) => `if (posthog.getFeatureFlag('${k}') === '|') {}\n`],
    ['tsx', 'useFeatureFlagVariantKey ==', (k) => `import { useFeatureFlagVariantKey } from 'posthog-js/react'\nconst on = useFeatureFlagVariantKey("${k}") == "|"\n`],
    ['ts', 'switch case', (k) => `import posthog from 'posthog-js'\nswitch (posthog.getFeatureFlag('${k}')) {\n  case '|':\n    break\n}\n`],
    ['py', 'get_feature_flag ==', (k) => `import posthog\nif posthog.get_feature_flag('${k}', 'u1') == '|':\n    pass\n`],
    ['tsx', "'…' === useFeatureFlagVariantKey", (k) => `import { useFeatureFlagVariantKey } from 'posthog-js/react'\nconst on = '|' === useFeatureFlagVariantKey('${k}')\n`],
    ['ts', 'comparison split over lines', (k) => `import posthog from 'posthog-js'\nconst on =\n  posthog.getFeatureFlag('${k}')\n  === '|'\n`],
    ['py', '"…" == get_feature_flag', (k) => `import posthog\nif "|" == posthog.get_feature_flag('${k}', 'u1'):\n    pass\n`],
    ['rb', "get_feature_flag == '…'", (k) => `require 'posthog'\nif posthog.get_feature_flag('${k}', 'u1') == '|'\nend\n`],
  ];
  for (const [ext, what, source] of cases) {
    it(`completes the flag's variant keys with their rollout where a variant is compared (${ext}: ${what})`, async () => {
      const src = source(multi.key);
      const doc = await openFile(ext, src.replace('|', ''));
      const list = await completeAt(doc, src.indexOf('|'));
      assert.deepEqual(labels(list).filter((l) => variants.includes(l)), variants);
      const first = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === variants[0])!;
      assert.match(first.detail ?? '', new RegExp(`${multi.filters.multivariate!.variants[0]!.rollout_percentage}% rollout`));
      // inside the flag key: flag keys, not variants
      const inKey = labels(await completeAt(doc, src.indexOf(multi.key) + 1));
      assert.ok(inKey.includes(multi.key) && !inKey.includes(variants[0]!));
    });
  }
});

describe('codeIntel completion: capture properties', function () {
  this.timeout(90_000);
  let props: { name: string; property_type?: string | null }[];

  before(async () => {
    await signOutAll();
    await signInToEmulator();
    props = await emulatorList<{ name: string; property_type?: string | null }>('property_definitions/?type=event');
    assert.ok(props.some((p) => p.property_type), 'the emulator has typed event properties');
  });

  const cases: [string, string][] = [
    ['ts', `import posthog from 'posthog-js'\nposthog.capture('signed_up', { plan: 1, | })\n`],
    ['js', `const client = new PostHog('phc_x')\nclient.capture({ distinctId: 'u', event: 'e', properties: { '|': 1 } })\n`],
    ['py', `import posthog\nposthog.capture('u1', 'signed_up', properties={'|': 1})\n`],
    ['py', `from posthog import Posthog\nposthog.capture('signed_up', distinct_id='u1', properties={"a": 1, "|": 2})\n`],
    ['go', `package main\n// posthog-go\nfunc f() { client.Enqueue(posthog.Capture{DistinctId: "u", Event: "e", Properties: posthog.NewProperties().Set("|", 1)}) }\n`],
    ['rb', `require 'posthog'\nposthog.capture(distinct_id: 'u', event: 'e', properties: { '|' => 1 })\n`],
    ['go', `package main\n// posthog-go\nvar msg = posthog.Capture{DistinctId: "u", Event: "e", Properties: posthog.Properties{"a": 0, "|": 1}}\n`],
    ['rb', `require 'posthog'\nposthog.capture distinct_id: 'u', event: 'e', properties: { '|' => 1 }\n`],
  ];
  for (const [ext, src] of cases) {
    it(`completes the project's event property names with their types in a capture payload (${ext}: ${src.split('\n')[1]!.slice(0, 40)})`, async () => {
      const doc = await openFile(ext, src.replace('|', ''));
      const list = await completeAt(doc, src.indexOf('|'));
      const got = new Map(list.items.map((i) => [typeof i.label === 'string' ? i.label : i.label.label, i]));
      for (const p of props) assert.ok(got.has(p.name), `${p.name} offered`);
      const typed = props.find((p) => p.property_type)!;
      assert.equal(got.get(typed.name)!.detail, `Event property · ${typed.property_type}`);
      // in a value: none of them
      const inValue = labels(await completeAt(doc, src.indexOf('1')));
      assert.ok(!inValue.includes(typed.name));
    });
  }
});
