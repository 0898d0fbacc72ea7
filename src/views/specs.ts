/** The eleven sidebar views: what each lists, how it pages and searches, and its node kind. */
import type { ActiveSession } from '../auth/session';
import type { Insight } from '../api/resources/insights';
import type { Person } from '../api/resources/persons';
import type { EventDefinition, PropertyDefinition } from '../api/resources/catalog';
import { loadLanguageBundle } from '../languageLoader';
import { ActionNode } from './nodes/actionNode';
import { AnnotationNode } from './nodes/annotationNode';
import { CohortNode } from './nodes/cohortNode';
import { DashboardNode } from './nodes/dashboardNode';
import { ExperimentNode } from './nodes/experimentNode';
import { FlagNode } from './nodes/flagNode';
import { InsightNode } from './nodes/insightNode';
import type { NodeEnv, TreeNode } from './nodes/node';
import { PersonNode } from './nodes/personNode';
import { RecordingNode } from './nodes/recordingNode';
import { pagedGroup, SchemaGroupNode, SchemaItemNode, SchemaTableNode } from './nodes/schemaNodes';
import { SurveyNode } from './nodes/surveyNode';
import { Pager } from './pager';
import type { Page } from './paging';
import type { ViewSpec } from './resourceTree';

const byId = (item: { id: string | number }): string | number => item.id;
const search = (s: string | undefined): Record<string, string> => (s ? { search: s } : {});

/** A spec for a plain `GET <resource>/?limit&offset[&search]` list. */
function simple<T>(name: ViewSpec<T>['name'], noun: string, key: (item: T) => string | number, resource: (s: ActiveSession) => { page(pid: number, offset: number, limit: number, opts: { signal: AbortSignal; filters?: Record<string, string> }): Promise<Page<T>> }, node: (item: T, env: NodeEnv) => TreeNode, filterPrompt = `Search ${noun} by name`): ViewSpec<T> {
  return {
    name,
    noun,
    filterPrompt,
    fetch: (s, offset, limit, q, signal) => resource(s).page(s.projectId, offset, limit, { signal, filters: search(q) }),
    node,
    key,
  };
}

/**
 * Insights: favourites first, then the other saved insights. The list's offset runs over both:
 * [0, favourites) are favourites, the rest are saved insights (favourites skipped there).
 */
function insightsFetch() {
  let favourites = Number.POSITIVE_INFINITY;
  return async (s: ActiveSession, offset: number, limit: number, q: string | undefined, signal: AbortSignal): Promise<Page<Insight>> => {
    const f = { basic: true, saved: true, ...search(q) };
    let results: Insight[] = [];
    if (offset === 0) favourites = Number.POSITIVE_INFINITY;
    if (offset < favourites) {
      const fav = await s.client.insights.page(s.projectId, offset, limit, { signal, filters: { ...f, favorited: true } });
      results = fav.results;
      if (fav.hasMore) return { results, hasMore: true, nextOffset: fav.nextOffset, count: undefined };
      favourites = fav.nextOffset;
      offset = fav.nextOffset;
    }
    const want = limit - results.length;
    if (want <= 0) return { results, hasMore: true, nextOffset: offset };
    const saved = await s.client.insights.page(s.projectId, offset - favourites, want, { signal, filters: f });
    return {
      results: results.concat(saved.results.filter((i) => !i.favorited)),
      hasMore: saved.hasMore,
      nextOffset: favourites + saved.nextOffset,
      count: saved.count,
    };
  };
}

function schemaRoot() {
  let cache: { key: string; nodes: TreeNode[] } | undefined;
  return async (env: NodeEnv, filter: string | undefined, gen: number): Promise<TreeNode[]> => {
    const { client, projectId } = env.session;
    const key = `${env.session.connection.id}|${projectId}|${filter ?? ''}|${gen}`;
    if (cache?.key === key) return cache.nodes;
    const id = `schema:${projectId}`;
    const f = filter?.toLowerCase();
    const tables = loadLanguageBundle().getVocabulary().tables.filter((t) => !f || t.name.toLowerCase().includes(f) || t.fields.some((x) => !x.hidden && x.name.toLowerCase().includes(f)));
    const defs = <T extends { id: string; name: string }>(gid: string, label: string, icon: string, fetch: (o: number, l: number, signal: AbortSignal) => Promise<Page<T>>, node: (d: T) => TreeNode): SchemaGroupNode => {
      let group: SchemaGroupNode | undefined = undefined;
      const pager = new Pager<T>(fetch, env.pageSize, node, `${id}/${gid}`, () => env.changed(group), (d) => d.id);
      group = pagedGroup(`${id}/${gid}`, label, icon, pager);
      return group;
    };
    const prop = (kind: 'eventProperty' | 'personProperty') => (d: PropertyDefinition) => new SchemaItemNode(`${id}/${kind}/${d.id}`, d.name, kind, d.property_type ?? undefined, d.description ?? undefined);
    const nodes: TreeNode[] = [
      new SchemaGroupNode(`${id}/tables`, 'HogQL tables', 'database', () => tables.map((t) => new SchemaTableNode(`${id}/tables`, t, filter)), !!filter),
      defs<EventDefinition>('events', 'Events', 'symbol-event', (o, l, signal) => client.eventDefinitions.page(projectId, o, l, { signal, filters: search(filter) }), (d) => new SchemaItemNode(`${id}/event/${d.id}`, d.name, 'event', undefined, d.description ?? undefined)),
      defs<PropertyDefinition>('eventProps', 'Event properties', 'symbol-property', (o, l, signal) => client.propertyDefinitions.page(projectId, o, l, { signal, filters: { type: 'event', ...search(filter) } }), prop('eventProperty')),
      defs<PropertyDefinition>('personProps', 'Person properties', 'person', (o, l, signal) => client.propertyDefinitions.page(projectId, o, l, { signal, filters: { type: 'person', ...search(filter) } }), prop('personProperty')),
    ];
    cache = { key, nodes };
    return nodes;
  };
}

// Each spec pairs its fetch and its node builder over its own item type: the list is heterogeneous,
// and TypeScript has no existential type to say "a ViewSpec of some T".
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function viewSpecs(): ViewSpec<any>[] {
  return [
    { name: 'insights', noun: 'insights', filterPrompt: 'Search insights by name or description', fetch: insightsFetch(), node: (i: Insight, env) => new InsightNode(env, i), key: (i: Insight) => i.id },
    simple('flags', 'feature flags', byId, (s) => s.client.flags, (f, env) => new FlagNode(env, f), 'Search feature flags by key or name'),
    simple('cohorts', 'cohorts', byId, (s) => s.client.cohorts, (c, env) => new CohortNode(env, c)),
    {
      name: 'recordings',
      noun: 'recordings',
      filterPrompt: 'Filter recordings by person UUID',
      fetch: (s, offset, limit, q, signal) => s.client.recordings.page(s.projectId, offset, limit, { signal, filters: { date_from: '-30d', ...(q ? { person_uuid: q } : {}) } }),
      node: (r, env) => new RecordingNode(env, r),
      key: (r) => r.id,
    },
    simple('dashboards', 'dashboards', byId, (s) => s.client.dashboards, (d, env) => new DashboardNode(env, d)),
    simple('experiments', 'experiments', byId, (s) => s.client.experiments, (e, env) => new ExperimentNode(env, e)),
    simple('surveys', 'surveys', byId, (s) => s.client.surveys, (x, env) => new SurveyNode(env, x)),
    simple('actions', 'actions', byId, (s) => s.client.actions, (a, env) => new ActionNode(env, a)),
    simple('annotations', 'annotations', byId, (s) => s.client.annotations, (a, env) => new AnnotationNode(env, a), 'Search annotations by text'),
    simple('persons', 'persons', (p: Person) => p.uuid, (s) => s.client.persons, (p, env) => new PersonNode(env, p), 'Search persons by email, name or distinct id'),
    { name: 'schema', noun: 'names', filterPrompt: 'Filter tables, fields, events and properties', fetch: async () => ({ results: [], hasMore: false, nextOffset: 0 }), node: () => { throw new Error('schema has no list'); }, key: () => 0, root: schemaRoot() },
  ];
}
