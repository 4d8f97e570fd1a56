import type { DeliveryResult } from '../deploy/result.js';
import type { Reporter } from '../report.js';

export interface Host {
  reporter: Reporter;
  /**
   * Publishes the outputs, the job summary and the dotenv report of a run, however it ended. `services`: the
   * result of each service of a run of many (services-file), which `result` then sums up.
   */
  finish(result: DeliveryResult, outputs: Readonly<Record<string, string>>, services?: readonly DeliveryResult[]): Promise<void>;
  /** Reports an error that ended the run. */
  fail(message: string): void;
}
