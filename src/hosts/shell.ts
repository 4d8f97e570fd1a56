// Any shell, Jenkins, a GitHub `run:` step or a GitLab job: plain lines, outputs as JSON with --json.
import { EOL } from 'node:os';
import type { DeliveryResult } from '../deploy/result.js';
import type { Reporter } from '../report.js';
import type { Host } from './host.js';
import { heldCredentials } from './held-credentials.js';
import { Redactor } from '../redactor.js';

export interface ShellHostOptions {
  json: boolean;
  color: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** Collapsible sections in the GitLab job log. */
  gitlabSections?: boolean;
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
}

export function shellHost(options: ShellHostOptions): Host & { redactor: Redactor } {
  const redactor = new Redactor();
  for (const credential of heldCredentials(options.env)) redactor.add(credential);
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const log = options.json ? stderr : stdout;
  const paint = (code: string, text: string): string => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const write = (line: string): void => {
    log.write(redactor.redact(line) + EOL);
  };
  let sections = 0;

  const reporter: Reporter = {
    info: write,
    warn: (line) => write(paint('33', `warning: ${line}`)),
    error: (line) => write(paint('31', `error: ${line}`)),
    async group(title, body) {
      if (!options.gitlabSections) {
        write(paint('1', `── ${title}`));
        return body();
      }
      const id = `ecs_deliver_${++sections}`;
      const now = (): number => Math.floor(Date.now() / 1000);
      log.write(`\u001b[0Ksection_start:${now()}:${id}[collapsed=false]\r\u001b[0K${redactor.redact(title)}${EOL}`);
      try {
        return await body();
      } finally {
        log.write(`\u001b[0Ksection_end:${now()}:${id}\r\u001b[0K${EOL}`);
      }
    },
    mask: (secret) => redactor.add(secret),
  };

  return {
    redactor,
    reporter,
    async finish(result: DeliveryResult, outputs, services) {
      await publishToGithubFiles(options.env, result, outputs, redactor, services);
      if (options.json) {
        stdout.write(redactor.redact(JSON.stringify(outputs)) + EOL);
        return;
      }
      // A run that changed nothing ends with its one error line; its empty outputs would only bury it.
      if (result.deploymentStatus === 'NOT_STARTED') return;
      for (const [name, value] of Object.entries(outputs)) write(`output ${name}=${value}`);
    },
    fail(message) {
      reporter.error(message);
    },
  };
}

/**
 * A plain `run:` step on GitHub: the step outputs and the job summary go to the runner's files, through the
 * same writer a `uses:` step has. Loaded only there.
 */
async function publishToGithubFiles(
  env: Readonly<Record<string, string | undefined>>,
  result: DeliveryResult,
  outputs: Readonly<Record<string, string>>,
  redactor: Redactor,
  services: readonly DeliveryResult[] | undefined,
): Promise<void> {
  if (!env['GITHUB_OUTPUT'] && !env['GITHUB_STEP_SUMMARY']) return;
  const core = await import('@actions/core');
  if (env['GITHUB_OUTPUT']) {
    for (const [name, value] of Object.entries(outputs)) core.setOutput(name, redactor.redact(value));
  }
  if (env['GITHUB_STEP_SUMMARY']) {
    const { renderServicesSummary, renderSummary } = await import('./summary.js');
    const [shown, shownServices] = [redactor.redactValue(result), services && redactor.redactValue(services)];
    await core.summary.addRaw(redactor.redact(shownServices ? renderServicesSummary(shown, shownServices) : renderSummary(shown)), true).write();
  }
}
