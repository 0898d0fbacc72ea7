import * as vscode from 'vscode';
import type { SessionRecording } from '../../api/resources/recordings';
import { recordingDetails } from '../detailText';
import { recordingText } from '../nodeText';
import { DetailNode, detailNodes } from './detailNode';
import { itemOf, ResourceNode } from './node';

/**
 * A session recording: who, duration, when, where it started. A click selects it and expands its
 * details; "Open Replay" (inline and context menu) opens the replay in the browser.
 */
export class RecordingNode extends ResourceNode<SessionRecording> {
  get id(): string {
    return `recording:${this.projectId}:${this.item.id}`;
  }

  treeItem(): vscode.TreeItem {
    const r = this.item;
    const item = itemOf(this.id, recordingText(r), vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = r.ongoing ? new vscode.ThemeIcon('record', new vscode.ThemeColor('charts.red')) : new vscode.ThemeIcon('device-camera-video');
    item.contextValue = 'recording';
    return item;
  }

  override children(): DetailNode[] {
    return detailNodes(this.id, recordingDetails(this.item));
  }

  webUrl(): string {
    return this.env.session.client.web.recording(this.projectId, this.item.id);
  }

  copyValue(): { label: string; value: string } {
    return { label: 'session id', value: this.item.id };
  }
}
