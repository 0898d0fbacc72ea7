import type * as vscode from 'vscode';

/**
 * The only file that touches `context.secrets`. Keys never go anywhere else: not settings, not
 * global state, not logs. Secret names follow `hogql.connection.<id>.personalKey` and
 * `hogql.connection.<id>.project.<projectId>.projectKey`.
 */
export class Secrets {
  constructor(private readonly storage: vscode.SecretStorage) {}

  private static personalName(connectionId: string): string {
    return `hogql.connection.${connectionId}.personalKey`;
  }

  private static projectName(connectionId: string, projectId: number): string {
    return `hogql.connection.${connectionId}.project.${projectId}.projectKey`;
  }

  personalKey(connectionId: string): Thenable<string | undefined> {
    return this.storage.get(Secrets.personalName(connectionId));
  }

  storePersonalKey(connectionId: string, key: string): Thenable<void> {
    return this.storage.store(Secrets.personalName(connectionId), key);
  }

  projectKey(connectionId: string, projectId: number): Thenable<string | undefined> {
    return this.storage.get(Secrets.projectName(connectionId, projectId));
  }

  storeProjectKey(connectionId: string, projectId: number, key: string): Thenable<void> {
    return this.storage.store(Secrets.projectName(connectionId, projectId), key);
  }

  /** Deletes every secret of a connection (its personal key and any project keys). */
  async deleteConnection(connectionId: string, projectIds: number[]): Promise<void> {
    await this.storage.delete(Secrets.personalName(connectionId));
    for (const id of projectIds) await this.storage.delete(Secrets.projectName(connectionId, id));
  }
}
