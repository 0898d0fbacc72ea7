import * as vscode from 'vscode';

/** A saved connection: where and as whom. No secret in here (keys live in `Secrets`). */
export interface Connection {
  /** Random id; names the connection's secrets. */
  id: string;
  /** Normalised API base URL, e.g. `https://us.posthog.com` or `http://127.0.0.1:8010`. */
  host: string;
  projectId: number;
  projectName: string;
  organizationName?: string;
  userEmail?: string;
  /** Projects for which a project key (`phc_`) was stored, so sign-out can delete them. */
  projectKeyIds?: number[];
}

interface Stored {
  version: 1;
  connections: Connection[];
  activeId?: string;
}

const STATE_KEY = 'hogql.connections';

/** Connection metadata in the extension's global state, with one change event. */
export class ConnectionStore implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly memento: vscode.Memento) {}

  private read(): Stored {
    const s = this.memento.get<Stored>(STATE_KEY);
    return s && s.version === 1 && Array.isArray(s.connections) ? s : { version: 1, connections: [] };
  }

  private async write(s: Stored): Promise<void> {
    await this.memento.update(STATE_KEY, s);
    this.emitter.fire();
  }

  list(): Connection[] {
    return this.read().connections;
  }

  get(id: string): Connection | undefined {
    return this.list().find((c) => c.id === id);
  }

  active(): Connection | undefined {
    const s = this.read();
    return s.connections.find((c) => c.id === s.activeId);
  }

  /** The id of the saved connection to this host and project, or a new id. */
  idFor(host: string, projectId: number): string {
    return this.list().find((c) => c.host === host && c.projectId === projectId)?.id ?? newId();
  }

  /** Adds or replaces a connection (same host and project → same entry) and makes it active. */
  async upsertActive(conn: Omit<Connection, 'id'> & { id?: string }): Promise<Connection> {
    const s = this.read();
    const existing = s.connections.find((c) => c.id === conn.id) ?? s.connections.find((c) => c.host === conn.host && c.projectId === conn.projectId);
    const saved: Connection = { ...existing, ...conn, id: existing?.id ?? conn.id ?? newId() };
    const connections = s.connections.filter((c) => c.id !== saved.id).concat(saved);
    await this.write({ version: 1, connections, activeId: saved.id });
    return saved;
  }

  async update(id: string, patch: Partial<Omit<Connection, 'id'>>): Promise<void> {
    const s = this.read();
    await this.write({ ...s, connections: s.connections.map((c) => (c.id === id ? { ...c, ...patch } : c)) });
  }

  async setActive(id: string | undefined): Promise<void> {
    await this.write({ ...this.read(), activeId: id });
  }

  async remove(id: string): Promise<void> {
    const s = this.read();
    const connections = s.connections.filter((c) => c.id !== id);
    await this.write({ version: 1, connections, activeId: s.activeId === id ? connections[0]?.id : s.activeId });
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

function newId(): string {
  return globalThis.crypto.randomUUID();
}
