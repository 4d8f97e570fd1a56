// Deregisters a family's older ACTIVE revisions, keeping the newest N, every revision that any service of any
// cluster in the account and region runs or would roll back to, and the ones the caller protects (the one just
// deployed, the one a rollback would go to). When any of that cannot be listed, nothing is deregistered.
import type { Service } from '@aws-sdk/client-ecs';
import type { EcsApi } from '../aws/ecs.js';
import type { Clock } from '../clock.js';
import { InputError } from '../errors.js';
import type { Reporter } from '../report.js';
import { changeOutcome, classifyError, describeAwsError, describeError } from '../aws/errors.js';
import { familyRevision } from '../aws/names.js';

export interface KeepRevisionsDeps {
  ecs: EcsApi;
  clock: Clock;
  reporter: Reporter;
}

export interface KeepRevisionsRequest {
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
  let older: Revision[];
  const kept = new Set(request.protect.map(familyRevision));
  try {
    older = (await listing('ListTaskDefinitions', () => activeRevisions(ecs, request.family))).slice(request.keep);
    if (older.length === 0) return [];
    for (const inUse of await revisionsInUse(ecs)) kept.add(inUse);
  } catch (error) {
    // A revision some service needs must never go: without the full list, none goes.
    const why = error instanceof ListingError ? describeAwsError(error.action, error.cause) : describeError(error);
    reporter.warn(
      `keep-revisions: deregistering nothing, because the revisions in use could not all be listed (${why}). ` +
        'It needs ecs:ListTaskDefinitions, ecs:ListClusters, and ecs:ListServices and ecs:DescribeServices on every cluster.',
    );
    return [];
  }

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

const DEREGISTER_ATTEMPTS = 2;

/** One SDK attempt per call; after a lost answer, the revision's status says whether it went through. */
async function deregister({ ecs, clock }: KeepRevisionsDeps, arn: string): Promise<'done' | { problem: string; throttled: boolean }> {
  for (let attempt = 1; ; attempt++) {
    let failure: unknown;
    try {
      await ecs.deregisterTaskDefinition(arn);
      return 'done';
    } catch (error) {
      failure = error;
    }
    const throttled = classifyError(failure) === 'throttled';
    if (changeOutcome(failure) === 'doubtful') {
      await clock.sleep(THROTTLED_PAUSE_MS);
      const status = await statusOf(ecs, arn);
      if (status === 'INACTIVE') return 'done';
      if (status === undefined) {
        return {
          problem: `${describeError(failure)}; it may have been deregistered: check aws ecs describe-task-definition --task-definition ${familyRevision(arn)}`,
          throttled: false,
        };
      }
      if (attempt >= DEREGISTER_ATTEMPTS) return { problem: describeError(failure), throttled: false };
      continue;
    }
    if (!throttled || attempt >= DEREGISTER_ATTEMPTS) return { problem: describeError(failure), throttled };
    await clock.sleep(THROTTLED_PAUSE_MS);
  }
}

async function statusOf(ecs: EcsApi, arn: string): Promise<string | undefined> {
  try {
    return (await ecs.describeTaskDefinition(arn)).taskDefinition?.status;
  } catch {
    return undefined;
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

class ListingError extends Error {
  constructor(
    readonly action: string,
    override readonly cause: unknown,
  ) {
    super(`${action}: ${describeError(cause)}`);
  }
}

async function listing<T>(action: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new ListingError(action, error);
  }
}

/**
 * Every revision any service in any cluster of the account and region runs, is moving to or from, or keeps in a
 * task set, as `family:revision`.
 */
export async function revisionsInUse(ecs: EcsApi): Promise<Set<string>> {
  const clusterArns = await allPages((nextToken) =>
    listing('ListClusters', async () => {
      const page = await ecs.listClusters(nextToken);
      return { items: page.clusterArns, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
    }),
  );
  const inUse = new Set<string>();
  for (const cluster of clusterArns) {
    const serviceArns = await allPages((nextToken) =>
      listing(`ListServices ${cluster}`, async () => {
        const page = await ecs.listServices(cluster, nextToken);
        return { items: page.serviceArns, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
      }),
    );
    for (let start = 0; start < serviceArns.length; start += DESCRIBE_SERVICES_BATCH) {
      const batch = serviceArns.slice(start, start + DESCRIBE_SERVICES_BATCH);
      const answer = await listing(`DescribeServices ${cluster}`, () => ecs.describeServices(cluster, batch));
      const missing = (answer.failures ?? []).filter((failure) => failure.reason !== 'MISSING');
      if (missing.length > 0) {
        throw new ListingError(`DescribeServices ${cluster}`, new Error(`${missing[0]?.arn ?? '?'}: ${missing[0]?.reason ?? '?'}`));
      }
      for (const service of answer.services ?? []) {
        for (const taskDefinition of taskDefinitionsOf(service)) inUse.add(familyRevision(taskDefinition));
      }
    }
  }
  return inUse;
}

async function allPages(read: (nextToken?: string) => Promise<{ items: string[]; nextToken?: string }>): Promise<string[]> {
  const items: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await read(nextToken);
    items.push(...page.items);
    nextToken = page.nextToken;
  } while (nextToken);
  return items;
}

function taskDefinitionsOf(service: Service): string[] {
  return [
    service.taskDefinition,
    ...(service.deployments ?? []).map((deployment) => deployment.taskDefinition),
    ...(service.taskSets ?? []).map((taskSet) => taskSet.taskDefinition),
  ].filter((taskDefinition): taskDefinition is string => taskDefinition !== undefined);
}
