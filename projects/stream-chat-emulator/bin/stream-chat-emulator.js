#!/usr/bin/env node
// Launches the emulator's TypeScript sources through tsx.
require('tsx/cjs/api').register();
require('../src/cli.ts');
