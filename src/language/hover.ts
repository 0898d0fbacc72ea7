/** Hover: function docs and arity, table and field types, property, event and SQL variable details from PostHog. */
import * as vscode from 'vscode';
import type { EventDefinition, PropertyDefinition } from '../api/resources/catalog';
import type { Ctx } from '../ctx';
import { NameCatalog, type ProjectNames } from './catalog';
import { toRange } from './convert';
import { arityLabel } from './completionItems';
import { completionContext } from './hogql/completion';
import { functionDoc, signatureLabel } from './hogql/functionDocs';
import { functionDocMarkdown } from './hogql/signature';
import { hoverTarget, type HoverTarget } from './hogql/hover';
import type { KeywordDoc } from './hogql/keywordDocs';
import { lex } from './hogql/lexer';
import { variableAt, variableHoverLines } from './hogql/variables';
import { getVocabulary, type FunctionInfo, type TableInfo } from './hogql/vocabulary';
import { inlineText, USAGE_DAYS, type EventUsage, type PropertyOwner, type PropertyUsage, type Usage, type UsageRunner } from './usage';

/** How long a hover waits for a usage query before it shows what it has (the answer stays cached). */
const USAGE_WAIT_MS = 2_000;
type UsageAnswer<T> = Usage<T> | 'pending' | undefined;

/** Example values, cut at 40 characters each. */
function valuesText(values: string[]): string {
  return values.map((v) => (v.length > 40 ? `${v.slice(0, 39)}…` : v)).join(', ');
}

function appendUsage<T>(md: vscode.MarkdownString, u: UsageAnswer<T>, line: (value: T) => string): void {
  if (u === undefined) return;
  md.appendMarkdown('\n\n');
  if (u === 'pending') md.appendMarkdown(`Usage in the last ${USAGE_DAYS} days: loading… (hover again in a moment)`);
  else if (!u.ok) md.appendMarkdown(`Usage unavailable: ${inlineText(u.error)}`);
  else md.appendMarkdown(inlineText(line(u.value)));
}

function propertyUsageLine(u: PropertyUsage): string {
  if (u.examples.length === 0) return `Not seen in the last ${USAGE_DAYS} days`;
  return `Recent values: ${valuesText(u.examples)}${u.lastSeen ? ` · last seen ${u.lastSeen}` : ''}`;
}

function eventUsageLine(name: string, all: Map<string, EventUsage>): string {
  const u = all.get(name);
  if (!u) return `No events in the last ${USAGE_DAYS} days`;
  return `${USAGE_DAYS}-day volume: ${u.count.toLocaleString('en-US')} events${u.lastSeen ? ` · last seen ${u.lastSeen}` : ''}`;
}

function functionMarkdown(name: string, f: FunctionInfo | undefined): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  if (!f) return md.appendMarkdown(`Unknown function \`${name}\``);
  const doc = functionDoc(f.name);
  md.appendCodeblock(doc ? signatureLabel(doc).label : `${f.name}(…)`, 'hogql');
  let kind = `${f.kind} function · ${arityLabel(f)}${f.window ? ' · window' : ''}${f.deprecated ? ' · deprecated' : ''}`;
  if (f.clickhouse && f.clickhouse !== f.name) kind += ` · PostHog runs ClickHouse \`${f.clickhouse}\``;
  if (f.doc && !doc?.summary) kind += `\n\n${f.doc}`;
  md.appendMarkdown(doc ? functionDocMarkdown(doc, kind) : kind);
  return md;
}

function keywordMarkdown(doc: KeywordDoc): vscode.MarkdownString {
  const md = new vscode.MarkdownString().appendMarkdown(`**${doc.title}** — ${doc.summary}\n\n`);
  md.appendCodeblock(doc.example, 'hogql');
  return md.appendMarkdown(`[Documentation](${doc.link})`);
}

function tableMarkdown(name: string, t: TableInfo | undefined, cte: boolean): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  if (cte) return md.appendMarkdown(`CTE \`${name}\``);
  if (!t) return md.appendMarkdown(`Unknown table \`${name}\``);
  md.appendMarkdown(`Table \`${t.name}\`${t.doc ? ` — ${t.doc}` : ''}\n\n`);
  const fields = getVocabulary().fieldsOf(t.name);
  md.appendMarkdown(fields.slice(0, 25).map((f) => `- \`${f.name}\`: ${f.type}${f.to ? ` → ${f.to}` : ''}`).join('\n'));
  if (fields.length > 25) md.appendMarkdown(`\n- … ${fields.length - 25} more`);
  return md;
}

function propertyMarkdown(name: string, owner: string, def: PropertyDefinition | undefined): vscode.MarkdownString {
  const md = new vscode.MarkdownString().appendMarkdown(`${owner} property \`${name}\``);
  if (!def) return md.appendMarkdown('\n\nNot among the project\'s property definitions (or not loaded; sign in to see details).');
  md.appendMarkdown(`\n\nType: ${def.property_type ?? 'unknown'}`);
  const lastSeen = (def as { last_seen_at?: unknown }).last_seen_at;
  if (typeof lastSeen === 'string') md.appendMarkdown(` · last seen ${lastSeen}`);
  if (def.description) md.appendMarkdown(`\n\n${def.description}`);
  return md;
}

function eventMarkdown(name: string, def: EventDefinition | undefined): vscode.MarkdownString {
  const md = new vscode.MarkdownString().appendMarkdown(`Event \`${name}\``);
  if (!def) return md.appendMarkdown('\n\nNot among the project\'s event definitions (or not loaded).');
  if (def.last_seen_at) md.appendMarkdown(`\n\nLast seen ${def.last_seen_at}`);
  if (def.description) md.appendMarkdown(`\n\n${def.description}`);
  return md;
}

export class HoverProvider implements vscode.HoverProvider {
  constructor(private readonly ctx: Ctx, private readonly catalog: NameCatalog) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    const text = doc.getText();
    const offset = doc.offsetAt(pos);
    // `{variables.x}` sits on one line: lex that line only (hover stays cheap on big files).
    const line = doc.lineAt(pos.line);
    if (line.text.includes('{variables.')) {
      const base = doc.offsetAt(line.range.start);
      const variable = variableAt(lex(line.text).tokens, offset - base);
      if (variable) return this.forVariable(doc, variable.name, { start: base + variable.range.start, end: base + variable.range.end });
    }
    const t = hoverTarget(text, offset);
    if (t) return this.forTarget(doc, t);
    const cc = completionContext(text, offset);
    if (cc.kind !== 'eventName') return undefined;
    const name = text.slice(cc.range.start, cc.range.end);
    const [names, usage] = await Promise.all([this.names(), this.usage((project, run) => this.catalog.usage.events(project, run))]);
    const md = eventMarkdown(name, names?.events.get(name));
    appendUsage(md, usage, (all) => eventUsageLine(name, all));
    return new vscode.Hover(md, toRange(doc, cc.range));
  }

  private async forTarget(doc: vscode.TextDocument, t: HoverTarget): Promise<vscode.Hover | undefined> {
    const range = toRange(doc, t.range);
    switch (t.kind) {
      case 'function':
        return new vscode.Hover(functionMarkdown(t.name, t.function), range);
      case 'table':
        return new vscode.Hover(tableMarkdown(t.name, t.table, t.cte), range);
      case 'field': {
        const md = new vscode.MarkdownString().appendMarkdown(`Field \`${t.field.name}\`: ${t.field.type}${t.field.to ? ` → \`${t.field.to}\`` : ''} (table \`${t.table.name}\`)`);
        if (t.field.doc) md.appendMarkdown(`\n\n${t.field.doc}`);
        return new vscode.Hover(md, range);
      }
      case 'column':
        return new vscode.Hover(new vscode.MarkdownString().appendMarkdown(`Column \`${t.name}\` of \`${t.source}\``), range);
      case 'alias':
        return new vscode.Hover(new vscode.MarkdownString().appendMarkdown(`Alias \`${t.name}\``), range);
      case 'property': {
        const prop = t.path[0] ?? t.name;
        const owner: PropertyOwner | undefined = t.table.name === 'persons' ? 'person' : t.table.name === 'events' ? 'event' : undefined;
        const [names, usage] = await Promise.all([
          this.names(),
          owner ? this.usage((project, run) => this.catalog.usage.property(project, run, owner, prop)) : undefined,
        ]);
        const list = owner === 'person' ? names?.personProperties : owner === 'event' ? names?.eventProperties : undefined;
        const md = propertyMarkdown(prop, owner === 'person' ? 'Person' : 'Event', list?.get(prop));
        appendUsage(md, usage, propertyUsageLine);
        return new vscode.Hover(md, range);
      }
      case 'keyword':
        return t.doc ? new vscode.Hover(keywordMarkdown(t.doc), range) : undefined;
    }
  }

  private async forVariable(doc: vscode.TextDocument, name: string, range: { start: number; end: number }): Promise<vscode.Hover> {
    const names = await this.names();
    const lines = variableHoverLines(name, names?.variables.find((v) => v.code_name === name), names !== undefined);
    const md = new vscode.MarkdownString();
    for (const line of lines) md.appendText(line).appendMarkdown('\n\n');
    return new vscode.Hover(md, toRange(doc, range));
  }

  /** A usage answer from the cache, waiting at most USAGE_WAIT_MS; undefined when signed out. */
  private async usage<T>(ask: (project: string, run: UsageRunner) => Promise<Usage<T>>): Promise<UsageAnswer<T>> {
    const session = await this.ctx.session.active();
    if (!session) return undefined;
    const run: UsageRunner = async (node, signal) =>
      (await session.client.query.run(session.projectId, node, { signal, name: 'vscode-hogql hover usage' })).results ?? [];
    let timer: NodeJS.Timeout | undefined;
    const pending = new Promise<'pending'>((resolve) => {
      timer = setTimeout(() => resolve('pending'), USAGE_WAIT_MS);
    });
    try {
      return await Promise.race([ask(NameCatalog.keyOf(session), run), pending]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async names(): Promise<ProjectNames | undefined> {
    const session = await this.ctx.session.active();
    return session ? this.catalog.peek(session) ?? this.catalog.get(session) : undefined;
  }
}
