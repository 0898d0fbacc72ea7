/**
 * Entry point of the lazily loaded code-intelligence bundle (`dist/codeIntel.js`): builds the
 * scanner-backed providers once, on first use (see register.ts). Nothing here runs at activation:
 * the providers that only matter once such a file is open (quick fixes, links, volume CodeLens)
 * are registered here, when the bundle loads.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { config } from '../config';
import { disposeAll } from '../ui/lifecycle';
import { CodeIntelActions } from './actions';
import { officialInstalled, pretendOfficialInstalled } from './coexist';
import { noticeOfficialOnce } from './coexistNotice';
import type { notify as Notify } from '../ui/notify';
import { DefinitionCache } from './definitions';
import { DocumentScans } from './documents';
import { EditorState } from './editorState';
import { SDK_LANGUAGE_IDS } from './gate';
import { FlagLinks } from './links';
import { CodeIntelCompletion, CodeIntelHover, CodeIntelRunLens } from './providers';
import { showFlagReferences } from './references';
import { StaleFlagsView } from './staleView';
import { VolumeLens } from './volume';

export interface CodeIntel extends vscode.Disposable {
  definitions: DefinitionCache;
  completion: CodeIntelCompletion;
  hover: CodeIntelHover;
  runLens: CodeIntelRunLens;
  editors: EditorState;
  volume: VolumeLens;
  stale: StaleFlagsView;
  actions: CodeIntelActions;
  showFlagReferences: typeof showFlagReferences;
  /** Test builds only (see register.ts): as if the official extension were (not) installed, then the notice. */
  pretendOfficial(on: boolean | undefined): Promise<void>;
}

/** `notify` is the activation bundle's (see coexistNotice.ts). */
export function createCodeIntel(ctx: Ctx, notify: typeof Notify): CodeIntel {
  const scans = new DocumentScans();
  const definitions = new DefinitionCache(ctx);
  const editors = new EditorState(scans, definitions);
  const volume = new VolumeLens(ctx, scans, () => config.codeIntelEventVolume());
  const stale = new StaleFlagsView(definitions);
  const actions = new CodeIntelActions(ctx, scans, definitions);
  const selector = SDK_LANGUAGE_IDS.map((language) => ({ language }));
  const l = vscode.languages;
  const disposables: vscode.Disposable[] = [
    l.registerCodeActionsProvider(selector, actions, CodeIntelActions.metadata),
    l.registerDocumentLinkProvider(selector, new FlagLinks(scans)),
    l.registerCodeLensProvider(selector, volume),
  ];
  void noticeOfficialOnce(ctx, notify, officialInstalled());
  vscode.workspace.onDidCloseTextDocument((d) => volume.forget(d.uri.toString()), undefined, disposables);
  return {
    definitions,
    editors,
    volume,
    stale,
    actions,
    showFlagReferences,
    pretendOfficial: async (on) => {
      pretendOfficialInstalled(on);
      await noticeOfficialOnce(ctx, notify, officialInstalled());
      editors.refreshOpen();
    },
    completion: new CodeIntelCompletion(scans, definitions),
    hover: new CodeIntelHover(scans, definitions),
    runLens: new CodeIntelRunLens(scans),
    dispose: () => {
      disposeAll(disposables);
      volume.dispose();
      stale.dispose();
      editors.dispose();
      definitions.dispose();
    },
  };
}
