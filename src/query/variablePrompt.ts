import * as vscode from 'vscode';
import { dateProblem, numberProblem, typedValue, valueText, type RunVariable } from './variables';

/**
 * Asks for the value of one SQL variable, with a picker typed by its type: List → a quick pick of
 * its values (several for a multi List), Boolean → true/false, Number → an input box that takes
 * numbers only, Date → an input box that takes YYYY-MM-DD[ HH:MM[:SS]], else text. `start` is
 * pre-selected or pre-filled. Undefined when the user cancels.
 */
export async function askVariable(v: RunVariable, start: unknown): Promise<unknown> {
  const title = `PostHog: {variables.${v.code_name}} — ${v.name} (${v.type})`;
  if (v.type === 'List' && v.values?.length) return pickListValue(v, start, title);
  if (v.type === 'Boolean') {
    const current = start === true || start === 'true';
    const items = ['true', 'false'].map((label) => ({ label, description: (label === 'true') === current ? 'current' : undefined }));
    const picked = await pick(items, title, current ? 0 : 1);
    return picked === undefined ? undefined : typedValue('Boolean', picked[0].label);
  }
  const validateInput = v.type === 'Number' ? numberProblem : v.type === 'Date' ? dateProblem : undefined;
  const typed = await vscode.window.showInputBox({
    title,
    prompt: 'Starts from the last value used in this file, else the variable\'s default in PostHog. Remembered for this file.',
    value: valueText(start),
    ignoreFocusOut: true,
    ...(validateInput ? { validateInput } : {}),
  });
  return typed === undefined ? undefined : typedValue(v.type, v.type === 'Number' ? typed.trim() : typed);
}

async function pickListValue(v: RunVariable, start: unknown, title: string): Promise<unknown> {
  const chosen = new Set((Array.isArray(start) ? start : [start]).map(String));
  const items = (v.values ?? []).map((label) => ({ label, picked: chosen.has(label) }));
  const active = Math.max(0, items.findIndex((i) => i.picked));
  const picked = await pick(items, title, active, v.is_multi === true);
  if (picked === undefined) return undefined;
  return v.is_multi === true ? picked.map((i) => i.label) : picked[0]?.label;
}

/** A quick pick with item `active` focused (so Enter takes it); the picked items, or undefined. */
function pick<T extends vscode.QuickPickItem>(items: T[], title: string, active: number, many = false): Promise<readonly T[] | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<T>();
    qp.title = title;
    qp.items = items;
    qp.canSelectMany = many;
    qp.ignoreFocusOut = true;
    if (many) qp.selectedItems = items.filter((i) => i.picked);
    else if (items[active]) qp.activeItems = [items[active]];
    let done = false;
    qp.onDidAccept(() => {
      done = true;
      const result = many ? qp.selectedItems : qp.activeItems.slice(0, 1);
      qp.hide();
      resolve(result.length || many ? result : undefined);
    });
    qp.onDidHide(() => {
      qp.dispose();
      if (!done) resolve(undefined);
    });
    qp.show();
  });
}
