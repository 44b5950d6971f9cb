#!/usr/bin/env node
// The `dyad` executable: everything lives in program.ts so tests can build the same tree.
import { main } from './program.js'

await main(process.argv)
