// How a plan reads in the log, the same for every path: the changes, then (in a dry run) the task definition
// and one line per step that apply would take.
import type { Service } from '@aws-sdk/client-ecs';
import { familyRevision, sameRevision } from '../aws/names.js';
import type { Reporter } from '../report.js';
import { describeRunTaskPlan } from '../runtask/plan.js';
import { renderTaskDefinitionJson } from '../taskdef/diff.js';
import { updateServiceLines } from '../rollout/ecs-update.js';
import type { DeployPlan } from './plan.js';

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
  if (update) lines.push(...(update.kind ? update.kind.dryRun(update, deployed) : unreadKindLines(update, deployed)));
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

/** Without credentials the service was not read: its kind of rollout decides what traffic-shifted means. */
function unreadKindLines(update: NonNullable<DeployPlan<Service | undefined>['update']>, deployed: string): string[] {
  const until = update.watch?.waitUntil === 'traffic-shifted';
  return updateServiceLines(
    update,
    deployed,
    until ? 'the rollout until production traffic has moved (blue/green, linear, canary; a rolling update: until it completes)' : 'the rollout',
  );
}
