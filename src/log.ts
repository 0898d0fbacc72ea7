import * as vscode from 'vscode';
import { redact } from './api/redact';

/** The logger shape the pure layers (`api/`, `language/`) accept; no `vscode` types in it. */
export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string | Error): void;
}

/**
 * The one "PostHog" log channel. Every line goes through `redact`, so a key that reaches a message
 * by mistake (an error detail, a URL) never reaches the output.
 */
export class Log implements Logger, vscode.Disposable {
  private created: vscode.LogOutputChannel | undefined;

  constructor(private readonly name = 'PostHog') {}

  /** The output channel, created with the first line (not during activation, issue #21). */
  get channel(): vscode.LogOutputChannel {
    this.created ??= vscode.window.createOutputChannel(this.name, { log: true });
    return this.created;
  }

  trace(message: string): void {
    this.channel.trace(redact(message));
  }
  debug(message: string): void {
    this.channel.debug(redact(message));
  }
  info(message: string): void {
    this.channel.info(redact(message));
  }
  warn(message: string): void {
    this.channel.warn(redact(message));
  }
  error(message: string | Error): void {
    const text = message instanceof Error ? (message.stack ?? message.message) : message;
    this.channel.error(redact(text));
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.created?.dispose();
    this.created = undefined;
  }
}
