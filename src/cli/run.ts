// A run, as opposed to --help or --version: loaded with main, so the entry chunk that --version loads stays small.
import type { Invocation } from '../inputs/sources.js';
import { main } from '../main.js';

export function run(invocation: Invocation): Promise<number> {
  shortenSdkNodeWarning();
  return main(invocation);
}

/** The bundled AWS SDK warns in eight lines on every run under Node 20; one line says it. */
function shortenSdkNodeWarning(): void {
  const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  process.emitWarning = ((warning: unknown, ...rest: unknown[]) => {
    const text = warning instanceof Error ? `${warning.name}: ${warning.message}` : String(warning);
    const [options] = rest;
    const type = typeof options === 'string' ? options : (options as { type?: unknown } | undefined)?.type;
    if (text.startsWith('NodeVersionSupportWarning') || type === 'NodeVersionSupportWarning') {
      process.stderr.write(`warning: Node ${process.versions.node} is past AWS SDK support; run ecs-deliver on Node 22 or later.\n`);
      return;
    }
    emitWarning(warning, ...rest);
  }) as typeof process.emitWarning;
}
