/** Session recordings: `{results, has_next}` lists paged with `offset += limit`. */
import type { PagingStyle } from '../paginate';
import { ProjectResource } from './base';

export interface SessionRecording {
  /** The session id. */
  id: string;
  distinct_id?: string;
  viewed?: boolean;
  recording_duration?: number;
  active_seconds?: number;
  inactive_seconds?: number;
  start_time?: string;
  end_time?: string;
  click_count?: number;
  keypress_count?: number;
  console_error_count?: number;
  start_url?: string;
  person?: { id?: number | string; uuid?: string; name?: string; distinct_ids?: string[]; properties?: Record<string, unknown> };
  ongoing?: boolean;
  activity_score?: number;
  [extra: string]: unknown;
}

export interface RecordingFilters {
  [key: string]: string | number | boolean | undefined;
  date_from?: string;
  date_to?: string;
  person_uuid?: string;
  order?: string;
  filter_test_accounts?: boolean;
  /** JSON-encoded lists, as PostHog expects. */
  session_ids?: string;
  events?: string;
  properties?: string;
}

export class SessionRecordings extends ProjectResource<SessionRecording, RecordingFilters> {
  protected readonly segment = 'session_recordings';
  protected override readonly style: PagingStyle = 'has_next';
}
