// `rollback`: puts a service back on the revision it ran before, and follows that to its end. The rollout kind the
// preflight chose decides how: what is in flight rolled back by ECS, else the earlier revision deployed its way.
// A cancel only stops following: the rollback goes on in ECS.
import { familyRevision, formatDuration } from '../aws/names.js';
import { signalOf } from '../cancel.js';
import { systemClock } from '../clock.js';
import { outputsOf } from '../deploy/outputs.js';
import { preflightService } from '../deploy/preflight.js';
import type { DeliveryResult } from '../deploy/result.js';
import { CancelledError, EXIT, InputError, PreflightError, exitCodeFor } from '../errors.js';
import { readRawInputs } from '../fleet/run.js';
import type { Host } from '../hosts/host.js';
import { parseInputs } from '../inputs/parse.js';
import { openSession } from '../session.js';
import type { VerbContext } from './status.js';
import { resultOf } from './verb-result.js';

export async function runRollback({ invocation, env, host, cancel }: VerbContext): Promise<number> {
  const reporter = host.reporter;
  const inputs = parseInputs(await readRawInputs({ invocation, env, reporter }));
  if (inputs.services.file) throw new InputError('services-file: rollback acts on one service; set service (and cluster) instead.');
  if (!inputs.service) throw new InputError('service: not set; rollback needs the service (and cluster) to put back.');
  if (inputs.dryRun) {
    reporter.info(
      `Would roll back ${inputs.cluster}/${inputs.service}: a deployment in flight through ECS (ContinueServiceDeployment or StopServiceDeployment, ROLLBACK); otherwise deploy ${inputs.taskDefinitionArn || 'the revision it ran before its newest successful deployment'} (UpdateService, or UpdateExpressGatewayService for an Express service), continuing that deployment at each PAUSE hook it waits at (ContinueServiceDeployment, CONTINUE). A CodeDeploy service: StopDeployment with rollback of a deployment in flight; otherwise CreateDeployment of ${inputs.taskDefinitionArn || "the newest successful deployment's previousRevision"}, continued if it waits in Ready. Asking for the rollback is the go-ahead.`,
    );
    reporter.info('Dry run: nothing was changed.');
    return EXIT.ok;
  }
  const startedAt = systemClock.now();
  const session = await openSession(inputs, env, reporter, cancel);
  const { service, kind } = await preflightService(session.ecs, inputs.cluster, inputs.service, session.region);
  if (!kind.rollBack) throw new PreflightError(`service: "${inputs.service}" (${kind.name}) cannot be rolled back by ecs-deliver; deploy the earlier revision instead.`);
  const operated = await kind.rollBack({ session, reporter, clock: systemClock, cancel }, { inputs, service });
  return end(host, { ...(await resultOf(session.ecs, operated, startedAt)), rollbackAsked: true }, cancel);
}

async function end(host: Host, result: DeliveryResult, cancel: AbortSignal): Promise<number> {
  await host.finish(result, outputsOf(result));
  if (result.deploymentStatus === 'ROLLED_BACK') {
    host.reporter.info(`Done in ${formatDuration(result.finishedAt - result.startedAt)}: ${result.service ?? '?'} runs ${familyRevision(result.taskDefinitionArn)} again.`);
    return EXIT.ok;
  }
  host.fail(`rollback ${result.deploymentStatus}: ${result.statusMessage ?? ''}`);
  return cancel.aborted ? exitCodeFor(new CancelledError(signalOf(cancel))) : EXIT.failed;
}
