/**
 * Key kinds by prefix. The full validation with user-facing messages is `src/auth/keyKind.ts`
 * (auth depends on api, not the other way round); this is the part the client needs.
 */
export type KeyKind = 'personal' | 'project' | 'projectSecret' | 'unknown';

export function keyKindOf(key: string): KeyKind {
  const k = key.trim();
  if (k.startsWith('phx_')) return 'personal';
  if (k.startsWith('phc_')) return 'project';
  if (k.startsWith('phs_')) return 'projectSecret';
  return 'unknown';
}

/** Scopes the extension asks users to grant a personal API key (shown in messages). */
export const RECOMMENDED_SCOPES = [
  'user:read',
  'organization:read',
  'project:read',
  'query:read',
  'insight:write',
  'feature_flag:write',
  'cohort:read',
  'session_recording:read',
  'person:read',
  'dashboard:read',
  'experiment:read',
  'survey:read',
  'action:read',
  'annotation:write',
  'event_definition:read',
  'property_definition:read',
] as const;

/** The settings page where personal API keys are created. */
export function personalKeysUrl(webBase: string): string {
  return `${webBase}/settings/user-api-keys`;
}

/** Explains why a project or secret key cannot be used for the private API (undefined otherwise). */
export function wrongKeyKindMessage(kind: KeyKind, webBase: string): string | undefined {
  const create =
    `Create a personal API key (it starts with phx_) at ${personalKeysUrl(webBase)} ` +
    `with the scopes you need (e.g. query:read, insight:read, feature_flag:read) and use that instead.`;
  if (kind === 'project') {
    return `This is a project API key (phc_…), which is public and only for capturing events. ${create}`;
  }
  if (kind === 'projectSecret') {
    return `This is a project secret key (phs_…), which is only for feature flag local evaluation. ${create}`;
  }
  return undefined;
}
