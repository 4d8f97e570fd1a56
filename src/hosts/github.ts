// A GitHub Actions `uses:` step: log groups, masks, step outputs, the job summary and error annotations.
import * as core from '@actions/core';
import type { DeliveryResult } from '../deploy/result.js';
import type { Reporter } from '../report.js';
import type { Host } from './host.js';
import { heldCredentials } from './held-credentials.js';
import { Redactor } from '../redactor.js';
import { renderServicesSummary, renderSummary } from './summary.js';

export function githubHost(env: Readonly<Record<string, string | undefined>> = process.env): Host {
  const redactor = new Redactor();
  const clean = (line: string): string => redactor.redact(line);
  const reporter: Reporter = {
    info: (line) => core.info(clean(line)),
    warn: (line) => core.warning(clean(line)),
    error: (line) => core.error(clean(line)),
    group: (title, body) => core.group(clean(title), body),
    mask(secret) {
      core.setSecret(secret);
      redactor.add(secret);
    },
  };
  for (const credential of heldCredentials(env)) reporter.mask(credential);
  return {
    reporter,
    async finish(result: DeliveryResult, outputs, services) {
      for (const [name, value] of Object.entries(outputs)) core.setOutput(name, clean(value));
      if (process.env['GITHUB_STEP_SUMMARY']) {
        const [shown, shownServices] = [redactor.redactValue(result), services && redactor.redactValue(services)];
        await core.summary.addRaw(clean(shownServices ? renderServicesSummary(shown, shownServices) : renderSummary(shown)), true).write();
      }
    },
    fail(message) {
      core.setFailed(clean(message));
    },
  };
}
