// The action as a module: run() does what a `uses:` step does, for tools that import the action and call it,
// such as GitHub's local-action runner. dist/index.js starts itself and reads the command line instead.
import type { Invocation } from './inputs/sources.js';
import { main } from './main.js';

export async function run(): Promise<void> {
  const invocation: Invocation = { host: 'github-action', flags: new Map(), stdinInputs: [], json: false, help: false, version: false };
  process.exitCode = await main(invocation, process.env);
}
