// A service CodeDeploy deploys (deployment controller CODE_DEPLOY): the desired count through UpdateService, then a
// CodeDeploy deployment of the revision, followed through its lifecycle events; a rollback is CodeDeploy's own.
import { formatDuration } from '../aws/names.js';
import { controllerOf, type RolloutKind } from './kind.js';

export const codeDeploy: RolloutKind = {
  name: 'CodeDeploy',
  takes: (service) => controllerOf(service) === 'CODE_DEPLOY',
  forcesNewDeployment: false,
  plan: async ({ reporter, reads }, inputs, service) => {
    if (!reads.codeDeploy) throw new Error('codeDeploy.plan: a CODE_DEPLOY service needs reads.codeDeploy');
    // The CodeDeploy SDK is loaded only for a service CodeDeploy deploys.
    const [{ planCodeDeploy }, { api }] = await Promise.all([import('../codedeploy/plan.js'), reads.codeDeploy()]);
    const codeDeploy = await planCodeDeploy({ api, reporter }, inputs.codeDeploy, {
      cluster: inputs.cluster,
      service,
      region: reads.region,
      ...(inputs.wait ? { waitTimeoutMs: inputs.waitTimeoutMs, waitTimeoutSet: inputs.waitTimeoutSet, waitUntilPaused: inputs.waitUntil === 'paused' } : {}),
    });
    return { codeDeploy };
  },
  dryRun: (update, deployed) => {
    const plan = update.codeDeploy;
    if (!plan) return [`Would create a CodeDeploy deployment of ${deployed}${update.watch ? ' and wait for it' : ', without waiting for it'}.`];
    const appSpec =
      plan.appSpec.kind === 'file'
        ? `the AppSpec ${plan.appSpec.path} with its TaskDefinition set to ${deployed}`
        : `an AppSpec generated for container ${plan.appSpec.containerName}, port ${plan.appSpec.containerPort} (no appspec.yaml)`;
    const config = plan.deploymentConfig ?? plan.groupDeploymentConfig;
    return [
      ...(update.desiredCount !== undefined ? [`Would set the desired count of ${update.service} to ${update.desiredCount} (UpdateService).`] : []),
      `Would create a CodeDeploy deployment in ${plan.application}/${plan.deploymentGroup}${config ? ` (${config})` : ''} with ${appSpec}` +
        `${update.watch ? ` and wait for it (up to ${formatDuration(plan.waitTimeoutMs ?? update.watch.timeoutMs)})` : ', without waiting for it'}.`,
    ];
  },
  deliver: async (deps, delivery) => {
    // Loaded only for a service CodeDeploy deploys.
    const { deployWithCodeDeploy } = await import('../codedeploy/deploy.js');
    const { update } = delivery;
    if (!update.codeDeploy) throw new Error('codeDeploy.deliver: the plan has no CodeDeploy part');
    const end = await deployWithCodeDeploy(deps, {
      region: delivery.region,
      update,
      codeDeploy: update.codeDeploy,
      taskDefinitionArn: delivery.revision.arn,
      done: delivery.done,
      step: delivery.step,
    });
    if (end === 'completed') return { keepRevisions: true };
    if (end === 'not-completed') return { keepRevisions: false };
    if (end === 'paused') return { keepRevisions: false, notRunBecause: 'the CodeDeploy deployment waits in Ready (wait-until: paused)' };
    return { keepRevisions: false, notRunBecause: 'the CodeDeploy deployment was not waited for to its end' };
  },
  // StopDeployment with rollback, always: a deployment left running would finish after the run said CANCELLED.
  undoesOnCancel: () => true,
  putBack: ({ service, deployed, to, completed }) =>
    `a new CodeDeploy deployment puts ${service} back on ${to}${completed ? `; the completed CodeDeploy deployment of ${deployed} is not undone` : ''}.`,
  // The CodeDeploy SDK and what operating a deployment group needs are loaded only for a service CodeDeploy deploys.
  continuePaused: async ({ session, reporter, cancel }, { inputs, service, given }) =>
    (await import('../codedeploy/operate.js')).continueCodeDeployService({ session, inputs, service, reporter, cancel }, given.codeDeployDeploymentId),
  rollBack: async ({ session, reporter, cancel }, { inputs, service }) =>
    (await import('../codedeploy/operate.js')).rollBackCodeDeployService({ session, inputs, service, reporter, cancel }),
};
