// `continue`: lets the deployment that waits for someone go on, then follows it to its end as a deploy does: the
// same endings, outputs, summary and rollback rules. With wait-until paused it ends PAUSED again at the next pause.
// The rollout kind the preflight chose finds the deployment, makes the call and watches it.
import { systemClock } from '../clock.js';
import { preflightService } from '../deploy/preflight.js';
import { EXIT, InputError, PreflightError } from '../errors.js';
import { conclude, publish, type Ending } from '../fleet/conclude.js';
import { readRawInputs } from '../fleet/run.js';
import { parseInputs } from '../inputs/parse.js';
import { openSession } from '../session.js';
import { resultOf } from './verb-result.js';
import type { VerbContext } from './status.js';

export async function runContinue({ invocation, env, host, cancel, running }: VerbContext): Promise<number> {
  const reporter = host.reporter;
  const raw = await readRawInputs({ invocation, env, reporter });
  const inputs = parseInputs(raw);
  if (inputs.services.file) throw new InputError('services-file: continue acts on one service; set service (and cluster) instead.');
  if (!inputs.service) throw new InputError('service: not set; continue needs the service (and cluster) whose deployment is paused.');
  const given = {
    serviceDeploymentArn: raw('service-deployment-arn').trim(),
    hookId: raw('hook-id').trim(),
    codeDeployDeploymentId: raw('codedeploy-deployment-id').trim(),
  };
  if (inputs.dryRun) {
    const which = given.hookId ? `PAUSE hook ${given.hookId}` : `the PAUSE hook of ${inputs.cluster}/${inputs.service} that awaits action`;
    reporter.info(`Would call ContinueServiceDeployment (action CONTINUE) on ${which}, then follow the deployment to its end.`);
    reporter.info(`For a CodeDeploy service: ContinueDeployment (READY_WAIT) of ${given.codeDeployDeploymentId || 'the deployment that waits in Ready'} instead.`);
    reporter.info('Dry run: nothing was changed.');
    return EXIT.ok;
  }
  // A cancel while the continued deployment is followed is a deploy's cancel: rolled back with rollback-on-cancel.
  if (running) running.rollsBackOnCancel = inputs.rollbackOnCancel;
  const startedAt = systemClock.now();
  const session = await openSession(inputs, env, reporter, cancel);
  const { service, kind } = await preflightService(session.ecs, inputs.cluster, inputs.service, session.region);
  if (!kind.continuePaused) throw new PreflightError(`service: "${inputs.service}" (${kind.name}) has no deployments that wait for someone; continue has nothing to let go on.`);
  const operated = await kind.continuePaused({ session, reporter, clock: systemClock, cancel }, { inputs, service, given });
  const ending: Ending = { result: await resultOf(session.ecs, operated, startedAt) };
  const problem = await publish(host, ending);
  const code = conclude(host, ending, cancel, false);
  if (problem !== undefined && code === EXIT.ok) {
    host.fail(problem);
    return EXIT.failed;
  }
  return code;
}
