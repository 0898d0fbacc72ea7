import * as vscode from 'vscode';
import type { SessionRecording } from '../../api/resources/recordings';
import { recordingDetails } from '../detailText';
import { recordingText } from '../nodeText';
import { DetailedNode } from './detailNode';

/**
 * A session recording: who, duration, when, where it started. A click selects it and expands its
 * details; "Open Replay" (inline and context menu) opens the replay in the browser.
 */
export class RecordingNode extends DetailedNode<SessionRecording> {
  protected readonly kind = 'recording';
  protected text = () => recordingText(this.item);
  protected icon = () =>
    this.item.ongoing ? new vscode.ThemeIcon('record', new vscode.ThemeColor('charts.red')) : new vscode.ThemeIcon('device-camera-video');
  protected details = () => recordingDetails(this.item);

  webUrl(): string {
    return this.env.session.client.web.recording(this.projectId, this.item.id);
  }

  override copyValue(): { label: string; value: string } {
    return { label: 'session id', value: this.item.id };
  }
}
