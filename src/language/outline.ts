/** Signature help, document symbols (outline) and folding ranges, from the pure core. */
import * as vscode from 'vscode';
import { toRange } from './convert';
import { arityLabel } from './completionItems';
import { functionDocMarkdown, signatureHelpAt } from './hogql/signature';
import { getVocabulary } from './hogql/vocabulary';
import { parseInSlices, type ParseResult } from './hogql/parse';
import { mapInSlices } from './hogql/slices';
import { foldingRanges, statementSymbol, type HogQLSymbol } from './hogql/symbols';
import { pauseUnless, pauseWhile, unchanged } from './slices';

export class SignatureProvider implements vscode.SignatureHelpProvider {
  static readonly triggers = ['(', ','];

  provideSignatureHelp(doc: vscode.TextDocument, pos: vscode.Position): vscode.SignatureHelp | undefined {
    const info = signatureHelpAt(doc.getText(), doc.offsetAt(pos));
    const f = info && getVocabulary().findFunction(info.doc.name);
    if (!info || !f) return undefined;
    const body = functionDocMarkdown(info.doc, `${f.kind} function · ${arityLabel(f)}`);
    const sig = new vscode.SignatureInformation(info.label, new vscode.MarkdownString(body));
    sig.parameters = info.parameters.map((p) => new vscode.ParameterInformation(p));
    sig.activeParameter = info.active;
    const help = new vscode.SignatureHelp();
    help.signatures = [sig];
    help.activeSignature = 0;
    help.activeParameter = info.active;
    return help;
  }
}

const SYMBOL_KINDS: Record<HogQLSymbol['kind'], vscode.SymbolKind> = {
  statement: vscode.SymbolKind.Module,
  cte: vscode.SymbolKind.Class,
  subquery: vscode.SymbolKind.Struct,
};

function toSymbol(doc: vscode.TextDocument, s: HogQLSymbol): vscode.DocumentSymbol {
  const range = toRange(doc, s.range);
  const selection = toRange(doc, s.selectionRange);
  const sym = new vscode.DocumentSymbol(s.name || '(statement)', s.kind, SYMBOL_KINDS[s.kind], range, range.contains(selection) ? selection : range);
  sym.children = s.children.map((c) => toSymbol(doc, c));
  return sym;
}

/**
 * Outline and folding share one parse per document version (VS Code asks for both after an
 * edit), done in slices so a big file never blocks the extension host for long.
 */
export class OutlineProvider implements vscode.DocumentSymbolProvider, vscode.FoldingRangeProvider {
  private last: { uri: string; version: number; parsed: Promise<ParseResult | undefined> } | undefined;

  private parsed(doc: vscode.TextDocument): Promise<ParseResult | undefined> {
    const uri = doc.uri.toString();
    if (this.last?.uri !== uri || this.last.version !== doc.version) {
      const parsed = parseInSlices(doc.getText(), pauseWhile(unchanged(doc)));
      this.last = { uri, version: doc.version, parsed };
      // a parse given up (document closed or edited meanwhile) must not be served later
      void parsed.then((r) => {
        if (!r && this.last?.parsed === parsed) this.last = undefined;
      });
    }
    return this.last.parsed;
  }

  async provideDocumentSymbols(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentSymbol[]> {
    const parsed = await this.parsed(doc);
    if (!parsed || token.isCancellationRequested) return [];
    const symbols = await mapInSlices(parsed.statements, (s) => toSymbol(doc, statementSymbol(parsed, s)), pauseUnless(token));
    return symbols ?? [];
  }

  async provideFoldingRanges(doc: vscode.TextDocument, _ctx: vscode.FoldingContext, token: vscode.CancellationToken): Promise<vscode.FoldingRange[]> {
    const parsed = await this.parsed(doc);
    if (!parsed || token.isCancellationRequested) return [];
    return foldingRanges(parsed.text, parsed).map(
      (f) => new vscode.FoldingRange(f.startLine, f.endLine, f.kind === 'comment' ? vscode.FoldingRangeKind.Comment : vscode.FoldingRangeKind.Region),
    );
  }
}
