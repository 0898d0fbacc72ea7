#!/usr/bin/env node
// Installs only the npm packages of the project and the emulator (no apt, no code-server): what
// `npm run emulator` needs.
import { setup } from './setup.mjs';

setup({ codeServer: false, browser: false });
