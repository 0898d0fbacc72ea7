/**
 * Completion (flag keys inside flag calls, variant keys where a variant is compared, event names inside `capture`,
 * property names in its properties object), hover on a flag key, and
 * a "Run" CodeLens above HogQL snippets in code. Everything is computed from the document's scan
 * and the cached project definitions.
 */
import * as vscode from 'vscode';
import type { DefinitionCache, Definitions } from './definitions';
import type { DocumentScans } from './documents';
import type { CaptureCall, FlagCall, StrLit } from './scan/types';
import { sdkLanguageOf } from './gate';
import { goSetKeyAt, propertySlotAt, type PropertySlot } from './propertyContext';
import { overlapLeftToOfficial } from './coexist';
import { flagDetails, flagStatus, linkedExperiments, variantsOf } from './status';
import { switchCaseSlotAt, variantSlotAt, variantSlotBefore, type VariantSlot } from './variantContext';

const inside = (s: StrLit | undefined, offset: number): s is StrLit => !!s && s.value !== undefined && offset >= s.contentStart && offset <= s.contentEnd;
const rangeOf = (doc: vscode.TextDocument, s: StrLit): vscode.Range => new vscode.Range(doc.positionAt(s.contentStart), doc.positionAt(s.contentEnd));

export class CodeIntelCompletion implements vscode.CompletionItemProvider {
  constructor(private readonly scans: DocumentScans, private readonly defs: DefinitionCache) {}

  async provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    const result = this.scans.of(doc);
    if (!result) return undefined;
    const offset = doc.offsetAt(pos);
    const flag = overlapLeftToOfficial() ? undefined : result.flags.find((f) => inside(f.key, offset));
    const capture = flag ? undefined : result.captures.find((c) => inside(c.event, offset));
    const variant = flag || capture ? undefined : variantAt(doc, result.flags, offset);
    const prop = flag || capture || variant ? undefined : propertyAt(doc, result.captures, offset);
    if (!flag && !capture && !variant && !prop) return undefined;
    const defs = await this.defs.get();
    if (!defs) return undefined;
    if (flag) return flagItems(defs, rangeOf(doc, flag.key!));
    if (variant) return variantItems(defs, variant.key, variant.range);
    if (prop) return propertyItems(defs, doc, prop);
    const range = rangeOf(doc, capture!.event!);
    return defs.events.map((name) => {
      const item = new vscode.CompletionItem({ label: name, description: 'PostHog event' }, vscode.CompletionItemKind.Event);
      item.range = range;
      return item;
    });
  }
}

function flagItems(defs: Definitions, range: vscode.Range): vscode.CompletionItem[] {
  return [...defs.flags.values()].map((f) => {
    const item = new vscode.CompletionItem({ label: f.key, description: flagStatus(f).text }, vscode.CompletionItemKind.Constant);
    item.range = range;
    item.detail = f.name || 'PostHog feature flag';
    return item;
  });
}

/** The variant-returning flag call whose value is compared with the string at `offset` (after or before the call). */
function variantAt(doc: vscode.TextDocument, flags: readonly FlagCall[], offset: number): { key: string; range: vscode.Range } | undefined {
  if (overlapLeftToOfficial()) return undefined;
  const text = doc.getText();
  const found = (f: FlagCall, slot: VariantSlot | undefined) => slot && { key: f.key!.value!, range: new vscode.Range(doc.positionAt(slot.contentStart), doc.positionAt(slot.contentEnd)) };
  const variants = flags.filter((f) => f.kind === 'variant' && f.key?.value !== undefined);
  for (const f of variants) {
    if (f.end > offset) continue;
    const slot = variantSlotAt(text, f.end, offset) ?? (doc.languageId.startsWith('python') ? undefined : switchCaseSlotAt(text, f.nameStart, f.end, offset));
    if (slot) return found(f, slot);
  }
  // `'|' === getFeatureFlag('exp')`: the first variant call after the cursor
  const next = variants.find((f) => f.nameStart > offset);
  return next && found(next, variantSlotBefore(text, next.nameStart, offset));
}

function propertyAt(doc: vscode.TextDocument, captures: readonly CaptureCall[], offset: number): PropertySlot | undefined {
  const lang = sdkLanguageOf(doc.languageId);
  if (lang === 'go') {
    const call = captures.find((x) => offset > x.nameEnd && offset <= x.end);
    const set = call && goSetKeyAt(doc.getText(), call.nameEnd, call.end, offset);
    if (set) return set;
  }
  const c = captures.find((x) => x.propsStart !== undefined && offset >= x.propsStart && offset <= x.propsEnd!);
  return c && lang ? propertySlotAt(doc.getText(), c.propsStart!, c.propsEnd!, offset, lang) : undefined;
}

/** The project's event properties, typed where PostHog knows the type; a bare JS key quotes a name that needs it. */
function propertyItems(defs: Definitions, doc: vscode.TextDocument, slot: PropertySlot): vscode.CompletionItem[] {
  const range = new vscode.Range(doc.positionAt(slot.contentStart), doc.positionAt(slot.contentEnd));
  return defs.eventProperties.map((p) => {
    const item = new vscode.CompletionItem({ label: p.name, description: p.property_type ?? 'PostHog property' }, vscode.CompletionItemKind.Property);
    item.range = range;
    item.detail = p.property_type ? `Event property · ${p.property_type}` : 'Event property';
    if (!slot.quoted && !/^[A-Za-z_$][\w$]*$/.test(p.name)) {
      item.insertText = JSON.stringify(p.name);
      item.filterText = p.name;
    }
    return item;
  });
}

function variantItems(defs: Definitions, key: string, range: vscode.Range): vscode.CompletionItem[] {
  const flag = defs.flags.get(key);
  if (!flag) return [];
  return variantsOf(flag).map((v, i) => {
    const item = new vscode.CompletionItem({ label: v.key, description: `${Math.round(v.rollout * 10) / 10}%` }, vscode.CompletionItemKind.EnumMember);
    item.range = range;
    item.detail = `Variant of ${key} · ${Math.round(v.rollout * 10) / 10}% rollout`;
    item.sortText = String(i).padStart(4, '0');
    return item;
  });
}

export class CodeIntelHover implements vscode.HoverProvider {
  constructor(private readonly scans: DocumentScans, private readonly defs: DefinitionCache) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    if (overlapLeftToOfficial()) return undefined;
    const offset = doc.offsetAt(pos);
    const flag = this.scans.of(doc)?.flags.find((f) => inside(f.key, offset));
    if (!flag) return undefined;
    const defs = await this.defs.get();
    if (!defs) return undefined;
    const key = flag.key!.value!;
    const found = defs.flags.get(key);
    const md = new vscode.MarkdownString();
    md.appendMarkdown('**PostHog feature flag** ');
    md.appendText(key);
    md.appendMarkdown('\n\n');
    const lines = found ? flagDetails(found, linkedExperiments(found, defs.experiments)) : ['Not in PostHog: no flag with this key in the project.'];
    for (const line of lines) {
      md.appendText(line);
      md.appendMarkdown('  \n');
    }
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(flag.key!.start), doc.positionAt(flag.key!.end)));
  }
}

/** "▶ Run" above each literal HogQL snippet; it runs the snippet's range through `hogql.runQuery`. */
export class CodeIntelRunLens implements vscode.CodeLensProvider {
  constructor(private readonly scans: DocumentScans) {}

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const result = this.scans.of(doc);
    if (!result) return [];
    return result.hogql
      .filter((s) => !s.dynamic && doc.getText(new vscode.Range(doc.positionAt(s.contentStart), doc.positionAt(s.contentEnd))).trim() !== '')
      .map((s) => {
        const at = doc.positionAt(s.contentStart);
        return new vscode.CodeLens(new vscode.Range(at, at), {
          title: '$(play) Run',
          command: 'hogql.runQuery',
          arguments: [{ uri: doc.uri.toString(), range: [s.contentStart, s.contentEnd] }],
          tooltip: 'Run this HogQL query in PostHog',
        });
      });
  }
}
