// RegisterTaskDefinition, or reuse of the family's latest revision when the rendered one equals it. Sent through
// aws/change.ts: when its answer is lost, the family's new revisions are read back until the call can no longer
// be applied late, so a lost answer leaves no second, identical revision behind (and one that does appear is
// deregistered again).
import type { EcsApi } from '../aws/ecs.js';
import { sendChange } from '../aws/change.js';
import { changeOutcome, describeError } from '../aws/errors.js';
import { familyRevision } from '../aws/names.js';
import { fromDescribed, toRegisterInput, type DescribedRevision } from '../aws/taskdef-convert.js';
import { systemClock, type Clock } from '../clock.js';
import type { Reporter } from '../report.js';
import type { RegisteredRevision } from '../rollout/kind.js';
import { sameDocument } from '../taskdef/normalize.js';
import type { TaskDefinitionDocument } from '../taskdef/types.js';
import { activeRevisions } from './keep-revisions.js';

export interface RegisterOptions {
  /**
   * The family's latest revision number before this run (0 for a new family), from the plan. Without it a lost
   * answer cannot be read back: it ends in "may have been applied".
   */
  latestRevision?: number;
  reporter?: Pick<Reporter, 'info' | 'warn'>;
  clock?: Pick<Clock, 'sleep' | 'now'>;
  /** The run's cancel: the call in flight is waited for a few seconds, then read back (see aws/change.ts). */
  cancel?: AbortSignal;
}

export function reusableRevision(
  rendered: TaskDefinitionDocument,
  latest: DescribedRevision | undefined,
  mode: 'if-changed' | 'always',
): DescribedRevision | undefined {
  if (mode === 'always' || !latest || latest.status !== 'ACTIVE') return undefined;
  return sameDocument(rendered, latest.document) ? latest : undefined;
}

export async function registerRevision(
  ecs: EcsApi,
  rendered: TaskDefinitionDocument,
  options: RegisterOptions = {},
): Promise<RegisteredRevision> {
  const family = rendered.taskDefinition.family ?? '';
  const input = toRegisterInput(rendered);
  const before = options.latestRevision;
  let lostAnswers = 0;
  const registered = await sendChange<RegisteredRevision & { registeredBy?: string }>(
    {
      action: `RegisterTaskDefinition ${family}`,
      async send(signal) {
        let td;
        try {
          td = (await ecs.registerTaskDefinition(input, signal)).taskDefinition;
        } catch (error) {
          if (changeOutcome(error) === 'doubtful') lostAnswers += 1;
          throw error;
        }
        if (!td?.taskDefinitionArn) throw new Error('RegisterTaskDefinition answered without a task definition ARN');
        return { arn: td.taskDefinitionArn, revision: td.revision ?? 0, registered: true, ...(td.registeredBy ? { registeredBy: td.registeredBy } : {}) };
      },
      async readBack() {
        if (before === undefined) throw new Error('the latest revision before it was not known');
        const since = await revisionsSince(ecs, rendered, before);
        const applied = since.find((revision) => revision.equal);
        if (!applied) return { applied: false, seen: describeSince(family, before, since) };
        options.reporter?.info(`${familyRevision(applied.revision)} was registered by that call: using it.`);
        const { arn, revision } = applied.revision;
        return { applied: true, value: { arn, revision, registered: true, ...(applied.registeredBy ? { registeredBy: applied.registeredBy } : {}) } };
      },
      resendIsSafe: false,
      whatToCheck: `whether a new revision of ${family} exists: aws ecs list-task-definitions --family-prefix ${family} --sort DESC`,
    },
    { clock: options.clock ?? systemClock, reporter: options.reporter, cancel: options.cancel },
  );
  if (lostAnswers > 0) await removeDuplicates(ecs, rendered, before, registered.arn, registered.registeredBy, options);
  return { arn: registered.arn, revision: registered.revision, registered: true };
}

interface RevisionSince {
  revision: DescribedRevision;
  equal: boolean;
  registeredBy?: string;
}

/** The family's ACTIVE revisions newer than `before`, newest first, each compared with the rendered document. */
async function revisionsSince(ecs: EcsApi, rendered: TaskDefinitionDocument, before: number): Promise<RevisionSince[]> {
  const family = rendered.taskDefinition.family ?? '';
  const newer = (await activeRevisions(ecs, family)).filter((revision) => revision.revision > before);
  const found: RevisionSince[] = [];
  for (const { arn } of newer) {
    const out = await ecs.describeTaskDefinition(arn);
    const revision = fromDescribed(out);
    const registeredBy = out.taskDefinition?.registeredBy;
    found.push({ revision, equal: sameDocument(rendered, revision.document), ...(registeredBy ? { registeredBy } : {}) });
  }
  return found;
}

function describeSince(family: string, before: number, since: RevisionSince[]): string {
  const after = before === 0 ? `no revision of ${family}` : `no revision of ${family} newer than ${familyRevision({ family, revision: before })}`;
  if (since.length === 0) return `${after} is registered`;
  const names = since.map(({ revision }) => familyRevision(revision)).join(', ');
  return `${after} equals the rendered one; newer revisions registered meanwhile, by another run or tool: ${names}`;
}

/**
 * A lost answer followed by a retry can leave two equal revisions: the one this run uses stays, the other (registered
 * by the same principal after the revision known before) is deregistered again.
 */
async function removeDuplicates(
  ecs: EcsApi,
  rendered: TaskDefinitionDocument,
  before: number | undefined,
  kept: string,
  keptRegisteredBy: string | undefined,
  options: RegisterOptions,
): Promise<void> {
  if (before === undefined) return;
  let since: RevisionSince[];
  try {
    since = await revisionsSince(ecs, rendered, before);
  } catch (error) {
    options.reporter?.warn(
      `Could not check for a duplicate revision after the lost answer (${describeError(error)}); see aws ecs list-task-definitions --family-prefix ${rendered.taskDefinition.family ?? ''} --sort DESC.`,
    );
    return;
  }
  const duplicates = since.filter(
    ({ revision, equal, registeredBy }) =>
      equal && familyRevision(revision.arn) !== familyRevision(kept) && (registeredBy === undefined || keptRegisteredBy === undefined || registeredBy === keptRegisteredBy),
  );
  for (const { revision } of duplicates) {
    const name = familyRevision(revision);
    try {
      await ecs.deregisterTaskDefinition(revision.arn);
      options.reporter?.warn(`A lost answer registered ${name} as a duplicate of ${familyRevision(kept)}: deregistered ${name}.`);
    } catch (error) {
      options.reporter?.warn(
        `A lost answer registered ${name} as a duplicate of ${familyRevision(kept)}; deregistering it failed (${describeError(error)}): deregister it with aws ecs deregister-task-definition --task-definition ${name}.`,
      );
    }
  }
}
