// A GitLab CI job: shell output with collapsible sections, and the outputs in a dotenv report
// (ECS_DELIVERED_*, so a later job's ECS_DELIVER_* inputs are never overridden by them).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Host } from './host.js';
import { dotenvLines } from './dotenv.js';
import { shellHost, type ShellHostOptions } from './shell.js';

export const DOTENV_FILE = 'ecs-deliver.env';
/** A run of many services: every service's result, declared as an artifact by the component. */
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
      if (services) {
        const results = shell.redactor.redact(JSON.stringify(JSON.parse(outputs['results'] ?? '[]'), null, 2));
        writeFileSync(resolve(RESULTS_FILE), `${results}\n`);
      }
      await shell.finish(result, outputs, services);
    },
  };
}
