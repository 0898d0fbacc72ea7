// Entry point for @vscode/test-electron (desktop VS Code, needs internet to download it): runs the
// same compiled host tests as the code-server harness.
const path = require('path');
const fs = require('fs');
const Mocha = require('mocha');

exports.run = function run() {
  const dir = path.resolve(__dirname, '../../out/test/host');
  const mocha = new Mocha({ ui: 'bdd', timeout: 30000, color: true });
  for (const f of fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(dir, f));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} host test(s) failed`)) : resolve()));
  });
};
