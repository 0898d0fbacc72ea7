import type { Ctx } from '../ctx';
import { TrustRequiredError } from './trust';
import { showError } from './errors';

/**
 * A command factory: given the context, returns the handler. Ids are `hogql.<name>`. A handler
 * declares the arguments it expects (`never[]` accepts any parameter list); VS Code passes whatever
 * the caller gave, and each handler checks what it got.
 */
export type CommandFactory = (ctx: Ctx) => (...args: never[]) => unknown;
type Handler = (...args: unknown[]) => unknown;

export type CommandTable = Record<string, CommandFactory>;

/** A command stopped because the user did not sign in when asked (they were told already). */
export class SignInRequiredError extends Error {
  override name = 'SignInRequiredError';
  constructor() {
    super('Not signed in to PostHog.');
  }
}

/** True for `{ … }` literals: how scripts and tests pass arguments (tree nodes are class instances). */
const isPlainObject = (v: unknown): boolean => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/**
 * Registers every command of a table under the `hogql.` prefix. A handler that throws shows the
 * error to the user (VS Code would only log it) and logs it. When the command was called from code
 * with a plain-object argument (a script or a test), the error is also rethrown to that caller.
 */
export function registerCommands(ctx: Ctx, table: CommandTable): void {
  for (const [name, make] of Object.entries(table)) {
    const handler = make(ctx) as Handler;
    const id = `hogql.${name}`;
    ctx.track(
      ctx.shell.command(id, async (...args: unknown[]) => {
        try {
          return await handler(...args);
        } catch (e) {
          // Restricted Mode already showed its warning (with "Manage Workspace Trust")
          // Restricted Mode and a declined sign-in already said what is needed: no second message.
          if (!(e instanceof TrustRequiredError) && !(e instanceof SignInRequiredError)) void showError(ctx, e);
          if (isPlainObject(args[0])) throw e;
          return undefined;
        }
      }),
    );
  }
}
