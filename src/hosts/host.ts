import type { DeliveryResult } from '../deploy/result.js';
import type { Reporter } from '../report.js';

export interface Host {
  reporter: Reporter;
  /** Publishes the outputs, the job summary and the dotenv report of a run, however it ended. */
  finish(result: DeliveryResult, outputs: Readonly<Record<string, string>>): Promise<void>;
  /** Reports an error that ended the run. */
  fail(message: string): void;
}
