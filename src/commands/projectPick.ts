/**
 * The items of the project picker (sign-in step 3, and "Other projects on …" of Switch Project):
 * one per project, its organisation as detail; the project in use is marked with a check and
 * "current", and listed first. Pure: no `vscode`.
 */
import { oneLine } from '../views/format';

export interface PickableProject {
  id: number;
  name: string;
  organization?: unknown;
}

export interface ProjectItem<P extends PickableProject> {
  label: string;
  description: string;
  detail: string | undefined;
  project: P;
}

export const SWITCH_PROJECT_TITLE = 'PostHog: Switch Project';
export const SIGN_IN_PROJECT_TITLE = 'Sign in to PostHog (3/3): project';

/**
 * `current`: the project in use (marked); `first`: listed first without a mark (at sign-in, the
 * user's current project in PostHog's web app).
 */
export function projectItems<P extends PickableProject>(projects: readonly P[], orgNames: ReadonlyMap<string, string>, current?: number, first?: number): ProjectItem<P>[] {
  const top = current ?? first;
  const items = projects.map((p) => {
    const isCurrent = p.id === current;
    return {
      label: `${isCurrent ? '$(check) ' : ''}${oneLine(p.name, 150) || `Project ${p.id}`}`,
      description: isCurrent ? `current · id ${p.id}` : `id ${p.id}`,
      detail: orgNames.get(String(p.organization)) ?? undefined,
      project: p,
    };
  });
  return items.sort((a, b) => Number(b.project.id === top) - Number(a.project.id === top));
}
