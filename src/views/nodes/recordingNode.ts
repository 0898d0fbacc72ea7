import * as vscode from 'vscode';
import type { SessionRecording } from '../../api/resources/recordings';
import { formatDuration, oneLine, relativeTime } from '../format';
import { ResourceNode } from './node';

function who(r: SessionRecording): string {
  const email = r.person?.properties?.email;
  return oneLine((typeof email === 'string' && email) || r.person?.name || r.distinct_id || 'anonymous', 100);
}

/** A session recording: who, duration, when, where it started; click opens the replay in the browser. */
export class RecordingNode extends ResourceNode<SessionRecording> {
  get id(): string {
    return `recording:${this.projectId}:${this.item.id}`;
  }

  treeItem(): vscode.TreeItem {
    const r = this.item;
    const item = new vscode.TreeItem(who(r), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = [formatDuration(r.recording_duration), relativeTime(r.start_time), r.start_url ? oneLine(r.start_url, 60) : ''].filter(Boolean).join(' · ');
    item.iconPath = r.ongoing ? new vscode.ThemeIcon('record', new vscode.ThemeColor('charts.red')) : new vscode.ThemeIcon('device-camera-video');
    item.contextValue = 'recording';
    const md = new vscode.MarkdownString();
    md.appendText(`${who(r)} (${r.distinct_id ?? '?'})\n`);
    md.appendText(`Started ${r.start_time ?? '?'} · ${formatDuration(r.recording_duration)} (${formatDuration(r.active_seconds)} active)\n`);
    if (r.start_url) md.appendText(`Start URL: ${oneLine(r.start_url, 300)}\n`);
    md.appendText(`${r.click_count ?? 0} clicks · ${r.keypress_count ?? 0} key presses · ${r.console_error_count ?? 0} console errors${r.viewed ? ' · viewed' : ''}`);
    item.tooltip = md;
    item.command = { command: 'hogql.recordings.open', title: 'Open Replay', arguments: [this] };
    return item;
  }

  webUrl(): string {
    return this.env.session.client.web.recording(this.projectId, this.item.id);
  }

  copyValue(): { label: string; value: string } {
    return { label: 'session id', value: this.item.id };
  }
}
