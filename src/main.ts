// Wires a host to a run: the run (fleet/run.ts) deploys one service or a services-file's many, and every ending
// (bad input, a failed preflight, a failed step, a cancel) publishes the outputs, the job summary and the dotenv
// report, then says how the run ended.
import { abandonCallsInFlight } from './aws/change.js';
import { listenWithBackstop, publishOnce } from './cancel-backstop.js';
import { systemClock } from './clock.js';
import { EXIT } from './errors.js';
import { conclude, endingOf } from './fleet/conclude.js';
import { deliver } from './fleet/run.js';
import { newRunState } from './fleet/state.js';
import type { Host } from './hosts/host.js';
import type { Invocation } from './inputs/sources.js';
import { countingErrors } from './report.js';
import { runOtherVerb } from './verbs/run-verb.js';
import type { VerbRun } from './verbs/status.js';
import { progressFrom, withWaitProgress } from './rollout/wait-progress.js';

type Env = Readonly<Record<string, string | undefined>>;

export async function main(invocation: Invocation, env: Env = process.env): Promise<number> {
  const host = await createHost(invocation, env);
  const errors = countingErrors(invocation.json ? host.reporter : withWaitProgress(host.reporter, progressFrom(env)));
  const state = newRunState(systemClock.now());
  const published = { done: false };
  const cancel = new AbortController();
  const verb: VerbRun = { rollsBackOnCancel: false };
  let verbRunning = true;
  const stopListening = listenWithBackstop({ host, state, verb, verbRunning: () => verbRunning, published }, cancel, errors.reporter.warn);
  try {
    const verbCode = await runOtherVerb(invocation, env, host, cancel.signal, verb);
    if (verbCode !== undefined) return verbCode;
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

async function createHost(invocation: Invocation, env: Env): Promise<Host> {
  const color = Boolean(process.stdout.isTTY) && !('NO_COLOR' in env);
  if (invocation.host === 'github-action') return (await import('./hosts/github.js')).githubHost();
  const options = { json: invocation.json, color, env };
  if (invocation.host === 'gitlab') return (await import('./hosts/gitlab.js')).gitlabHost(options);
  return (await import('./hosts/shell.js')).shellHost(options);
}
