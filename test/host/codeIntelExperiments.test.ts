// PostHog code intelligence (issue #19) in the real host against the emulator: the inline status after
// a call of a flag linked to experiments says each experiment's status (draft / running / complete), and
// the hover of its key names the experiment with its state.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from '../support/waitFor';
import { emulatorList, openFile } from './codeIntelSupport';
import { signInToEmulator, signOutAll } from './support';

interface Flag { key: string; deleted?: boolean; experiment_set?: number[] }
interface Experiment { id: number; name: string; start_date: string | null; end_date: string | null; archived?: boolean; feature_flag_key: string }

/** PostHog's rule, restated from the API's fields: no start is a draft, an end is complete. */
const stateOf = (e: Experiment) => (!e.start_date ? 'draft' : e.end_date ? 'complete' : 'running');

describe('codeIntel inline status: experiments', function () {
  this.timeout(90_000);

  before(async () => {
    await signOutAll();
    await signInToEmulator();
  });

  it('says "experiment draft / running / complete" after calls of flags linked to experiments', async () => {
    const experiments = (await emulatorList<Experiment>('experiments/')).filter((e) => !e.archived);
    const flags = (await emulatorList<Flag>('feature_flags/')).filter((f) => !f.deleted && f.experiment_set?.length === 1);
    const byId = new Map(experiments.map((e) => [e.id, e]));
    const linked = flags.filter((f) => byId.has(f.experiment_set![0]!));
    const states = new Set(linked.map((f) => stateOf(byId.get(f.experiment_set![0]!)!)));
    assert.ok(linked.length >= 2 && states.size >= 2, `the emulator has flags linked to experiments in several states (${[...states]})`);
    const text = `import posthog from 'posthog-js'\n${linked.map((f) => `posthog.getFeatureFlag('${f.key}')`).join('\n')}\n`;
    const doc = await openFile('ts', text);
    const shown = await waitFor(async () => {
      const s = await vscode.commands.executeCommand<{ line: number; text: string }[]>('hogql.codeIntel.inlineStatusOf', doc.uri.toString());
      return s.length === linked.length ? s : undefined;
    }, 20_000, 'an inline status per flag call');
    linked.forEach((f, i) => {
      const want = ` · experiment ${stateOf(byId.get(f.experiment_set![0]!)!)}`;
      assert.ok(shown[i]!.text.startsWith(`${f.key}: `) && shown[i]!.text.endsWith(want), `${shown[i]!.text} ends with "${want}"`);
    });
  });

  it("hovers the key of a flag linked to an experiment with the experiment's name and state", async () => {
    const experiments = (await emulatorList<Experiment>('experiments/')).filter((e) => !e.archived);
    const flags = (await emulatorList<Flag>('feature_flags/')).filter((f) => !f.deleted && f.experiment_set?.length === 1);
    const byId = new Map(experiments.map((e) => [e.id, e]));
    const f = flags.find((x) => byId.has(x.experiment_set![0]!))!;
    const e = byId.get(f.experiment_set![0]!)!;
    const text = `import posthog from 'posthog-js'\nif (posthog.isFeatureEnabled('${f.key}')) {}\n`;
    const doc = await openFile('ts', text);
    const hover = await waitFor(async () => {
      const hs = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(text.indexOf(f.key) + 1));
      // the text as read: appendText escapes spaces as &nbsp; and punctuation with \
      const t = hs.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
      return t.includes('Experiment') ? t : undefined;
    }, 20_000, 'a hover with the experiment');
    const state = stateOf(e);
    assert.ok(hover.includes(`Experiment "${e.name}" #${e.id}: ${state}`), hover);
    if (state === 'running') assert.ok(hover.includes(`since ${e.start_date!.slice(0, 10)}`), hover);
  });
});
