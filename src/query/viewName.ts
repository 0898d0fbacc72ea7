/**
 * View names as PostHog accepts them (products/data_warehouse/backend/models/
 * datawarehouse_saved_query.py `validate_saved_query_name`, 02d14de4; the API serializer's
 * `validate_name`): `^[A-Za-z_$][A-Za-z0-9_.$]*$`, at most 128 characters (the model's
 * max_length), not one of PostHog's own tables. A view is a table in HogQL, queried by its name.
 * Pure: no `vscode`.
 */

const NAME = /^[A-Za-z_$][A-Za-z0-9_.$]*$/;

/** Why PostHog would refuse `name` for a view, or undefined when it is fine. */
export function viewNameProblem(name: string, postHogTables: ReadonlySet<string>): string | undefined {
  if (name === '') return 'Enter a name: the view is queried by it, as a table (SELECT * FROM my_view).';
  if (name.length > 128) return `A view name has at most 128 characters (this one has ${name.length}).`;
  if (!NAME.test(name)) return "Use letters, digits, '_', '$' or '.' only, not starting with a digit (no spaces): the name is a table name in HogQL.";
  if (postHogTables.has(name)) return `"${name}" is a PostHog table: a view cannot have its name.`;
  return undefined;
}

/** A suggested name from the query's first comment or the file name: `Daily events` → `daily_events`. */
export function suggestViewName(text: string): string {
  const cleaned = text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_$]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 64);
  return cleaned === '' ? 'my_view' : /^[0-9]/.test(cleaned) ? `v_${cleaned}` : cleaned;
}
