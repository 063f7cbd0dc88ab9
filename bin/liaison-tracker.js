#!/usr/bin/env node
// The compiled CLI (built by `npm install` through the `prepare` script, or `npm run build`).
require('../dist/cli/main.js').runCli(process.argv.slice(2)).then((code) => { process.exitCode = code; });
