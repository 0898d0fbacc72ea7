// PostHog code intelligence (issue #19), completion beyond flag keys and event names, in the real host
// against the emulator: variant keys where a flag's variant is compared.
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
    ['py', 'get_feature_flag ==', (k) => `import posthog\nif posthog.get_feature_flag('${k}', 'u1') == '|':\n    pass\n`],
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
