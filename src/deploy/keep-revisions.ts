// Deregisters a family's older ACTIVE revisions, keeping the newest N and every revision a service of the cluster
// still runs or the caller protects (the one just deployed, the one a rollback would go to).
import type { Service } from '@aws-sdk/client-ecs';
import type { EcsApi } from '../aws/ecs.js';
import type { Clock } from '../clock.js';
import { InputError } from '../errors.js';
import type { Reporter } from '../report.js';
import { classifyError, describeError } from '../aws/errors.js';
import { familyRevision } from '../aws/names.js';

export interface KeepRevisionsDeps {
  ecs: EcsApi;
  clock: Clock;
  reporter: Reporter;
}

export interface KeepRevisionsRequest {
  cluster: string;
  family: string;
  keep: number;
  /** Revisions never to deregister, as ARNs or `family:revision`. */
  protect: readonly string[];
}

const DESCRIBE_SERVICES_BATCH = 10;
/** The account refills this call's tokens about once a second. */
const THROTTLED_PAUSE_MS = 1_000;

/** Answers the deregistered revisions as `family:revision`, oldest last. */
export async function keepRevisions(deps: KeepRevisionsDeps, request: KeepRevisionsRequest): Promise<string[]> {
  const { ecs, reporter } = deps;
  if (!Number.isInteger(request.keep) || request.keep < 1) {
    throw new InputError(`keep-revisions must be a whole number of at least 1, got ${request.keep}`);
  }
  const revisions = await activeRevisions(ecs, request.family);
  const older = revisions.slice(request.keep);
  if (older.length === 0) return [];

  const kept = new Set(request.protect.map(familyRevision));
  for (const inUse of await revisionsInUse(ecs, request.cluster)) kept.add(inUse);

  const deregistered: string[] = [];
  for (const revision of older) {
    const name = familyRevision(revision.arn);
    if (kept.has(name)) continue;
    const outcome = await deregister(deps, revision.arn);
    if (outcome === 'done') {
      deregistered.push(name);
      continue;
    }
    reporter.warn(`Could not deregister ${name}: ${outcome.problem}`);
    // The account shares one rate for this call with everyone; what is left waits for the next run.
    if (outcome.throttled) break;
  }
  return deregistered;
}

async function deregister({ ecs, clock }: KeepRevisionsDeps, arn: string): Promise<'done' | { problem: string; throttled: boolean }> {
  for (let attempt = 1; ; attempt++) {
    try {
      await ecs.deregisterTaskDefinition(arn);
      return 'done';
    } catch (error) {
      const throttled = classifyError(error) === 'throttled';
      if (!throttled || attempt === 2) return { problem: describeError(error), throttled };
      await clock.sleep(THROTTLED_PAUSE_MS);
    }
  }
}

interface Revision {
  arn: string;
  revision: number;
}

/** ACTIVE revisions of exactly `family` (familyPrefix also matches `family-worker`), newest first. */
export async function activeRevisions(ecs: EcsApi, family: string): Promise<Revision[]> {
  const revisions: Revision[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ecs.listTaskDefinitions({
      familyPrefix: family,
      status: 'ACTIVE',
      sort: 'DESC',
      ...(nextToken ? { nextToken } : {}),
    });
    for (const arn of page.taskDefinitionArns ?? []) {
      const parsed = parseRevision(arn);
      if (parsed?.family === family) revisions.push({ arn, revision: parsed.revision });
    }
    nextToken = page.nextToken;
  } while (nextToken);
  return revisions.sort((a, b) => b.revision - a.revision);
}

export function parseRevision(taskDefinition: string): { family: string; revision: number } | undefined {
  const match = /^(.+):(\d+)$/.exec(familyRevision(taskDefinition));
  if (!match?.[1] || !match[2]) return undefined;
  return { family: match[1], revision: Number(match[2]) };
}

/** Every revision a service of the cluster runs or is moving to or from, as `family:revision`. */
export async function revisionsInUse(ecs: EcsApi, cluster: string): Promise<Set<string>> {
  const serviceArns: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ecs.listServices(cluster, nextToken);
    serviceArns.push(...page.serviceArns);
    nextToken = page.nextToken;
  } while (nextToken);

  const inUse = new Set<string>();
  for (let start = 0; start < serviceArns.length; start += DESCRIBE_SERVICES_BATCH) {
    const answer = await ecs.describeServices(cluster, serviceArns.slice(start, start + DESCRIBE_SERVICES_BATCH));
    for (const service of answer.services ?? []) {
      for (const taskDefinition of taskDefinitionsOf(service)) inUse.add(familyRevision(taskDefinition));
    }
  }
  return inUse;
}

function taskDefinitionsOf(service: Service): string[] {
  return [
    service.taskDefinition,
    ...(service.deployments ?? []).map((deployment) => deployment.taskDefinition),
    ...(service.taskSets ?? []).map((taskSet) => taskSet.taskDefinition),
  ].filter((taskDefinition): taskDefinition is string => taskDefinition !== undefined);
}
