/** Completion provider: `completionContext` of the core + vocabulary + the project's names. */
import * as vscode from 'vscode';
import { config } from '../config';
import type { Ctx } from '../ctx';
import type { NameCatalog, ProjectNames } from './catalog';
import { toRange } from './convert';
import { completionContext } from './hogql/completion';
import { completionItems, type Item, type ItemKind, type NameSources } from './completionItems';

const KINDS: Record<ItemKind, vscode.CompletionItemKind> = {
  keyword: vscode.CompletionItemKind.Keyword,
  function: vscode.CompletionItemKind.Function,
  table: vscode.CompletionItemKind.Class,
  cte: vscode.CompletionItemKind.Reference,
  field: vscode.CompletionItemKind.Field,
  column: vscode.CompletionItemKind.Field,
  alias: vscode.CompletionItemKind.Variable,
  property: vscode.CompletionItemKind.Property,
  event: vscode.CompletionItemKind.Value,
  type: vscode.CompletionItemKind.TypeParameter,
  variable: vscode.CompletionItemKind.Variable,
};

/** How long the first completion after sign-in may wait for the project's names. */
const NAMES_WAIT_MS = 3_000;

export const TRIGGER_CHARACTERS = ['.', "'", '$'];

export class CompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly ctx: Ctx, private readonly catalog: NameCatalog) {}

  async provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionList> {
    const text = doc.getText();
    const offset = doc.offsetAt(pos);
    const cc = completionContext(text, offset);
    let sources: NameSources = {};
    let loading = false;
    if (cc.kind === 'eventName' || cc.kind === 'eventProperty' || cc.kind === 'personProperty' || cc.kind === 'variable') {
      const names = await this.projectNames(token);
      loading = names === 'loading';
      if (names && names !== 'loading') sources = { events: names.events.index, eventProperties: names.eventProperties.index, personProperties: names.personProperties.index, variables: names.variables };
    }
    if (cc.kind === 'table') {
      const views = await this.viewsIfLoaded();
      loading = views === 'loading';
      if (views !== 'loading') sources = { views };
    }
    if (cc.kind === 'none') return new vscode.CompletionList([], false);
    const result = completionItems(cc, sources);
    const replacing = toRange(doc, cc.range);
    const inserting = new vscode.Range(replacing.start, pos.isBefore(replacing.start) ? replacing.start : pos);
    const items = result.items.map((i) => this.item(i, inserting, replacing));
    return new vscode.CompletionList(items, loading || (result.incomplete && result.items.length > 0));
  }

  /**
   * The project's views for table names, without waiting: when they are not loaded yet the load
   * starts and the list is marked incomplete, so the next keystroke asks again.
   */
  private async viewsIfLoaded(): Promise<readonly string[] | 'loading' | undefined> {
    const session = await this.ctx.session.active();
    if (!session) return undefined;
    const ready = this.catalog.peek(session);
    if (ready) return ready.views;
    void this.catalog.get(session);
    return 'loading';
  }

  /** The active project's names: loaded, 'loading' (gave up waiting), or undefined (signed out/off). */
  private async projectNames(token: vscode.CancellationToken): Promise<ProjectNames | 'loading' | undefined> {
    if (!config.completionProjectNames()) return undefined;
    const session = await this.ctx.session.active();
    if (!session) return undefined;
    const ready = this.catalog.peek(session);
    if (ready) return ready;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'loading'>((resolve) => {
      timer = setTimeout(() => resolve('loading'), NAMES_WAIT_MS);
      token.onCancellationRequested(() => resolve('loading'));
    });
    try {
      return await Promise.race([this.catalog.get(session), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private item(i: Item, inserting: vscode.Range, replacing: vscode.Range): vscode.CompletionItem {
    const item = new vscode.CompletionItem(i.label, KINDS[i.kind]);
    item.insertText = i.snippet ? new vscode.SnippetString(i.insertText) : i.insertText;
    item.range = { inserting, replacing };
    item.sortText = i.sortText;
    if (i.detail) item.detail = i.detail;
    if (i.kind === 'function') item.command = { command: 'editor.action.triggerParameterHints', title: 'Signature help' };
    return item;
  }
}
