// A GitLab CI job: shell output with collapsible sections, and the outputs in a dotenv report
// (ECS_DELIVERED_*, so a later job's ECS_DELIVER_* inputs are never overridden by them).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Host } from './host.js';
import { dotenvLines } from './dotenv.js';
import { shellHost, type ShellHostOptions } from './shell.js';

export const DOTENV_FILE = 'ecs-deliver.env';
/** Every service's result (one for a single-service run), declared as an artifact by the component. */
export const RESULTS_FILE = 'ecs-deliver-results.json';
/** Outputs too large for the dotenv report, which stays a few KB: they go to RESULTS_FILE. */
const FILE_ONLY_OUTPUTS = new Set(['results']);

export function gitlabHost(options: ShellHostOptions): Host {
  const shell = shellHost({ ...options, gitlabSections: true });
  return {
    ...shell,
    async finish(result, outputs, services) {
      const redacted = Object.fromEntries(
        Object.entries(outputs)
          .filter(([name]) => !FILE_ONLY_OUTPUTS.has(name))
          .map(([name, value]) => [name, shell.redactor.redact(value)]),
      );
      writeFileSync(resolve(DOTENV_FILE), dotenvLines(redacted, shell.reporter.warn));
      // The component declares the file as an artifact for every run: a single service's run writes its one result.
      const results = services ? (JSON.parse(outputs['results'] ?? '[]') as unknown) : [(await import('../deploy/outputs.js')).resultOutput(result)];
      writeFileSync(resolve(RESULTS_FILE), `${shell.redactor.redact(JSON.stringify(results, null, 2))}\n`);
      await shell.finish(result, outputs, services);
    },
  };
}
