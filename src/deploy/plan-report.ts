// How a plan reads in the log, the same for every path: the changes, then (in a dry run) the task definition
// and one line per step that apply would take.
import type { Service } from '@aws-sdk/client-ecs';
import { familyRevision, sameRevision } from '../aws/names.js';
import type { Reporter } from '../report.js';
import { describeEbsVolume } from '../runtask/describe.js';
import { describeRunTaskPlan } from '../runtask/plan.js';
import { renderTaskDefinitionJson } from '../taskdef/diff.js';
import type { CodeDeployPlan } from '../codedeploy/plan.js';
import type { DeployPlan, ServiceUpdate } from './plan.js';

export async function reportChanges(reporter: Reporter, plan: DeployPlan<Service | undefined>, changes = plan.changes): Promise<void> {
  await reporter.group(changesTitle(plan), async () => {
    for (const line of changes) reporter.info(line);
  });
}

function changesTitle(plan: DeployPlan<Service | undefined>): string {
  const against = plan.comparedWith;
  const update = plan.update;
  const runsNow = against !== undefined && update !== undefined && sameRevision(update.before?.taskDefinition, against.arn);
  const changes = against ? `changes against ${familyRevision(against)}${runsNow ? ` (what ${update.service} runs now)` : ''}` : '';
  const td = plan.taskDefinition;
  if (td.kind === 'existing') {
    const name = td.revision ? familyRevision(td) : familyRevision(td.arn);
    return `Deploying ${name} as it is${changes ? `: ${changes}` : ''}`;
  }
  if (!changes && !plan.compared) return 'Task definition (not compared with ECS)';
  return changes ? `C${changes.slice(1)}` : 'New task definition';
}

/** The dry run's account of the plan: the task definition, then what each step would do. */
export async function reportDryRun(reporter: Reporter, plan: DeployPlan<Service | undefined>): Promise<void> {
  await reportChanges(reporter, plan);
  const td = plan.taskDefinition;
  const document = td.kind === 'render' ? td.rendered : td.document;
  if (document) {
    reporter.info(`${td.kind === 'render' ? 'Rendered task definition' : `Task definition ${familyRevision(td.arn)}`} (environment values redacted):`);
    reporter.info(renderTaskDefinitionJson(document, { redactEnvironment: true }));
  }
  for (const line of planLines(plan)) reporter.info(line);
}

/** The UpdateService fields sent beyond the revision and count; the service keeps its own setting of the others. */
function updateExtraLines(extra: ServiceUpdate<Service | undefined>['extra']): string[] {
  if (!extra) return [];
  return [
    ...(extra.enableECSManagedTags !== undefined ? [`  ECS managed tags: ${extra.enableECSManagedTags ? 'on' : 'off'}`] : []),
    ...(extra.propagateTags ? [`  propagate tags from: ${extra.propagateTags}`] : []),
    ...(extra.volumeConfigurations ?? []).map((volume) => `  EBS volume: ${describeEbsVolume(volume)}`),
  ];
}

export function planLines(plan: DeployPlan<Service | undefined>): string[] {
  const lines: string[] = [];
  if (!plan.compared) lines.push('No AWS credentials found: not compared with ECS (set credentials to see the diff against what runs).');
  for (const step of plan.image?.steps ?? []) lines.push(`Would ${step}.`);
  const td = plan.taskDefinition;
  let deployed: string;
  if (td.kind === 'existing') {
    deployed = td.revision ? familyRevision(td) : familyRevision(td.arn);
    lines.push(`Would deploy ${deployed} as it is; would register nothing.`);
  } else if (td.reuse) {
    deployed = familyRevision(td.reuse);
    lines.push(`Would reuse ${deployed} (unchanged); would register nothing.`);
  } else {
    deployed = `the new revision of ${td.family}`;
    lines.push(`Would register a new revision of ${td.family}${td.latest ? ` (latest is ${td.latest.revision})` : ''}.`);
  }
  if (plan.runTask) lines.push(...describeRunTaskPlan(plan.runTask, deployed));
  if (plan.runTaskUnplanned) lines.push(`Would run a one-off task from ${deployed}; its placement is ${plan.runTaskUnplanned}.`);
  const update = plan.update;
  if (update?.codeDeploy) {
    lines.push(...codeDeployLines(update, update.codeDeploy, deployed));
  } else if (update) {
    const parts = [
      `Would update service ${update.service} in ${update.cluster} to ${deployed}`,
      ...(update.desiredCount !== undefined ? [`desired count ${update.desiredCount}`] : []),
      ...(update.forceNewDeployment ? ['forcing a new deployment'] : []),
    ];
    lines.push(`${parts.join(', ')}${update.watch ? ` and wait for ${waitedFor(update)}` : ', without waiting for the rollout'}.`);
    lines.push(...updateExtraLines(update.extra));
  }
  if (plan.keepRevisions) {
    const when = update ? (update.watch ? ' once the rollout completes' : '') : ' after registering';
    lines.push(
      update && !update.watch
        ? `keep-revisions ${plan.keepRevisions.keep}: would not run, as the rollout is not waited for.`
        : `Would keep the newest ${plan.keepRevisions.keep} revisions of ${plan.keepRevisions.family}${when}, deregistering older unused ones.`,
    );
  }
  lines.push('Dry run: nothing was changed.');
  return lines;
}

/** What the wait follows: a rolling update, or a service deployment's lifecycle stages (blue/green, linear, canary). */
function waitedFor(update: ServiceUpdate<Service | undefined>): string {
  const until = update.watch?.waitUntil === 'traffic-shifted';
  // Without credentials the service was not read: its kind of rollout decides what traffic-shifted means.
  if (!update.before) return until ? 'the rollout until production traffic has moved (blue/green, linear, canary; a rolling update: until it completes)' : 'the rollout';
  const strategy = update.before.deploymentConfiguration?.strategy;
  if (!strategy || strategy === 'ROLLING') return until ? 'the rollout (wait-until traffic-shifted: for a rolling update, until it completes)' : 'the rollout';
  const kind = strategy === 'BLUE_GREEN' ? 'blue/green' : strategy.toLowerCase();
  return `the ${kind} service deployment, stage by stage${until ? ' until production traffic has moved' : ''}`;
}

function codeDeployLines(update: ServiceUpdate<Service | undefined>, codeDeploy: CodeDeployPlan, deployed: string): string[] {
  const appSpec =
    codeDeploy.appSpec.kind === 'file'
      ? `the AppSpec ${codeDeploy.appSpec.path} with its TaskDefinition set to ${deployed}`
      : `an AppSpec generated for container ${codeDeploy.appSpec.containerName}, port ${codeDeploy.appSpec.containerPort} (no appspec.yaml)`;
  const config = codeDeploy.deploymentConfig ?? codeDeploy.groupDeploymentConfig;
  return [
    ...(update.desiredCount !== undefined ? [`Would set the desired count of ${update.service} to ${update.desiredCount} (UpdateService).`] : []),
    `Would create a CodeDeploy deployment in ${codeDeploy.application}/${codeDeploy.deploymentGroup}${config ? ` (${config})` : ''} with ${appSpec}` +
      `${update.watch ? ' and wait for it' : ', without waiting for it'}.`,
  ];
}
