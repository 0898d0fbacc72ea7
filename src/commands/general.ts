import type { CommandTable } from '../ui/registry';
import { ResultsPanel } from '../webview/resultsPanel';
import { openDevResults } from '../webview/devPanel';

/** Commands that need no connection. */
export const generalCommands: CommandTable = {
  showOutput: (ctx) => () => ctx.log.show(),
  /** Shows the results panel (its last result, or "run a query" when none ran yet). */
  openResultsPanel: (ctx) => () => {
    if (__TEST_HOOKS__ && process.env.HOGQL_DEV_RESULTS_FILE) return openDevResults(ctx, process.env.HOGQL_DEV_RESULTS_FILE);
    return { title: ResultsPanel.show(ctx).title };
  },
};
