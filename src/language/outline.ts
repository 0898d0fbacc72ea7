/** Signature help, document symbols (outline) and folding ranges, from the pure core. */
import * as vscode from 'vscode';
import { toRange } from './convert';
import { arityLabel } from './completionItems';
import { signatureAt } from './hogql/completion';
import { parse, type ParseResult } from './hogql/parse';
import { documentSymbols, foldingRanges, type HogQLSymbol } from './hogql/symbols';

export class SignatureProvider implements vscode.SignatureHelpProvider {
  static readonly triggers = ['(', ','];

  provideSignatureHelp(doc: vscode.TextDocument, pos: vscode.Position): vscode.SignatureHelp | undefined {
    const call = signatureAt(doc.getText(), doc.offsetAt(pos));
    const f = call?.function;
    if (!call || !f) return undefined;
    const count = f.arityUnknown ? Math.max(1, call.argIndex + 1) : Math.max(f.min ?? 0, Math.min(call.argIndex + 1, f.max ?? call.argIndex + 1), 1);
    const params = Array.from({ length: count }, (_, i) => `arg${i + 1}`);
    const label = `${f.name}(${params.join(', ')}${f.max === null || f.max === undefined ? ', …' : ''})`;
    const sig = new vscode.SignatureInformation(label, new vscode.MarkdownString(`${f.kind} function · ${arityLabel(f)}${f.doc ? `\n\n${f.doc}` : ''}`));
    sig.parameters = params.map((p) => new vscode.ParameterInformation(p));
    const help = new vscode.SignatureHelp();
    help.signatures = [sig];
    help.activeSignature = 0;
    help.activeParameter = Math.min(call.argIndex, params.length - 1);
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

/** Outline and folding share one parse per document version (VS Code asks for both after an edit). */
export class OutlineProvider implements vscode.DocumentSymbolProvider, vscode.FoldingRangeProvider {
  private last: { uri: string; version: number; parsed: ParseResult } | undefined;

  private parsed(doc: vscode.TextDocument): ParseResult {
    const uri = doc.uri.toString();
    if (this.last?.uri !== uri || this.last.version !== doc.version) this.last = { uri, version: doc.version, parsed: parse(doc.getText()) };
    return this.last.parsed;
  }

  provideDocumentSymbols(doc: vscode.TextDocument): vscode.DocumentSymbol[] {
    const parsed = this.parsed(doc);
    return documentSymbols(parsed.text, parsed).map((s) => toSymbol(doc, s));
  }

  provideFoldingRanges(doc: vscode.TextDocument): vscode.FoldingRange[] {
    const parsed = this.parsed(doc);
    return foldingRanges(parsed.text, parsed).map(
      (f) => new vscode.FoldingRange(f.startLine, f.endLine, f.kind === 'comment' ? vscode.FoldingRangeKind.Comment : vscode.FoldingRangeKind.Region),
    );
  }
}
