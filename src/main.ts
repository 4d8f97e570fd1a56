// Wires a host to a run: the run (fleet/run.ts) deploys one service or a services-file's many, and every ending
// (bad input, a failed preflight, a failed step, a cancel) publishes the outputs, the job summary and the dotenv
// report, then says how the run ended.
import { CANCEL_WITH_CHANGE_MS, abandonCallsInFlight, changesUnderway } from './aws/change.js';
import { listenForCancel } from './cancel.js';
import { systemClock } from './clock.js';
import { CancelledError, EXIT, errorMessage, exitCodeFor } from './errors.js';
import { conclude, endingOf, publish, type Ending } from './fleet/conclude.js';
import { deliver } from './fleet/run.js';
import { newRunState, rollsBackOnCancel, type RunState } from './fleet/state.js';
import type { Host } from './hosts/host.js';
import type { Invocation } from './inputs/sources.js';
import type { Reporter } from './report.js';
import { runOtherVerb } from './verbs/run-verb.js';
import type { VerbRun } from './verbs/status.js';
import { withWaitProgress, type WaitProgressOptions } from './rollout/wait-progress.js';

type Env = Readonly<Record<string, string | undefined>>;

/** How long a cancelled run may take to stop by itself before the outputs are written and it exits anyway. */
const CANCEL_BACKSTOP_MS = 1_800;
/** During the watch with rollback-on-cancel the watcher waits up to about 10 s for the rollback's answer. */
const CANCEL_BACKSTOP_ROLLBACK_MS = 12_000;

export async function main(invocation: Invocation, env: Env = process.env): Promise<number> {
  const host = await createHost(invocation, env);
  const errors = countErrors(invocation.json ? host.reporter : withWaitProgress(host.reporter, progressOptions(env)));
  const state = newRunState(systemClock.now());
  const published = { done: false };
  const cancel = new AbortController();
  const verbRun: VerbRun = { rollsBackOnCancel: false };
  let verbRunning = true;
  const stopListening = listenForCancel(cancel, errors.reporter.warn, (signal) => {
    // With rollback-on-cancel (and for CodeDeploy, always) a cancel during the update or the watch undoes what the
    // update started, also when its answer was lost; the answer to that one call is waited for too.
    const rollsBack = verbRunning ? verbRun.rollsBackOnCancel : rollsBackOnCancel(state.runs);
    const wait = rollsBack ? CANCEL_BACKSTOP_ROLLBACK_MS : changesUnderway() > 0 ? CANCEL_WITH_CHANGE_MS : CANCEL_BACKSTOP_MS;
    return setTimeout(() => void (verbRunning ? endCancelledVerb(host, signal) : endCancelledRun(host, state, published, signal)), wait);
  });
  try {
    const verb = await runOtherVerb(invocation, env, host, cancel.signal, verbRun);
    if (verb !== undefined) return verb;
    verbRunning = false;
    const { error } = await deliver({ invocation, env, reporter: errors.reporter, cancel: cancel.signal, clock: systemClock, state });
    const ending = endingOf(state, systemClock.now(), error);
    const problem = await publishOnce(host, ending, published);
    const code = conclude(host, ending, cancel.signal, errors.count() > 0);
    if (problem !== undefined && code === EXIT.ok) {
      host.fail(problem);
      return EXIT.failed;
    }
    return code;
  } finally {
    stopListening();
    abandonCallsInFlight();
  }
}

async function publishOnce(host: Host, ending: Ending, published: { done: boolean }): Promise<string | undefined> {
  if (published.done) return undefined;
  published.done = true;
  return publish(host, ending);
}

/** The backstop after a signal: the run did not stop in time (a call that ignores the cancel), so end it here. */
async function endCancelledRun(host: Host, state: RunState, published: { done: boolean }, signal: 'SIGINT' | 'SIGTERM'): Promise<void> {
  const error = new CancelledError(signal);
  host.reporter.warn(`the run did not stop by itself after ${signal}: ending it with what is known.`);
  await publishOnce(host, endingOf(state, systemClock.now(), error), published);
  host.fail(errorMessage(error));
  process.exit(exitCodeFor(error));
}

/** The backstop of a verb (continue, rollback) that did not stop in time after the signal. */
function endCancelledVerb(host: Host, signal: 'SIGINT' | 'SIGTERM'): void {
  const error = new CancelledError(signal);
  host.reporter.warn(`the run did not stop by itself after ${signal}: ending it without writing the outputs.`);
  host.fail(errorMessage(error));
  process.exit(exitCodeFor(error));
}

/** The host's reporter, counting the errors printed through it. */
function countErrors(inner: Reporter): { reporter: Reporter; count(): number } {
  let errors = 0;
  const reporter: Reporter = {
    info: (line) => inner.info(line),
    warn: (line) => inner.warn(line),
    error: (line) => {
      errors += 1;
      inner.error(line);
    },
    group: (title, body) => inner.group(title, body),
    mask: (secret) => inner.mask(secret),
    ...(inner.waiting ? { waiting: inner.waiting.bind(inner) } : {}),
  };
  return { reporter, count: () => errors };
}

function progressOptions(env: Env): WaitProgressOptions {
  const every = Number(env['ECS_DELIVER_PROGRESS_EVERY_MS']);
  return { out: process.stdout, ...(Number.isFinite(every) && every > 0 ? { everyMs: every } : {}) };
}

async function createHost(invocation: Invocation, env: Env): Promise<Host> {
  const color = Boolean(process.stdout.isTTY) && !('NO_COLOR' in env);
  if (invocation.host === 'github-action') return (await import('./hosts/github.js')).githubHost();
  const options = { json: invocation.json, color, env };
  if (invocation.host === 'gitlab') return (await import('./hosts/gitlab.js')).gitlabHost(options);
  return (await import('./hosts/shell.js')).shellHost(options);
}
