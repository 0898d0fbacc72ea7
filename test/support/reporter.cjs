// Mocha reporter: the usual spec output, plus a JSON summary ({passes, failures, pending, titles of
// failures}) written to $HOGQL_MOCHA_SUMMARY so scripts/test.mjs can sum every layer.
const fs = require('fs');
const Mocha = require('mocha');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const failures = [];
    runner.on('fail', (test, err) => failures.push({ title: test.fullTitle(), error: String((err && err.message) || err) }));
    runner.once('end', () => {
      const file = process.env.HOGQL_MOCHA_SUMMARY;
      if (!file) return;
      const { passes, pending } = runner.stats;
      fs.writeFileSync(file, JSON.stringify({ passes, failures: failures.length, pending, failed: failures }));
    });
  }
}

module.exports = SummaryReporter;
