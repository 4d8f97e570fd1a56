#!/usr/bin/env node
// Entry point for every host. --help and --version load only the input schema; everything else is
// imported when a run needs it.
import { helpText } from './cli/help.js';
import { EXIT } from './errors.js';
import { parseArgv, UsageError } from './inputs/sources.js';
import { VERSION } from './version.js';

// The bundled AWS SDK warns in eight lines on every run under Node 20; one line says it.
const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void;
process.emitWarning = ((warning: unknown, ...rest: unknown[]) => {
  const text = warning instanceof Error ? `${warning.name}: ${warning.message}` : String(warning);
  const [options] = rest;
  const type = typeof options === 'string' ? options : (options as { type?: unknown } | undefined)?.type;
  if (text.startsWith('NodeVersionSupportWarning') || type === 'NodeVersionSupportWarning') {
    process.stderr.write(`warning: Node ${process.versions.node} is past AWS SDK support; the action runs on node24.\n`);
    return;
  }
  emitWarning(warning, ...rest);
}) as typeof process.emitWarning;

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
