// A GitLab CI job: shell output with collapsible sections, and the outputs in a dotenv report
// (ECS_DELIVERED_*, so a later job's ECS_DELIVER_* inputs are never overridden by them).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Host } from './host.js';
import { dotenvLines } from './dotenv.js';
import { shellHost, type ShellHostOptions } from './shell.js';

export const DOTENV_FILE = 'ecs-deliver.env';

export function gitlabHost(options: ShellHostOptions): Host {
  const shell = shellHost({ ...options, gitlabSections: true });
  return {
    ...shell,
    async finish(result, outputs) {
      const redacted = Object.fromEntries(
        Object.entries(outputs).map(([name, value]) => [name, shell.redactor.redact(value)]),
      );
      writeFileSync(resolve(DOTENV_FILE), dotenvLines(redacted, shell.reporter.warn));
      await shell.finish(result, outputs);
    },
  };
}
