#!/usr/bin/env node
// Entry point for every host. --version loads this chunk only (argv parsing and the input schema); --help
// also loads its text, and a run imports main and everything it needs.
import { EXIT } from './errors.js';
import { parseArgv, UsageError } from './inputs/sources.js';
import { VERSION } from './version.js';

async function entry(): Promise<number> {
  let invocation;
  try {
    invocation = parseArgv(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`error: ${error.message}\n`);
    return EXIT.unchanged;
  }
  if (invocation.version) {
    process.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  if (invocation.help) {
    const { helpText } = await import('./cli/help.js');
    process.stdout.write(helpText({ color: Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env), version: VERSION }));
    return EXIT.ok;
  }
  const { run } = await import('./cli/run.js');
  return run(invocation);
}

process.exitCode = await entry();
