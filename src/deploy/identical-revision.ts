// The ACTIVE revision a render can reuse: any identical one among the family's newest few, not only the latest.
// After a rollback the latest is the failed revision, and deploying the previous good image again renders the
// revision the service went back to; registering it a second time would leave two identical revisions.
import type { EcsApi } from '../aws/ecs.js';
import type { DescribedRevision } from '../aws/taskdef-convert.js';
import { sameDocument } from '../taskdef/normalize.js';
import type { TaskDefinitionDocument } from '../taskdef/types.js';
import { parseRevision } from './keep-revisions.js';
import { findTaskDefinition } from './preflight.js';

/** How many of the family's newest ACTIVE revisions are compared; described at once, so the plan waits for one round. */
export const REUSE_LOOKBACK = 5;

/**
 * `known`: revisions already described (the latest, the one the service runs), compared first and not described
 * again; only when none is identical are the family's newest listed. The newest identical revision wins.
 */
export async function identicalRevision(
  ecs: EcsApi,
  rendered: TaskDefinitionDocument,
  known: readonly (DescribedRevision | undefined)[],
  mode: 'if-changed' | 'always',
): Promise<DescribedRevision | undefined> {
  const family = rendered.taskDefinition.family;
  if (mode === 'always' || !family) return undefined;
  const reusable = (revision: DescribedRevision | undefined): revision is DescribedRevision =>
    revision !== undefined && revision.family === family && revision.status === 'ACTIVE' && sameDocument(rendered, revision.document);
  const described = known.filter((revision): revision is DescribedRevision => revision !== undefined);
  const newestOf = (revisions: readonly DescribedRevision[]): DescribedRevision | undefined =>
    revisions.filter(reusable).sort((a, b) => b.revision - a.revision)[0];
  // The usual case, a render equal to the latest or to what the service runs, needs no further call.
  const knownMatch = newestOf(described);
  if (knownMatch) return knownMatch;
  let others: (DescribedRevision | undefined)[];
  try {
    const page = await ecs.listTaskDefinitions({ familyPrefix: family, status: 'ACTIVE', sort: 'DESC', maxResults: REUSE_LOOKBACK });
    const newest = (page.taskDefinitionArns ?? []).filter((arn) => parseRevision(arn)?.family === family);
    others = await Promise.all(
      newest.filter((arn) => !described.some((revision) => revision.arn === arn)).map((arn) => findTaskDefinition(ecs, arn)),
    );
  } catch {
    // Older revisions only spare a registration: when they cannot be read, a new revision is registered as before.
    return undefined;
  }
  return newestOf(others.filter((revision): revision is DescribedRevision => revision !== undefined));
}
