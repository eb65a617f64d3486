#!/usr/bin/env node
// `npm start`: the local playground (tests/emulator/playground.ts), run through scripts/run-ts.js.
const path = require("node:path");

process.argv.splice(2, 0, path.join(__dirname, "..", "tests", "emulator", "playground.ts"));
require("./run-ts.js");
