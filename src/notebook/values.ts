/**
 * Placeholder values of a notebook: `{name}` and `{variables.x}` values live in the notebook's
 * metadata (so in the file, beside the cells that use them), not in workspace state as for a
 * `.hogql` file. Missing ones are asked once (the same prompts as the query runner's, from
 * src/query/) and written into the notebook with one edit (the notebook becomes dirty).
 */
import * as vscode from 'vscode';
import { parseValue, valueNames } from '../query/target';
import { askVariable } from '../query/variablePrompt';
import { startingValue, variableNames, variablesPayload, type RunVariable, type SentVariable } from '../query/variables';
import type { NotebookMeta } from './serializer';

export interface CellValues {
  values: Record<string, unknown>;
  variables?: Record<string, SentVariable>;
}

export function metaOf(nb: vscode.NotebookDocument): NotebookMeta {
  const m = nb.metadata as Partial<NotebookMeta>;
  return { ...m, values: { ...m.values }, variables: { ...m.variables } };
}

async function askValue(name: string, previous: unknown): Promise<unknown> {
  const typed = await vscode.window.showInputBox({
    title: `PostHog: value for {${name}}`,
    prompt: 'Numbers and true/false are sent as such; anything else as a string. Saved in this notebook.',
    value: previous === undefined ? '' : String(previous),
    ignoreFocusOut: true,
  });
  return typed === undefined ? undefined : parseValue(typed);
}

/** Writes the notebook's values (one undoable edit; saved with the file). */
export async function saveMeta(nb: vscode.NotebookDocument, meta: NotebookMeta): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.set(nb.uri, [vscode.NotebookEdit.updateNotebookMetadata({ ...nb.metadata, ...meta })]);
  await vscode.workspace.applyEdit(edit);
}

/**
 * The values for one cell's query, asking for those the notebook lacks (all of them when `ask`).
 * `known`: the project's SQL variables (only needed when the query uses `{variables.x}`).
 * Undefined when the user cancelled a prompt.
 */
export async function resolveCellValues(nb: vscode.NotebookDocument, query: string, known: readonly RunVariable[], ask = false): Promise<CellValues | undefined> {
  const meta = metaOf(nb);
  let changed = false;
  const values: Record<string, unknown> = {};
  for (const name of valueNames(query)) {
    if (!ask && name in meta.values) {
      values[name] = meta.values[name];
      continue;
    }
    const value = await askValue(name, meta.values[name]);
    if (value === undefined) return undefined;
    values[name] = meta.values[name] = value;
    changed = true;
  }
  const names = variableNames(query);
  for (const name of names) {
    const v = known.find((k) => k.code_name === name);
    if (!v || (!ask && name in meta.variables)) continue;
    const value = await askVariable(v, startingValue(v, meta.variables[name]));
    if (value === undefined) return undefined;
    meta.variables[name] = value;
    changed = true;
  }
  if (changed) await saveMeta(nb, meta);
  const variables = variablesPayload(names, known, meta.variables);
  return Object.keys(variables).length ? { values, variables } : { values };
}
