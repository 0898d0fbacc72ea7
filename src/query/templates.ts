/**
 * Queries the extension writes into new documents. Each one must run cleanly against PostHog:
 * test/unit/query/templates.test.ts parses them with PostHog's parser and test/host/shipped.test.ts
 * runs them against the local PostHog. Pure: no `vscode`.
 *
 * An alias must not share its name with a table it is used next to: `count() AS events` then
 * `ORDER BY events` makes PostHog resolve `events` to the table ("Can't select a table when a
 * column is expected: events").
 */
export const STARTER_QUERY = `-- New HogQL query: run it with "PostHog: Run Query" (Ctrl/Cmd+Enter)
SELECT event, count() AS total
FROM events
WHERE timestamp > now() - INTERVAL 7 DAY
GROUP BY event
ORDER BY total DESC
LIMIT 100
`;
