// `status`: what runs now on each service the inputs name (or each entry of a services-file). Read-only: it
// changes nothing, and ends 0 unless a service cannot be read.
import { EXIT, InputError, PreflightError, errorMessage, exitCodeFor } from '../errors.js';
import { readEntries } from '../fleet/entries.js';
import { readRawInputs } from '../fleet/run.js';
import type { Host } from '../hosts/host.js';
import { parseInputs } from '../inputs/parse.js';
import type { Invocation } from '../inputs/sources.js';
import { openSession } from '../session.js';
import { readServiceStatus, statusLines, type ServiceStatus } from './status-read.js';

type Env = Readonly<Record<string, string | undefined>>;

export interface VerbContext {
  invocation: Invocation;
  env: Env;
  host: Host;
  cancel: AbortSignal;
  /** What the run's cancel backstop needs to know of the verb running. */
  running?: VerbRun;
}

export interface VerbRun {
  /** A cancel sends a rollback and waits for its answer (continue with rollback-on-cancel). */
  rollsBackOnCancel: boolean;
}

export async function runStatus({ invocation, env, host, cancel }: VerbContext): Promise<number> {
  const reporter = host.reporter;
  const raw = await readRawInputs({ invocation, env, reporter });
  const inputs = parseInputs(raw);
  const targets = inputs.services.file
    ? (await readEntries(inputs.services.file, raw, reporter, Date.now())).filter((run) => run.inputs.service).map((run) => run.inputs)
    : [inputs];
  if (targets.length === 0 || targets.some((target) => !target.service)) {
    throw new InputError('service: not set; status needs service (and cluster), or a services-file of services.');
  }
  if (inputs.dryRun) {
    for (const target of targets) {
      reporter.info(`Dry run: status would read ${target.cluster}/${target.service} (DescribeServices, DescribeTaskDefinition, ListServiceDeployments, DescribeServiceDeployments); nothing is read.`);
    }
    return EXIT.ok;
  }
  const session = await openSession(inputs, env, reporter, cancel);
  const read: ServiceStatus[] = [];
  let code: number = EXIT.ok;
  for (const target of targets) {
    try {
      const status = await readServiceStatus(session.ecs, target.cluster, target.service);
      read.push(status);
      for (const line of statusLines(status)) reporter.info(line);
    } catch (error) {
      reporter.error(`${target.cluster}/${target.service}: ${errorMessage(error)}`);
      code = Math.max(code, error instanceof PreflightError ? EXIT.unchanged : exitCodeFor(error) || EXIT.failed);
    }
  }
  await publishStatus(invocation, { services: read });
  return code;
}

/** The JSON form: on standard output with --json, and as the step output `status` on GitHub. */
async function publishStatus(invocation: Invocation, document: { services: ServiceStatus[] }): Promise<void> {
  const json = JSON.stringify(document);
  if (invocation.host === 'github-action') (await import('@actions/core')).setOutput('status', json);
  else if (invocation.json) process.stdout.write(`${json}\n`);
}
