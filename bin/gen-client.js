#!/usr/bin/env node
import { setFlagsFromString } from "node:v8";

// A generation is one short burst of work: V8's top tier (TurboFan) spends more CPU compiling
// the emitters than its faster code gives back before the run ends (GitHub's SDK: 3.95 s of CPU
// without it against 4.95 s with it, in alternating runs; README, Performance). Set before the
// generator is loaded; the programmatic API leaves the host process's flags alone.
setFlagsFromString("--max-opt=2");
const { main } = await import("../dist/generator/cli.js");

process.exitCode = await main(process.argv.slice(2));
