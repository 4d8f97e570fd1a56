// keep-revisions in a run of many services: a family that several services deploy is tidied once, after the last
// of them has ended, keeping every revision the run registered and every revision one of them ran before. Tidying
// any earlier could deregister the revision another service of the run is about to deploy.
import { familyRevision } from '../aws/names.js';
import type { KeepRevisionsRequest } from '../deploy/keep-revisions.js';
import { errorMessage } from '../errors.js';
import type { Reporter } from '../report.js';

/** What a service of the run brings to its family's tidying. */
export interface FamilyUser {
  family: string;
  /** The revisions it must keep whatever happened: the one it registered or reused, the one it ran before. */
  keeps(): readonly string[];
  /** Sets the revisions deregistered on its result, when it asked for keep-revisions. */
  tidied(deregistered: readonly string[]): void;
}

export interface FamilyTidying {
  /** Whether the family is deployed by more than one service of the run, and so tidied by the run. */
  shared(family: string): boolean;
  /** This user's keep-revisions request, left to the run. */
  asked(user: FamilyUser, request: KeepRevisionsRequest): void;
  /** This user will do nothing more; the last user of a family runs its tidying. */
  ended(user: FamilyUser): Promise<void>;
}

export interface TidyingDeps {
  keepRevisions(request: KeepRevisionsRequest): Promise<string[]>;
  reporter: Reporter;
  cancel: AbortSignal;
}

export function familyTidying(users: readonly FamilyUser[], deps: TidyingDeps): FamilyTidying {
  const left = new Map<string, number>();
  for (const user of users) left.set(user.family, (left.get(user.family) ?? 0) + 1);
  const shared = new Set([...left].filter(([, count]) => count > 1).map(([family]) => family));
  const asks = new Map<string, { user: FamilyUser; request: KeepRevisionsRequest }[]>();
  return {
    shared: (family) => shared.has(family),
    asked: (user, request) => asks.set(user.family, [...(asks.get(user.family) ?? []), { user, request }]),
    ended: async (user) => {
      const count = (left.get(user.family) ?? 1) - 1;
      left.set(user.family, count);
      const asked = asks.get(user.family) ?? [];
      if (count > 0 || asked.length === 0 || deps.cancel.aborted) return;
      const family = user.family;
      const members = users.filter((one) => one.family === family);
      const request: KeepRevisionsRequest = {
        family,
        keep: Math.max(...asked.map((one) => one.request.keep)),
        protect: [...new Set([...asked.flatMap((one) => one.request.protect), ...members.flatMap((one) => one.keeps())].map(familyRevision))],
      };
      try {
        const deregistered = await deps.keepRevisions(request);
        for (const one of asked) one.user.tidied(deregistered);
        deps.reporter.info(
          deregistered.length > 0
            ? `keep-revisions ${family}: deregistered ${deregistered.join(', ')}.`
            : `keep-revisions ${family}: nothing to deregister beyond the newest ${request.keep}, the revisions in use and those this run deployed.`,
        );
      } catch (error) {
        deps.reporter.warn(`keep-revisions ${family}: ${errorMessage(error)}; no revision was deregistered by this step.`);
      }
    },
  };
}
