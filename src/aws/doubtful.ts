// Changes made once: how long to pause between attempts, what a refusal means, and the error for a change whose
// answer was lost and that could not be read back: it may or may not have been made.
import type { Clock } from '../clock.js';
import { DeployError } from '../errors.js';
import type { Reporter } from '../report.js';
import { classifyError, describeAwsError, describeError } from './errors.js';

/** Before reading back or trying again; ECS refills these calls' tokens in about a second. */
const PAUSES_MS = [1_000, 3_000];

export function pauseBefore(attempt: number): number {
  return PAUSES_MS[attempt - 2] ?? PAUSES_MS[PAUSES_MS.length - 1] ?? 1_000;
}

/**
 * A change AWS refused did not happen. A throttled one is tried again after a pause while attempts are left;
 * any other refusal ends the run.
 */
export async function afterRefusal(
  action: string,
  failure: unknown,
  attempt: number,
  maxAttempts: number,
  { reporter, clock }: { reporter: Pick<Reporter, 'info'> | undefined; clock: Pick<Clock, 'sleep'> },
): Promise<void> {
  if (classifyError(failure) !== 'throttled' || attempt >= maxAttempts) throw new DeployError(describeAwsError(action, failure));
  reporter?.info(`${action}: ${describeError(failure)}; trying again.`);
  await clock.sleep(pauseBefore(attempt + 1));
}

export class MayHaveBeenAppliedError extends DeployError {
  /** What to look at (a console page, an AWS CLI command) to learn whether the change was made. */
  readonly whatToCheck: string;

  constructor(change: string, lost: string, readBack: string, whatToCheck: string) {
    super(`${change} may have been applied: its answer was lost (${lost}) and reading it back failed (${readBack}); check ${whatToCheck}`);
    this.whatToCheck = whatToCheck;
  }
}
