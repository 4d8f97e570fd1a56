import type { DeliveryResult } from '../deploy/result.js';
import type { Reporter } from '../report.js';

export interface Host {
  reporter: Reporter;
  /** Publishes outputs and the summary of a finished run (success or a handled failure). */
  finish(result: DeliveryResult, outputs: Readonly<Record<string, string>>): Promise<void>;
  /** Reports an error that ended the run. */
  fail(message: string): void;
}
