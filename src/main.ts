// Wires one run: host, inputs, AWS session, the deploy flow, outputs and the exit code.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { systemClock } from './clock.js';
import { deliver, type DeliverDeps } from './deploy/deliver.js';
import { checkInputCombination } from './deploy/check-inputs.js';
import { outputsOf } from './deploy/outputs.js';
import type { DeliveryResult } from './deploy/result.js';
import { CancelledError, EXIT, InputError, errorMessage, exitCodeFor } from './errors.js';
import type { Host } from './hosts/host.js';
import { parseInputs, type Inputs } from './inputs/parse.js';
import { INPUTS } from './inputs/schema.js';
import { rawInputReader, type Invocation } from './inputs/sources.js';
import { readStdin } from './inputs/stdin.js';
import { openSession } from './session.js';
import { watchRollout } from './watch/watch-rollout.js';
import { keepRevisions } from './deploy/keep-revisions.js';
import { imageStep } from './deploy/image-step.js';

type Env = Readonly<Record<string, string | undefined>>;

export async function main(invocation: Invocation, env: Env = process.env): Promise<number> {
  const host = await createHost(invocation, env);
  const { reporter } = host;
  const cancel = new AbortController();
  const stopListening = listenForCancel(cancel, reporter.warn);
  try {
    const stdinValues = await readStdinInputs(invocation);
    const raw = rawInputReader(invocation, env, stdinValues);
    for (const spec of INPUTS.filter((input) => input.secret)) {
      const value = raw(spec.name);
      if (value.trim()) reporter.mask(value.trim());
    }
    const inputs = parseInputs(raw);
    checkInputCombination(inputs);
    const session = await openSession(inputs, env, reporter, cancel.signal);
    const deps: DeliverDeps = {
      reporter,
      clock: systemClock,
      cancel: cancel.signal,
      readTextFile: (path) => readFileSync(resolve(path), 'utf8'),
      session,
      ...(session ? { unmodelledFields: (await import('./aws/unmodelled.js')).unmodelledFields } : {}),
      ...imageDeps(inputs, session, reporter, cancel.signal, env),
      watch: (target, options) => {
        if (!session) throw new Error('watching needs an AWS session');
        return watchRollout({ ecs: session.ecs, clock: systemClock, reporter }, target, options);
      },
      keepRevisions: (family, keep, protect) => {
        if (!session) throw new Error('keep-revisions needs an AWS session');
        return keepRevisions({ ecs: session.ecs, clock: systemClock, reporter }, { cluster: inputs.cluster, family, keep, protect });
      },
    };
    const result = await deliver(deps, inputs);
    await host.finish(result, outputsOf(result));
    return concludeRun(host, result, cancel.signal);
  } catch (error) {
    const cancelled = cancel.signal.aborted && !(error instanceof CancelledError) ? new CancelledError(signalOf(cancel.signal)) : error;
    host.fail(errorMessage(cancelled));
    return exitCodeFor(cancelled);
  } finally {
    stopListening();
  }
}

function imageDeps(
  inputs: Inputs,
  session: DeliverDeps['session'],
  reporter: Host['reporter'],
  cancel: AbortSignal,
  env: Env,
): Pick<DeliverDeps, 'image'> {
  const step = imageStep(inputs, session, reporter, cancel, env as NodeJS.ProcessEnv);
  return step ? { image: step } : {};
}

function concludeRun(host: Host, result: DeliveryResult, cancel: AbortSignal): number {
  const status = result.deploymentStatus;
  if (status === 'COMPLETED' || status === 'SKIPPED') {
    host.reporter.info(doneLine(result));
    return EXIT.ok;
  }
  host.fail(`deployment ${status}${result.statusMessage ? `: ${result.statusMessage}` : ''}`);
  if (status === 'CANCELLED') return signalOf(cancel) === 'SIGINT' ? EXIT.sigint : EXIT.sigterm;
  return EXIT.failed;
}

function doneLine(result: DeliveryResult): string {
  const seconds = Math.round((result.finishedAt - result.startedAt) / 100) / 10;
  const revision = result.taskDefinitionArn.split('/').pop() ?? result.taskDefinitionArn;
  if (result.dryRun) return `Dry run done in ${seconds}s.`;
  if (!result.service) return `Done in ${seconds}s: ${revision} ${result.registered ? 'registered' : 'reused'}.`;
  const state = result.deploymentStatus === 'COMPLETED' ? 'rollout completed' : 'not waited for';
  return `Done in ${seconds}s: ${result.service} runs ${revision}, ${state}.`;
}

async function createHost(invocation: Invocation, env: Env): Promise<Host> {
  const color = Boolean(process.stdout.isTTY) && !('NO_COLOR' in env);
  if (invocation.host === 'github-action') return (await import('./hosts/github.js')).githubHost();
  const options = { json: invocation.json, color, env };
  if (invocation.host === 'gitlab') return (await import('./hosts/gitlab.js')).gitlabHost(options);
  return (await import('./hosts/shell.js')).shellHost(options);
}

async function readStdinInputs(invocation: Invocation): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  if (invocation.stdinInputs.length === 0) return values;
  const [name] = invocation.stdinInputs;
  if (invocation.stdinInputs.length > 1 || !name) {
    throw new InputError(`only one --<name>-stdin flag can read standard input; got ${invocation.stdinInputs.map((n) => `--${n}-stdin`).join(', ')}.`);
  }
  values.set(name, (await readStdin()).replace(/\r?\n$/, ''));
  return values;
}

function listenForCancel(cancel: AbortController, warn: (line: string) => void): () => void {
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => () => {
    if (cancel.signal.aborted) process.exit(signal === 'SIGINT' ? EXIT.sigint : EXIT.sigterm);
    warn(`${signal} received: stopping.`);
    cancel.abort(signal);
  };
  const onInt = onSignal('SIGINT');
  const onTerm = onSignal('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return () => {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  };
}

function signalOf(signal: AbortSignal): 'SIGINT' | 'SIGTERM' {
  return signal.reason === 'SIGINT' ? 'SIGINT' : 'SIGTERM';
}
