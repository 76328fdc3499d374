#!/usr/bin/env node
// Runs the TypeScript sources through tsx so a checkout works right after `npm ci`, with no build step.
require('tsx/cjs');
require('../src/main.ts');
