#!/usr/bin/env node
// The command line of the compiled package (`npm run build` writes dist/).
require('../dist/cli.js');
