// A change whose answer was lost and that could not be read back: it may or may not have been made.
import { DeployError } from '../errors.js';

export class MayHaveBeenAppliedError extends DeployError {
  /** What to look at (a console page, an AWS CLI command) to learn whether the change was made. */
  readonly whatToCheck: string;

  constructor(change: string, lost: string, readBack: string, whatToCheck: string) {
    super(`${change} may have been applied: its answer was lost (${lost}) and reading it back failed (${readBack}); check ${whatToCheck}`);
    this.whatToCheck = whatToCheck;
  }
}
