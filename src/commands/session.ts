/**
 * The one way a command gets the signed-in session: when signed out, the user is told what needs a
 * sign-in and offered "Sign In"; after signing in there, the command goes on with the new session.
 */
import * as vscode from 'vscode';
import type { ActiveSession } from '../auth/session';
import type { Ctx } from '../ctx';
import { notify } from '../ui/notify';
import { SignInRequiredError } from '../ui/registry';

/** The active session, or (signed out) the one the user signs in to when asked; undefined if they don't. */
export async function requireSession(ctx: Ctx, what = 'use your PostHog project from VS Code'): Promise<ActiveSession | undefined> {
  const session = await ctx.session.active();
  if (session) return session;
  const choice = await notify('info', `Sign in to ${what}.`, 'Sign In');
  if (choice === 'Sign In') await vscode.commands.executeCommand('hogql.signIn');
  return ctx.session.active();
}

/** As requireSession, for commands that cannot go on without one: a quiet error (already explained) when signed out. */
export async function sessionOrStop(ctx: Ctx, what?: string): Promise<ActiveSession> {
  const session = await requireSession(ctx, what);
  if (!session) throw new SignInRequiredError();
  return session;
}
