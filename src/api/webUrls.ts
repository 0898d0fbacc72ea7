/**
 * Web URLs of PostHog objects on the app host (for "Open in PostHog"). Patterns from PostHog's
 * frontend `scenes/urls.ts`; the annotation and person ones are unconfirmed (see posthog-api.md).
 */
import { joinUrl } from './hosts';

type Id = string | number;
const seg = (s: Id): string => encodeURIComponent(String(s));

export class WebUrls {
  constructor(private readonly baseUrl: string) {}

  /** Any path on the app host. */
  path(path: string): string {
    return joinUrl(this.baseUrl, path);
  }
  private project(pid: Id, rest: string): string {
    return this.path(`/project/${seg(pid)}/${rest}`);
  }
  insight(pid: Id, shortId: string, edit = false): string {
    return this.project(pid, `insights/${seg(shortId)}${edit ? '/edit' : ''}`);
  }
  /** A data warehouse view in the SQL editor (PostHog `urls.sqlEditor(undefined, view_id)`). */
  view(pid: Id, id: string): string {
    return this.project(pid, `sql?open_view=${encodeURIComponent(id)}`);
  }
  flag(pid: Id, id: Id): string {
    return this.project(pid, `feature_flags/${seg(id)}`);
  }
  cohort(pid: Id, id: Id): string {
    return this.project(pid, `cohorts/${seg(id)}`);
  }
  recording(pid: Id, sessionId: string): string {
    return this.project(pid, `replay/${seg(sessionId)}`);
  }
  person(pid: Id, distinctId: string): string {
    return this.project(pid, `person/${seg(distinctId)}`);
  }
  /** A person by its uuid (`/persons/:uuid`, PostHog `urls.personByUUID`). */
  personByUuid(pid: Id, uuid: string): string {
    return this.project(pid, `persons/${seg(uuid)}`);
  }
  /** One event: PostHog's URL needs its timestamp too (`/events/:uuid/:timestamp`, `urls.event`). */
  event(pid: Id, uuid: string, timestamp: string): string {
    return this.project(pid, `events/${seg(uuid)}/${seg(timestamp)}`);
  }
  dashboard(pid: Id, id: Id): string {
    return this.project(pid, `dashboard/${seg(id)}`);
  }
  experiment(pid: Id, id: Id): string {
    return this.project(pid, `experiments/${seg(id)}`);
  }
  survey(pid: Id, id: Id): string {
    return this.project(pid, `surveys/${seg(id)}`);
  }
  action(pid: Id, id: Id): string {
    return this.project(pid, `data-management/actions/${seg(id)}`);
  }
  eventDefinition(pid: Id, id: Id): string {
    return this.project(pid, `data-management/events/${seg(id)}`);
  }
  propertyDefinition(pid: Id, id: Id): string {
    return this.project(pid, `data-management/properties/${seg(id)}`);
  }
  /** Where personal API keys are created. */
  personalApiKeys(): string {
    return this.path('/settings/user-api-keys');
  }
  /** Where the project API key (phc_) is shown. */
  projectSettings(): string {
    return this.path('/settings/project');
  }
}
