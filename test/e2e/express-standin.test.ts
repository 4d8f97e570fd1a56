// The built bundle deploying Express Mode services on the ECS stand-in: created when missing, updated with the
// registered revision, left alone when nothing changed, rolled back by ECS or on a cancel, and next to a rolling
// service in one services-file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, describe, expect, test } from 'vitest';
import type { EcsStandin } from '../standin/index.js';
import {
  EXECUTION,
  INFRASTRUCTURE,
  KILL_AFTER_MS,
  SLOW_CANARY,
  createExpressService,
  deployExpress,
  envOf,
  expressArgs,
  expressInputs,
  expressStandin,
  outputsOf,
} from '../support/express-e2e.js';
import { startFaultProxy } from '../support/fault-proxy.js';
import { parseGithubOutput } from '../support/github-output.js';
import { LOCAL_ACTION_ENTRY, actionInputs, localAction } from '../support/local-action.js';
import { type BundleRun, runBundle } from '../support/run-bundle.js';
import { signalDescendant } from '../support/signal-descendant.js';

const EXPRESS_ARGS = expressArgs();
const standinFor = expressStandin;
const deploy = deployExpress;

const currentDeployment = (standin: EcsStandin): string => String(standin.expressService('web')['currentDeployment'] ?? '');

/** The Express service web, created on web:1, beside the rolling service api on api:1. */
async function standinWithWebAndApi(context: TestContext): Promise<EcsStandin> {
  const standin = await standinFor(context);
  const created = await deploy(standin, ['--image', 'nginx:1.25', '--express-infrastructure-role-arn', INFRASTRUCTURE]);
  expect(created.code, created.log).toBe(0);
  standin.seedTaskDefinition({ family: 'api', containerDefinitions: [{ name: 'api', image: 'nginx:1.24', memory: 256 }] });
  standin.seedService({ serviceName: 'api', taskDefinition: 'api:1', desiredCount: 1 });
  return standin;
}

/** A services-file run of `entries` (lines under services:). */
function servicesFileRun(standin: EcsStandin, entries: string[], args: string[] = []): Promise<BundleRun> {
  const file = join(mkdtempSync(join(tmpdir(), 'express-')), 'services.yml');
  writeFileSync(file, ['services:', ...entries].join('\n'));
  return runBundle({
    args: ['--services-file', file, '--verify-image', 'false', '--json', '--poll-interval', '1s', ...args],
    env: envOf(standin),
    timeoutMs: KILL_AFTER_MS,
  });
}

describe.concurrent('Express services', () => {
  test('created when missing, updated, then left alone when nothing changed; the endpoint as output', async (context) => {
    const standin = await standinFor(context);

    const created = await deploy(standin, ['--image', 'nginx:1.25', '--express-infrastructure-role-arn', INFRASTRUCTURE, '--service-tags', 'team=web']);
    expect(created.code, created.log).toBe(0);
    expect(created.log).toContain('Service web does not exist in default: it is created as an Express service.');
    let outputs = outputsOf(created);
    expect(outputs['deployment-status']).toBe('COMPLETED');
    expect(outputs['endpoint']).toMatch(/^https:\/\/web-[0-9a-f]{8}\.ecs\.us-east-1\.on\.aws$/);
    expect(outputs['service-arn']).toBe('arn:aws:ecs:us-east-1:123456789012:service/default/web');
    expect(outputs['service-deployment-arn']).toBe(currentDeployment(standin));
    expect(standin.calls['CreateExpressGatewayService']).toBe(1);
    expect(standin.expressService('web')['tags']).toEqual([{ key: 'team', value: 'web' }]);
    const endpoint = outputs['endpoint'];

    const updated = await deploy(standin, ['--image', 'nginx:1.26', '--health-check-path', '/health']);
    expect(updated.code, updated.log).toBe(0);
    outputs = outputsOf(updated);
    expect(outputs['deployment-status']).toBe('COMPLETED');
    expect(outputs['registered']).toBe('true');
    expect(outputs['task-definition-arn']).toMatch(/web:2$/);
    expect(outputs['endpoint']).toBe(endpoint);
    expect(outputs['service-deployment-arn']).toBe(currentDeployment(standin));
    expect(updated.log).toMatch(/Stage [A-Z_]+/);
    expect(standin.calls['UpdateExpressGatewayService']).toBe(1);
    const configuration = (standin.expressService('web')['activeConfigurations'] as Record<string, unknown>[])[0];
    expect(configuration).toMatchObject({ healthCheckPath: '/health' });
    expect(String(configuration?.['taskDefinitionArn'])).toMatch(/web:2$/);

    if (process.env['SHOW_LOG']) console.log(created.log, updated.log);
    const again = await deploy(standin, ['--image', 'nginx:1.26', '--health-check-path', '/health']);
    expect(again.code, again.log).toBe(0);
    outputs = outputsOf(again);
    expect(outputs['registered']).toBe('false');
    expect(outputs['task-definition-arn']).toMatch(/web:2$/);
    expect(outputs['deployment-status']).toBe('COMPLETED');
    expect(outputs['endpoint']).toBe(endpoint);
    expect(again.log).toContain('no update');
    expect(standin.calls['UpdateExpressGatewayService']).toBe(1);
    expect(standin.calls['RegisterTaskDefinition']).toBe(2);
  });

  test('a missing service without express-infrastructure-role-arn, or a render Express refuses: exit 2, the input named, nothing changed', async (context) => {
    const standin = await standinFor(context);
    const missing = await deploy(standin, ['--image', 'nginx:1.25']);
    expect(missing.code, missing.log).toBe(2);
    expect(missing.stderr).toContain('set express-infrastructure-role-arn to create it');

    const wrongContainer = await deploy(standin, ['--image', 'nginx:1.25', '--express-infrastructure-role-arn', INFRASTRUCTURE, '--container-name', 'app']);
    expect(wrongContainer.code, wrongContainer.log).toBe(2);
    expect(wrongContainer.stderr).toMatch(/container named Main/);
    const notFargate = await deploy(standin, ['--image', 'nginx:1.25', '--express-infrastructure-role-arn', INFRASTRUCTURE, '--requires-compatibilities', 'EC2']);
    expect(notFargate.code, notFargate.log).toBe(2);
    expect(notFargate.stderr).toMatch(/^.*requires-compatibilities: an Express service runs on Fargate/m);
    // A revision named by ARN is deployed as it is: its unnamed port mapping is refused, not named.
    standin.seedTaskDefinition({
      family: 'own',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'Main', image: 'nginx:1.25', portMappings: [{ containerPort: 8080, protocol: 'tcp' }] }],
    } as never);
    const byArn = await runBundle({
      args: ['--service', 'web', '--task-definition-arn', 'own:1', '--express-infrastructure-role-arn', INFRASTRUCTURE, '--json'],
      env: envOf(standin),
      timeoutMs: KILL_AFTER_MS,
    });
    expect(byArn.code, byArn.log + byArn.stdout).toBe(2);
    expect(byArn.stderr).toMatch(/task-definition-arn: the port mapping 8080\/tcp of the container Main has no name/);
    const forced = await deploy(standin, ['--image', 'nginx:1.25', '--express-infrastructure-role-arn', INFRASTRUCTURE, '--force-new-deployment', 'true']);
    expect(forced.code, forced.log).toBe(2);
    expect(forced.stderr).toContain('force-new-deployment: service "web" is an Express service');
    expect(standin.calls['RegisterTaskDefinition'] ?? 0).toBe(0);
    expect(standin.calls['CreateExpressGatewayService'] ?? 0).toBe(0);
  });

  test('a failing image: ROLLED_BACK once ECS rolled back, with the reason; exit 1', async (context) => {
    const standin = await standinFor(context);
    const created = await deploy(standin, ['--image', 'nginx:1.25', '--express-infrastructure-role-arn', INFRASTRUCTURE]);
    expect(created.code, created.log).toBe(0);
    standin.failImage('nginx:broken');

    const run = await deploy(standin, ['--image', 'nginx:broken']);

    if (process.env['SHOW_LOG']) console.log(run.log);
    expect(run.code, run.log).toBe(1);
    const outputs = outputsOf(run);
    expect(outputs['deployment-status']).toBe('ROLLED_BACK');
    expect(run.log).toMatch(/CannotPullContainerError/);
    const sd = standin.serviceDeployments('web')[0] ?? {};
    expect(sd['serviceDeploymentArn']).toBe(outputs['service-deployment-arn']);
    expect(sd['status']).toBe('ROLLBACK_SUCCESSFUL');
    expect(standin.calls['StopServiceDeployment'] ?? 0).toBe(0);
  });

  test('SIGTERM with rollback-on-cancel: the canary rolled back through StopServiceDeployment', async (context) => {
    const standin = await standinFor(context);
    standin.setExpressReadings({ canary: { canaryPercent: 5, canaryBakeTimeInMinutes: 0.5, bakeTimeInMinutes: 0.5 } });
    const created = await deploy(standin, ['--image', 'nginx:1.25', '--express-infrastructure-role-arn', INFRASTRUCTURE, '--wait', 'false']);
    expect(created.code, created.log).toBe(0);
    let signalled = false;

    const run = await deploy(standin, ['--image', 'nginx:1.26', '--rollback-on-cancel', 'true'], {
      onStart: (child) => {
        let seen = '';
        child.stderr?.on('data', (chunk: Buffer) => {
          seen += chunk.toString();
          if (!signalled && /Production traffic on the new revision \(web:2\): 5%/.test(seen)) {
            signalled = true;
            child.kill('SIGTERM');
          }
        });
      },
    });

    expect(signalled, run.log).toBe(true);
    expect(run.code, run.log).toBe(143);
    expect(outputsOf(run)['deployment-status']).toBe('CANCELLED');
    expect(standin.calls['StopServiceDeployment']).toBe(1);
    const sd = standin.serviceDeployments('web')[0] ?? {};
    expect(['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL']).toContain(sd['status']);
  });

  test('DescribeExpressGatewayService naming the previous deployment for a while after the update: the new one is followed', async (context) => {
    const standin = await standinFor(context);
    const created = await deploy(standin, ['--image', 'nginx:1.25', '--express-infrastructure-role-arn', INFRASTRUCTURE]);
    expect(created.code, created.log).toBe(0);
    const previous = currentDeployment(standin);
    standin.setExpressReadings({ currentDeploymentLagMs: 3_000, activeConfigurations: 'latest', describeServicesTaskDefinition: true });

    const run = await deploy(standin, ['--image', 'nginx:1.26']);

    expect(run.code, run.log).toBe(0);
    const outputs = outputsOf(run);
    expect(outputs['deployment-status']).toBe('COMPLETED');
    expect(outputs['service-deployment-arn']).not.toBe(previous);
    expect(outputs['service-deployment-arn']).toBe(String(standin.serviceDeployments('web')[0]?.['serviceDeploymentArn']));
    expect(run.log).toContain('Following service deployment ' + outputs['service-deployment-arn']);
  });

  test('wait-timeout passed during the canary: rolled back with StopServiceDeployment, exit 1', async (context) => {
    const standin = await standinFor(context);
    standin.setExpressReadings({ canary: { canaryPercent: 5, canaryBakeTimeInMinutes: 0.5, bakeTimeInMinutes: 0.5 } });
    const created = await deploy(standin, ['--image', 'nginx:1.25', '--express-infrastructure-role-arn', INFRASTRUCTURE, '--wait', 'false']);
    expect(created.code, created.log).toBe(0);

    const run = await deploy(standin, ['--image', 'nginx:1.26', '--wait-timeout', '5s']);

    expect(run.code, run.log).toBe(1);
    expect(['ROLLED_BACK', 'TIMED_OUT']).toContain(outputsOf(run)['deployment-status']);
    expect(standin.calls['StopServiceDeployment']).toBe(1);
    const sd = standin.serviceDeployments('web')[0] ?? {};
    expect(sd['serviceDeploymentArn']).toBe(outputsOf(run)['service-deployment-arn']);
    expect(['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL']).toContain(sd['status']);
  });

  test('a services-file with an Express service and a rolling one: each deployed its own way, each endpoint in results', async (context) => {
    const standin = await standinWithWebAndApi(context);

    const run = await servicesFileRun(standin, ['  - service: web', '    family: web', '    container-name: Main', '    image: nginx:1.26', '  - service: api', '    family: api', '    image: nginx:1.26']);

    expect(run.code, run.log).toBe(0);
    const results = JSON.parse(outputsOf(run)['results'] ?? '[]') as Record<string, string>[];
    expect(results.map((result) => [result['service'], result['deployment-status']])).toEqual([
      ['web', 'COMPLETED'],
      ['api', 'COMPLETED'],
    ]);
    expect(outputsOf(run)['endpoint']).toMatch(/^https:\/\/web-[0-9a-f]{8}\./);
    expect(results.map((result) => result['endpoint'])).toEqual([outputsOf(run)['endpoint']?.replace(/,$/, ''), '']);
    expect(standin.calls['UpdateExpressGatewayService']).toBe(1);
    expect(standin.calls['UpdateService']).toBe(1);
    expect(String(standin.service('api')['taskDefinition'])).toMatch(/api:2$/);
  });

  test('on-failure rollback-all: the Express service goes back on the revision and the configuration it had', async (context) => {
    const standin = await standinWithWebAndApi(context);
    standin.setScenario('api', { name: 'failing-no-breaker' });
    const web = ['  - service: web', '    family: web', '    container-name: Main', '    image: nginx:1.26', '    health-check-path: /health'];
    const api = ['  - service: api', '    family: api', '    image: nginx:1.26', '    wait-timeout: 4s', '    rollback: false'];

    const run = await servicesFileRun(standin, [...web, ...api], ['--on-failure', 'rollback-all']);

    expect(run.code, run.log).toBe(1);
    const results = JSON.parse(outputsOf(run)['results'] ?? '[]') as Record<string, string>[];
    expect(results.map((result) => result['deployment-status'])).toEqual(['ROLLED_BACK', 'ROLLED_BACK']);
    expect(results[0]?.['reason']).toMatch(/put back on web:1 by on-failure rollback-all/);
    expect(run.log).toContain('a new Express service deployment puts web back on web:1 and the configuration it had before');
    expect(standin.calls['UpdateExpressGatewayService']).toBe(2);
    const configuration = (standin.expressService('web')['activeConfigurations'] as Record<string, unknown>[])[0];
    expect(String(configuration?.['taskDefinitionArn'])).toMatch(/web:1$/);
    expect(configuration?.['healthCheckPath']).toBe('/ping');
    expect(String(standin.service('api')['taskDefinition'])).toMatch(/api:1$/);
  });

  test("on GitHub Actions, with the AWS action's input names: created, updated, then left alone; the endpoint in the outputs and the job summary", async (context) => {
    const standin = await standinFor(context);
    const dir = mkdtempSync(join(tmpdir(), 'express-gh-'));
    const outputFile = join(dir, 'output');
    const summaryFile = join(dir, 'summary');
    const github = (image: string) => {
      writeFileSync(outputFile, '');
      writeFileSync(summaryFile, '');
      return runBundle({
        env: {
          ...envOf(standin),
          GITHUB_ACTIONS: 'true',
          GITHUB_OUTPUT: outputFile,
          GITHUB_STEP_SUMMARY: summaryFile,
          'INPUT_SERVICE-NAME': 'web',
          'INPUT_INFRASTRUCTURE-ROLE-ARN': INFRASTRUCTURE,
          'INPUT_EXECUTION-ROLE-ARN': EXECUTION,
          INPUT_FAMILY: 'web',
          'INPUT_CONTAINER-NAME': 'Main',
          'INPUT_CONTAINER-PORT': '8080',
          'INPUT_REQUIRES-COMPATIBILITIES': 'FARGATE',
          'INPUT_NETWORK-MODE': 'awsvpc',
          'INPUT_TASK-CPU': '256',
          'INPUT_TASK-MEMORY': '512',
          'INPUT_MIN-TASK-COUNT': '1',
          'INPUT_MAX-TASK-COUNT': '4',
          INPUT_IMAGE: image,
          'INPUT_VERIFY-IMAGE': 'false',
          'INPUT_POLL-INTERVAL': '1s',
          'INPUT_WAIT-TIMEOUT': '60s',
        },
        timeoutMs: KILL_AFTER_MS,
      });
    };

    const created = await github('nginx:1.25');
    expect(created.code, created.log).toBe(0);
    const endpoint = parseGithubOutput(readFileSync(outputFile, 'utf8'))['endpoint'] ?? '';
    expect(endpoint).toMatch(/^https:\/\/web-[0-9a-f]{8}\.ecs\.us-east-1\.on\.aws$/);
    const updated = await github('nginx:1.26');
    expect(updated.code, updated.log).toBe(0);
    const outputs = parseGithubOutput(readFileSync(outputFile, 'utf8'));
    expect(outputs).toMatchObject({ 'deployment-status': 'COMPLETED', endpoint, 'service-arn': 'arn:aws:ecs:us-east-1:123456789012:service/default/web' });
    expect(outputs['service-deployment-arn']).toBe(currentDeployment(standin));
    expect(readFileSync(summaryFile, 'utf8')).toContain(`| Endpoint | ${endpoint} |`);
    expect(standin.calls['CreateExpressGatewayService']).toBe(1);
    expect(standin.calls['UpdateExpressGatewayService']).toBe(1);
    const configuration = (standin.expressService('web')['activeConfigurations'] as Record<string, unknown>[])[0];
    expect(configuration?.['scalingTarget']).toMatchObject({ minTaskCount: 1, maxTaskCount: 4 });

    const again = await github('nginx:1.26');
    expect(again.code, again.log).toBe(0);
    expect(parseGithubOutput(readFileSync(outputFile, 'utf8'))).toMatchObject({ 'deployment-status': 'COMPLETED', registered: 'false', endpoint });
    expect(standin.calls['UpdateExpressGatewayService']).toBe(1);
  });

  test("the update's answer lost on the way: read back, the deployment it started followed, nothing sent twice", async (context) => {
    const standin = await standinFor(context);
    const created = await deploy(standin, ['--image', 'nginx:1.25', '--express-infrastructure-role-arn', INFRASTRUCTURE]);
    expect(created.code, created.log).toBe(0);
    const proxy = await startFaultProxy(standin.url);
    context.onTestFinished(() => proxy.close());
    proxy.inject({ operation: 'UpdateExpressGatewayService', fault: 'reset-after' });

    const run = await runBundle({
      args: [...EXPRESS_ARGS, '--image', 'nginx:1.26', '--json', '--poll-interval', '1s', '--wait-timeout', '60s'],
      env: { ...envOf(standin), AWS_ENDPOINT_URL_ECS: proxy.url },
      timeoutMs: KILL_AFTER_MS,
    });

    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain('the answer was lost');
    expect(outputsOf(run)['deployment-status']).toBe('COMPLETED');
    expect(outputsOf(run)['service-deployment-arn']).toBe(currentDeployment(standin));
    expect(standin.calls['UpdateExpressGatewayService']).toBe(1);
  });

  test("the create's answer lost on the way: the service read back by name, not created twice", async (context) => {
    const standin = await standinFor(context);
    const proxy = await startFaultProxy(standin.url);
    context.onTestFinished(() => proxy.close());
    proxy.inject({ operation: 'CreateExpressGatewayService', fault: 'reset-after' });

    const run = await runBundle({
      args: [...EXPRESS_ARGS, '--image', 'nginx:1.25', '--express-infrastructure-role-arn', INFRASTRUCTURE, '--json', '--poll-interval', '1s', '--wait-timeout', '60s'],
      env: { ...envOf(standin), AWS_ENDPOINT_URL_ECS: proxy.url },
      timeoutMs: KILL_AFTER_MS,
    });

    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain('CreateExpressGatewayService web: the answer was lost');
    expect(run.log).toContain('Read the service back by name: the create went through');
    expect(outputsOf(run)['deployment-status']).toBe('COMPLETED');
    expect(outputsOf(run)['endpoint']).toMatch(/^https:\/\/web-/);
    expect(standin.calls['CreateExpressGatewayService']).toBe(1);
  });

  test('a dry run says create or update, and what changes in the Express configuration', async (context) => {
    const standin = await standinFor(context);
    const toCreate = await deploy(standin, ['--image', 'nginx:1.25', '--express-infrastructure-role-arn', INFRASTRUCTURE, '--dry-run', 'true']);
    expect(toCreate.code, toCreate.log).toBe(0);
    expect(toCreate.log).toContain('Would create the Express service web in default');
    const created = await deploy(standin, ['--image', 'nginx:1.25', '--express-infrastructure-role-arn', INFRASTRUCTURE]);
    expect(created.code, created.log).toBe(0);

    const toUpdate = await deploy(standin, ['--image', 'nginx:1.26', '--health-check-path', '/health', '--max-task-count', '3', '--dry-run', 'true']);

    expect(toUpdate.code, toUpdate.log).toBe(0);
    expect(toUpdate.log).toContain('Would update the Express service web in default');
    expect(toUpdate.log).toContain('healthCheckPath: /ping -> /health');
    expect(toUpdate.log).toMatch(/maxTaskCount: \S+ -> 3/);
    expect(standin.calls['UpdateExpressGatewayService'] ?? 0).toBe(0);
    expect(standin.calls['RegisterTaskDefinition']).toBe(1);
  });
});

// The action as a GitHub step, through GitHub's local runner (src/action.ts run() with the INPUT_ variables).
describe('an Express service through local-action, as a GitHub step', () => {
  const stepEnv = (standin: EcsStandin, values: Record<string, string>): Record<string, string> => ({
    ...envOf(standin),
    ...actionInputs({ 'verify-image': 'false', 'poll-interval': '1s', 'wait-timeout': '60s', ...values }),
  });
  const serviceInputs = (image: string, values: Record<string, string> = {}): Record<string, string> => ({
    'service-name': 'web',
    ...expressInputs(),
    'execution-role-arn': EXECUTION,
    image,
    ...values,
  });
  const dirFor = (context: TestContext): string => {
    const dir = mkdtempSync(join(tmpdir(), 'express-local-action-'));
    context.onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  };

  test('a failing image ends ROLLED_BACK once ECS rolled back, with the reason', async (context) => {
    const standin = await standinFor(context);
    await createExpressService(standin, 'web');
    standin.failImage('nginx:broken');

    const run = await localAction(dirFor(context), stepEnv(standin, serviceInputs('nginx:broken')));

    expect(run.code, run.log).not.toBe(0);
    expect(run.outputs['deployment-status'], run.log).toBe('ROLLED_BACK');
    expect(run.log).toMatch(/^::error::the CANARY deployment of web:2 failed: .*ECS rolled back to web:1$/m);
    expect(run.log).toMatch(/CannotPullContainerError/);
    const sd = standin.serviceDeployments('web')[0] ?? {};
    expect(sd['serviceDeploymentArn']).toBe(run.outputs['service-deployment-arn']);
    expect(sd['status']).toBe('ROLLBACK_SUCCESSFUL');
  }, 120_000);

  test('SIGTERM with rollback-on-cancel: the canary rolled back through StopServiceDeployment', async (context) => {
    const standin = await standinFor(context);
    standin.setExpressReadings({ canary: SLOW_CANARY });
    await createExpressService(standin, 'web', { wait: false });
    let signalled = false;

    const run = await localAction(dirFor(context), stepEnv(standin, serviceInputs('nginx:1.26', { 'rollback-on-cancel': 'true' })), {
      onStart: (child) => {
        let seen = '';
        child.stdout?.on('data', (chunk: Buffer) => {
          seen += chunk.toString();
          if (!signalled && /Production traffic on the new revision \(web:2\): 5%/.test(seen)) {
            signalled = signalDescendant(child.pid ?? 0, LOCAL_ACTION_ENTRY, 'SIGTERM');
          }
        });
      },
    });

    expect(signalled, run.log).toBe(true);
    expect(run.log).toContain('SIGTERM received: stopping.');
    expect(run.outputs['deployment-status'], run.log).toBe('CANCELLED');
    expect(standin.calls['StopServiceDeployment']).toBe(1);
    const sd = standin.serviceDeployments('web')[0] ?? {};
    expect(['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL']).toContain(sd['status']);
  }, 120_000);

  test('a services-file with an Express service and a rolling one: each deployed its own way, each endpoint in results', async (context) => {
    const standin = await standinWithWebAndApi(context);
    const dir = dirFor(context);
    const file = join(dir, 'services.yml');
    writeFileSync(file, ['services:', '  - service: web', '    family: web', '    container-name: Main', '    image: nginx:1.26', '  - service: api', '    family: api', '    image: nginx:1.26'].join('\n'));

    const run = await localAction(dir, stepEnv(standin, { 'services-file': file }));

    expect(run.code, run.log).toBe(0);
    const results = JSON.parse(run.outputs['results'] ?? '[]') as Record<string, string>[];
    expect(results.map((result) => [result['service'], result['deployment-status']])).toEqual([
      ['web', 'COMPLETED'],
      ['api', 'COMPLETED'],
    ]);
    expect(results[0]?.['endpoint']).toMatch(/^https:\/\/web-[0-9a-f]{8}\.ecs\.us-east-1\.on\.aws$/);
    expect(results[1]?.['endpoint']).toBe('');
    expect(standin.calls['UpdateExpressGatewayService']).toBe(1);
    expect(String(standin.service('api')['taskDefinition'])).toMatch(/api:2$/);
  }, 120_000);
});
