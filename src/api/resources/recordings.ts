/** Session recordings: `{results, has_next}` lists paged with `offset += limit`. */
import type { PagingStyle } from '../paginate';
import * as v from 'valibot';
import type { ItemSpec } from '../schema/boundary';
import { numId, optBool, optNumber, optRecord, optText, strId, textList } from '../schema/lenient';
import { ProjectResource } from './base';

/** A session recording (PostHog `SessionRecordingApi`; `id` is the session id). */
export const SessionRecordingSchema = v.looseObject({
  id: strId,
  distinct_id: optText('distinct_id'),
  viewed: optBool('viewed'),
  recording_duration: optNumber('recording_duration'),
  active_seconds: optNumber('active_seconds'),
  inactive_seconds: optNumber('inactive_seconds'),
  start_time: optText('start_time'),
  end_time: optText('end_time'),
  click_count: optNumber('click_count'),
  keypress_count: optNumber('keypress_count'),
  console_error_count: optNumber('console_error_count'),
  start_url: optText('start_url'),
  person: v.optional(
    v.fallback(
      v.nullable(
        v.looseObject({
          id: v.optional(v.union([numId, strId])),
          uuid: optText('person.uuid'),
          name: optText('person.name'),
          distinct_ids: textList('person.distinct_ids'),
          properties: optRecord('person.properties'),
        }),
      ),
      null,
    ),
  ),
  ongoing: optBool('ongoing'),
  activity_score: optNumber('activity_score'),
});
export type SessionRecording = v.InferOutput<typeof SessionRecordingSchema>;
export const SESSION_RECORDING: ItemSpec<SessionRecording> = { resource: 'recording', schema: SessionRecordingSchema };

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
  protected readonly item = SESSION_RECORDING;
  protected override readonly style: PagingStyle = 'has_next';
}
