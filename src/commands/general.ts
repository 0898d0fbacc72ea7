import { readFileSync } from 'node:fs';
import type { CommandTable } from './registry';
import { ResultsPanel } from '../webview/resultsPanel';
import { sampleResult } from '../webview/sample';
import { devResult } from '../query/devResults';
import type { ResultPayload } from '../protocol/results';

/**
 * What the results panel shows when opened on its own: the sample, or — for tests and benchmarks —
 * the result in the JSON file named by `HOGQL_DEV_RESULTS_FILE` (a `ResultPayload`, or a generator
 * spec `{"generate": {"rows": 100000, "cols": 20, "seed": 1, "naive": false}}`). The file is read on
 * every run of the command, so a benchmark can rewrite it between runs.
 */
function panelResult(): ResultPayload {
  const file = process.env.HOGQL_DEV_RESULTS_FILE;
  return file ? devResult(JSON.parse(readFileSync(file, 'utf8'))) : sampleResult();
}

/** Commands that need no connection. */
export const generalCommands: CommandTable = {
  showOutput: (ctx) => () => ctx.log.show(),
  openResultsPanel: (ctx) => () => {
    const result = panelResult();
    const panel = ResultsPanel.show(ctx);
    panel.showResult(result);
    return { title: panel.title };
  },
};
