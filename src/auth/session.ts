import * as vscode from 'vscode';
import { Disposable } from '../ui/lifecycle';
import type { PostHogClient } from '../api/client';
import { loadApi } from '../apiLoader';
import { config } from '../config';
import type { Log } from '../log';
import { ConnectionStore, type Connection } from './connections';
import { Secrets } from './secrets';

/** Settings the client is built from: a change rebuilds it (other settings leave it alone). */
const CLIENT_SETTINGS = ['hogql.http', 'hogql.projectId', 'http.proxy', 'http.proxyStrictSSL', 'http.noProxy'];

/** What a command needs to talk to PostHog: a client for the active connection and its project. */
export interface ActiveSession {
  connection: Connection;
  client: PostHogClient;
  projectId: number;
  projectName: string;
}

/**
 * The signed-in state: the active connection, its API client (built lazily, rebuilt when the
 * connection, key or HTTP settings change), the `hogql.signedIn` context key and the status bar.
 */
export class Session extends Disposable {
  readonly store: ConnectionStore;
  readonly secrets: Secrets;
  private cached: { connectionId: string; client: PostHogClient } | undefined;
  /** Bumped on every change; a client built from a key read before a change is never kept. */
  private generation = 0;
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when the active connection or project changes (views refresh on it). */
  readonly onDidChange = this.emitter.event;
  private readonly statusItem: vscode.StatusBarItem;
  /** The value last given to the `hogql.signedIn` context key. */
  private signedInKey: boolean | undefined;

  constructor(
    extension: Pick<vscode.ExtensionContext, 'globalState' | 'secrets'>,
    private readonly log: Log,
    private readonly version: string,
  ) {
    super();
    this.store = new ConnectionStore(extension.globalState);
    this.secrets = new Secrets(extension.secrets);
    this.statusItem = vscode.window.createStatusBarItem('hogql.project', vscode.StatusBarAlignment.Left, 50);
    this.statusItem.name = 'PostHog Project';
    this.disposables.push(this.store, this.emitter, this.statusItem);
    this.store.onDidChange(() => this.changed(), undefined, this.disposables);
    config.onDidChange((e) => {
      if (CLIENT_SETTINGS.some((s) => e.affectsConfiguration(s))) this.changed();
    }, this.disposables);
    this.disposables.push({ dispose: () => this.retireClient() });
    this.changed();
  }

  /**
   * Signs in atomically: the key is stored before the connection becomes active, and activating
   * it retires the old client (every request of the old key in flight is aborted, none leaves
   * later) and tells listeners (trees, the name catalog, diagnostics), which rebuild.
   */
  async activate(conn: Omit<Connection, 'id'>, personalKey: string): Promise<Connection> {
    const id = this.store.idFor(conn.host, conn.projectId);
    await this.secrets.storePersonalKey(id, personalKey);
    return this.store.upsertActive({ ...conn, id });
  }

  private retireClient(): void {
    const old = this.cached;
    this.cached = undefined;
    this.generation++;
    if (old) void old.client.dispose();
  }

  private changed(): void {
    this.retireClient();
    const conn = this.store.active();
    this.signedInKey = !!conn;
    void vscode.commands.executeCommand('setContext', 'hogql.signedIn', this.signedInKey);
    this.renderStatus(conn);
    this.emitter.fire();
  }

  /** What the session shows: its status bar item and the `hogql.signedIn` key as last set (tests). */
  shown(): { statusText: string; statusCommand: string | undefined; signedIn: boolean | undefined } {
    const command = this.statusItem.command;
    return { statusText: this.statusItem.text, statusCommand: typeof command === 'string' ? command : command?.command, signedIn: this.signedInKey };
  }

  private renderStatus(conn: Connection | undefined): void {
    if (!conn) {
      this.statusItem.text = '$(plug) PostHog: Sign In';
      this.statusItem.tooltip = 'Sign in to PostHog to run HogQL and browse your project';
      this.statusItem.command = 'hogql.signIn';
    } else {
      const pinned = config.pinnedProjectId();
      const project = pinned && pinned !== conn.projectId ? `project ${pinned} (pinned)` : conn.projectName;
      this.statusItem.text = `$(graph-line) ${project}`;
      const md = new vscode.MarkdownString();
      md.appendText(`PostHog project: ${project}\nHost: ${conn.host}${conn.userEmail ? `\nSigned in as ${conn.userEmail}` : ''}\n`);
      md.appendMarkdown('\n[Switch project or connection](command:hogql.switchProject)');
      md.isTrusted = { enabledCommands: ['hogql.switchProject'] };
      this.statusItem.tooltip = md;
      this.statusItem.command = 'hogql.switchProject';
    }
    this.statusItem.show();
  }

  /**
   * Builds a client for a host and key (used by sign-in before anything is saved). The API bundle
   * (with undici, ~0.5 MB) is loaded on first use, not on activation.
   */
  makeClient(host: string, personalApiKey: string): PostHogClient {
    const http = config.http();
    const { PostHogClient } = loadApi();
    return new PostHogClient({
      host,
      personalApiKey,
      version: this.version,
      // Every request is logged as `METHOD path → status (ms)`; the API logs successes at debug
      // level, which the channel hides by default, so they are raised to info here.
      logger: { debug: (m) => this.log.info(m), info: (m) => this.log.info(m), warn: (m) => this.log.warn(m) },
      timeouts: { connectMs: http.connectTimeoutMs, headersMs: http.responseTimeoutMs, bodyMs: http.bodyTimeoutMs },
      proxy: { proxy: http.proxy, strictSSL: http.proxyStrictSSL, noProxy: http.noProxy },
    });
  }

  /** The active session, or `undefined` when signed out (or the key went missing). */
  async active(): Promise<ActiveSession | undefined> {
    const connection = this.store.active();
    if (!connection) return undefined;
    // The client holds the key; it is rebuilt when the connection changes (sign-in stores the key
    // before it activates a connection, so the rebuilt client reads the new one). Reading the key
    // only then saves a secret-storage round trip per request, which in a browser-hosted workbench
    // crosses to the browser.
    if (this.cached?.connectionId !== connection.id) {
      const generation = this.generation;
      const key = await this.secrets.personalKey(connection.id);
      // A change while the key was read (another key stored, a sign-out): read again.
      if (generation !== this.generation) return this.active();
      if (!key) return undefined;
      this.cached = { connectionId: connection.id, client: this.makeClient(connection.host, key) };
    }
    const pinned = config.pinnedProjectId();
    return {
      connection,
      client: this.cached.client,
      projectId: pinned ?? connection.projectId,
      projectName: pinned && pinned !== connection.projectId ? `project ${pinned}` : connection.projectName,
    };
  }

}
