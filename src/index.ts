#!/usr/bin/env node
// Entry point for every host. --help and --version load only the input schema; everything else is
// imported when a run needs it.
import { helpText } from './cli/help.js';
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
    process.stdout.write(helpText({ color: Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env), version: VERSION }));
    return EXIT.ok;
  }
  const { main } = await import('./main.js');
  return main(invocation);
}

process.exitCode = await entry();
