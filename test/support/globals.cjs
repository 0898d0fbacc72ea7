// Build-time constants of scripts/build.mjs for code run from source (unit tests through tsx).
globalThis.__TEST_HOOKS__ = true;
globalThis.__EXTENSION_ID__ = (({ publisher, name }) => `${publisher}.${name}`)(require('../../package.json'));
