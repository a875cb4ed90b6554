#!/usr/bin/env node
// Entry point of the `betaens` command: the compiled CLI (npm's prepare script builds dist/).
import "../dist/cli/bin.js";
