// Any shell, Jenkins, a GitHub `run:` step or a GitLab job: plain lines, outputs as JSON with --json.
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';
import type { DeliveryResult } from '../deploy/result.js';
import type { Reporter } from '../report.js';
import type { Host } from './host.js';
import { Redactor } from './redactor.js';

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
    setOutput() {},
    summary() {},
  };

  return {
    redactor,
    reporter,
    async finish(_result: DeliveryResult, outputs) {
      const githubOutput = options.env['GITHUB_OUTPUT'];
      if (githubOutput) appendFileSync(githubOutput, githubOutputLines(outputs, redactor));
      if (options.json) {
        stdout.write(redactor.redact(JSON.stringify(outputs)) + EOL);
        return;
      }
      for (const [name, value] of Object.entries(outputs)) write(`output ${name}=${value}`);
    },
    fail(message) {
      reporter.error(message);
    },
  };
}

function githubOutputLines(outputs: Readonly<Record<string, string>>, redactor: Redactor): string {
  return Object.entries(outputs)
    .map(([name, value]) => {
      const clean = redactor.redact(value);
      if (!clean.includes('\n')) return `${name}=${clean}${EOL}`;
      const delimiter = `ecs_deliver_${Math.random().toString(36).slice(2)}`;
      return `${name}<<${delimiter}${EOL}${clean}${EOL}${delimiter}${EOL}`;
    })
    .join('');
}
