/**
 * Entry point of the lazily loaded code-intelligence bundle (`dist/codeIntel.js`): builds the
 * scanner-backed providers once, on first use (see register.ts). Nothing here runs at activation.
 */
import type * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { DefinitionCache } from './definitions';
import { DocumentScans } from './documents';
import { EditorState } from './editorState';
import { CodeIntelCompletion, CodeIntelHover, CodeIntelRunLens } from './providers';

export interface CodeIntel extends vscode.Disposable {
  definitions: DefinitionCache;
  completion: CodeIntelCompletion;
  hover: CodeIntelHover;
  runLens: CodeIntelRunLens;
  editors: EditorState;
}

export function createCodeIntel(ctx: Ctx): CodeIntel {
  const scans = new DocumentScans();
  const definitions = new DefinitionCache(ctx);
  const editors = new EditorState(scans, definitions);
  return {
    definitions,
    editors,
    completion: new CodeIntelCompletion(scans, definitions),
    hover: new CodeIntelHover(scans, definitions),
    runLens: new CodeIntelRunLens(scans),
    dispose: () => {
      editors.dispose();
      definitions.dispose();
    },
  };
}
