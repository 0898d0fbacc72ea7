import * as vscode from 'vscode';
import type { Survey } from '../../api/resources/catalog';
import { lifecycle, oneLine, plural } from '../format';
import { lifecycleIcon } from './experimentNode';
import { ResourceNode } from './node';

/** A survey: status and type (popover, api, widget…). */
export class SurveyNode extends ResourceNode<Survey> {
  get id(): string {
    return `survey:${this.projectId}:${this.item.id}`;
  }

  treeItem(): vscode.TreeItem {
    const s = this.item;
    const status = lifecycle(s);
    const item = new vscode.TreeItem(oneLine(s.name, 150), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = [status, s.type ?? '', s.questions ? plural(s.questions.length, 'question') : ''].filter(Boolean).join(' · ');
    item.iconPath = lifecycleIcon(status);
    item.contextValue = `survey.${status}`;
    const md = new vscode.MarkdownString();
    md.appendText(`${s.name} — ${status}, ${s.type ?? 'unknown type'}\n`);
    if (s.description) md.appendText(`${oneLine(s.description, 500)}\n`);
    for (const q of (s.questions ?? []).slice(0, 5)) md.appendText(`• ${oneLine((q as { question?: unknown }).question, 200)}\n`);
    item.tooltip = md;
    return item;
  }

  webUrl(): string {
    return this.env.session.client.web.survey(this.projectId, this.item.id);
  }

  copyValue(): { label: string; value: string } {
    return { label: 'survey id', value: String(this.item.id) };
  }
}
