// The job summary of a run of many services: one row per service, the reason only where it did not end well.
import { describe, expect, test } from 'vitest';
import type { DeliveryResult } from '../../src/deploy/result.js';
import { deliveryResult } from '../support/delivery-result.js';
import { renderServicesSummary } from '../../src/hosts/summary.js';
import { runResult } from '../../src/fleet/outcome.js';
import { InputError, PreflightError } from '../../src/errors.js';
import { notStartedResult } from '../../src/deploy/result.js';

const result = (fields: Partial<DeliveryResult>): DeliveryResult => deliveryResult({ deploymentId: 'ecs-svc/1', ...fields });

describe('renderServicesSummary', () => {
  const services = [
    result({}),
    result({
      service: 'api',
      taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/api:5',
      registered: false,
      deploymentId: 'ecs-svc/2',
      deploymentStatus: 'ROLLED_BACK',
      statusMessage: 'deployment failed: tasks | failed; rolled back to api:4',
      finishedAt: 9_000,
    }),
  ];
  const run = runResult(services, { startedAt: 0, finishedAt: 9_500, dryRun: false, region: 'eu-west-1' });

  test('a headline with the run outcome, then one row per service', () => {
    expect(renderServicesSummary(run, services)).toBe(
      [
        '### ❌ ecs-deliver: 1 of 2 services did not end well (ROLLED_BACK)',
        '',
        '| Service | Cluster | Revision | Outcome | Deployment | Time | Reason |',
        '|---|---|---|---|---|---|---|',
        '| `web` | `prod` | `web:2` (registered) | **COMPLETED** | `ecs-svc/1` | 6.1s |  |',
        '| `api` | `prod` | `api:5` | **ROLLED_BACK** | `ecs-svc/2` | 9.0s | deployment failed: tasks \\| failed; rolled back to api:4 |',
        '',
        'Region `eu-west-1`, 9.5s in all.',
        '',
      ].join('\n'),
    );
  });

  test('every service well: a success headline', () => {
    const well = [result({}), result({ service: 'api', deploymentStatus: 'SKIPPED' })];
    const summary = renderServicesSummary(runResult(well, { startedAt: 0, finishedAt: 1, dryRun: false, region: 'eu-west-1' }), well);
    expect(summary.split('\n')[0]).toBe('### ✅ ecs-deliver delivered 2 services');
  });
});

describe('the job summary of a run that changed nothing', () => {
  const times = { startedAt: 0, finishedAt: 1_000, dryRun: false, region: 'eu-west-1' };

  test('a refused services file: the error, not "delivered 0 services"', () => {
    const error = new InputError('services-file: deploy/services.yml is empty; list the services under "services:".');
    const summary = renderServicesSummary(runResult([], { ...times, error }), []);
    expect(summary).toBe(
      [
        '### ❌ ecs-deliver: nothing was changed: the run stopped before its first change',
        '',
        '> services-file: deploy/services.yml is empty; list the services under "services:".',
        '',
        'Region `eu-west-1`, 1.0s in all.',
        '',
      ].join('\n'),
    );
  });

  test('a failed preflight of every entry: the error the run stopped on', () => {
    const error = new PreflightError('2 of 2 entries of the services-file are wrong (each named above); nothing was changed.');
    const services = [notStartedResult({ cluster: 'prod', service: 'web' }, error, times), notStartedResult({ cluster: 'prod', service: 'api' }, error, times)];
    const summary = renderServicesSummary(runResult(services, { ...times, error }), services);
    expect(summary.split('\n')[0]).toBe('### ❌ ecs-deliver: nothing was changed: the run stopped before its first change');
    expect(summary).toContain('2 of 2 entries of the services-file are wrong (each named above); nothing was changed.');
  });
});
