import * as vscode from 'vscode';
import type { Ctx } from '../ctx';

/** A command factory: given the context, returns the handler. Ids are `hogql.<name>`. */
export type CommandFactory = (ctx: Ctx) => (...args: any[]) => unknown;

export type CommandTable = Record<string, CommandFactory>;

/**
 * Registers every command of a table under the `hogql.` prefix. A handler that throws shows the
 * error to the user (VS Code would only log it) and logs the stack.
 */
export function registerCommands(ctx: Ctx, table: CommandTable): void {
  for (const [name, make] of Object.entries(table)) {
    const handler = make(ctx);
    const id = `hogql.${name}`;
    ctx.track(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await handler(...args);
        } catch (e) {
          ctx.log.error(e instanceof Error ? e : String(e));
          const message = e instanceof Error ? e.message : String(e);
          void vscode.window.showErrorMessage(`PostHog: ${message}`, 'Show Output').then((choice) => {
            if (choice) ctx.log.show();
          });
          return undefined;
        }
      }),
    );
  }
}
