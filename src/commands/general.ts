import type { CommandTable } from './registry';
import { ResultsPanel } from '../webview/resultsPanel';
import { sampleResult } from '../webview/sample';

/** Commands that need no connection. */
export const generalCommands: CommandTable = {
  showOutput: (ctx) => () => ctx.log.show(),
  openResultsPanel: (ctx) => () => {
    const panel = ResultsPanel.show(ctx);
    panel.showResult(sampleResult());
    return { title: panel.title };
  },
};
