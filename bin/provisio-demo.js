#!/usr/bin/env node
// Runs the compiled demo (`npm run demo`); `npm ci` builds it through the `prepare` script.
import { main } from '../dist/demo/main.js';

process.exitCode = await main(process.argv.slice(2));
