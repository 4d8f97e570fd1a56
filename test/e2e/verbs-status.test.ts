// `status` from the built bundle on each host against the ECS stand-in: a fleet of a steady rolling service and a
// blue/green service paused at a PAUSE hook; what each runs, what is in flight, the JSON form; nothing changes.
import { ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, describe, expect, test } from 'vitest';
import { type EcsStandin, startEcsStandin } from '../standin/index.js';
import { parseGithubOutput } from '../support/github-output.js';
import { type BundleRun, runBundle } from '../support/run-bundle.js';

const KILL_AFTER_MS = 60_000;

interface StatusDocument {
  services: {
    service: string;
    taskDefinition: string;
    images: Record<string, string>;
    runningCount: number;
    desiredCount: number;
    inFlight: { status: string; stage?: string; hooks: { hookId: string; status?: string; type?: string }[] }[];
    events: { message: string }[];
  }[];
}

/** web: rolling, steady on web:1; api: blue/green with a PAUSE hook, deploying api:2 and waiting at the hook. */
async function fleet(context: TestContext): Promise<{ standin: EcsStandin; dir: string; servicesFile: string; env: Record<string, string> }> {
  const standin = await startEcsStandin({ timing: { stageMs: 100, hookMs: 100, rollbackMs: 300, rolloutMs: 300 } });
  context.onTestFinished(() => standin.close());
  standin.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.24', memory: 256 }] });
  standin.seedTaskDefinition({ family: 'api', containerDefinitions: [{ name: 'api', image: 'httpd:2.4.1', memory: 256 }] });
  standin.seedTaskDefinition({ family: 'api', containerDefinitions: [{ name: 'api', image: 'httpd:2.4.2', memory: 256 }] });
  standin.seedService({ serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2 });
  standin.seedService({
    serviceName: 'api',
    taskDefinition: 'api:1',
    desiredCount: 1,
    deploymentConfiguration: { strategy: 'BLUE_GREEN', lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] }] } as never,
  });
  const env = { AWS_ENDPOINT_URL_ECS: standin.url, AWS_REGION: standin.region, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' };
  const ecs = new ECSClient({ endpoint: standin.url, region: standin.region, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  await ecs.send(new UpdateServiceCommand({ cluster: 'default', service: 'api', taskDefinition: 'api:2' }));
  ecs.destroy();
  await waitFor(() => hookStatus(standin) === 'AWAITING_ACTION');
  const dir = mkdtempSync(join(tmpdir(), 'ecs-deliver-status-'));
  const servicesFile = join(dir, 'services.yaml');
  writeFileSync(servicesFile, 'services:\n  - service: web\n    image: nginx:1.25\n  - service: api\n    image: httpd:2.4.3\n');
  return { standin, dir, servicesFile, env };
}

function hookStatus(standin: EcsStandin): unknown {
  const [latest] = standin.serviceDeployments('api');
  const hooks = latest?.['lifecycleHookDetails'];
  return Array.isArray(hooks) ? (hooks[0] as { status?: string } | undefined)?.status : undefined;
}

async function waitFor(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(done()).toBe(true);
}

/** Counts of every call that changes something: status must send none. */
function changes(standin: EcsStandin): number {
  const changing = ['UpdateService', 'RegisterTaskDefinition', 'ContinueServiceDeployment', 'StopServiceDeployment', 'CreateService'];
  return changing.reduce((sum, name) => sum + (standin.calls[name] ?? 0), 0);
}

function expectFleet(document: StatusDocument): void {
  const [web, api] = document.services;
  expect(web).toMatchObject({ service: 'web', images: { web: 'nginx:1.24' }, runningCount: 2, desiredCount: 2, inFlight: [] });
  expect(web?.taskDefinition).toMatch(/task-definition\/web:1$/);
  expect(api?.service).toBe('api');
  expect(api?.inFlight).toHaveLength(1);
  expect(api?.inFlight[0]).toMatchObject({ status: 'IN_PROGRESS', stage: 'POST_TEST_TRAFFIC_SHIFT' });
  expect(api?.inFlight[0]?.hooks[0]).toMatchObject({ type: 'PAUSE', status: 'AWAITING_ACTION' });
  expect(api?.inFlight[0]?.hooks[0]?.hookId).not.toBe('');
}

function expectReadable(run: BundleRun): void {
  expect(run.log).toMatch(/default\/web \(rolling\): runs web:1; 2 running, 0 pending of 2 desired/);
  expect(run.log).toContain('image web: nginx:1.24');
  expect(run.log).toMatch(/default\/api \(blue_green\): runs api:\d/);
  expect(run.log).toMatch(/in flight: arn:\S+ IN_PROGRESS at POST_TEST_TRAFFIC_SHIFT/);
  expect(run.log).toMatch(/hook \S+ \(PAUSE\): AWAITING_ACTION/);
}

describe.concurrent('status of a fleet', () => {
  test('from a shell: ecs-deliver status --services-file --json, the readable lines on stderr, exit 0, no change', async (context) => {
    const { standin, servicesFile, env } = await fleet(context);
    const before = changes(standin);

    const run = await runBundle({ args: ['status', '--services-file', servicesFile, '--json'], env, timeoutMs: KILL_AFTER_MS });

    expect(run.code, run.log).toBe(0);
    expectFleet(JSON.parse(run.stdout) as StatusDocument);
    expect(run.stderr).toContain('default/web (rolling)');
    expect(changes(standin)).toBe(before);
    expect(hookStatus(standin)).toBe('AWAITING_ACTION');
  });

  test('on GitHub Actions: operation status, the output status holds the JSON form', async (context) => {
    const { standin, dir, servicesFile, env } = await fleet(context);
    const outputFile = join(dir, 'output');
    writeFileSync(outputFile, '');
    const before = changes(standin);

    const run = await runBundle({
      env: { ...env, GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: outputFile, INPUT_OPERATION: 'status', 'INPUT_SERVICES-FILE': servicesFile },
      timeoutMs: KILL_AFTER_MS,
    });

    expect(run.code, run.log).toBe(0);
    expectReadable(run);
    expectFleet(JSON.parse(parseGithubOutput(readFileSync(outputFile, 'utf8'))['status'] ?? '{}') as StatusDocument);
    expect(changes(standin)).toBe(before);
  });

  test('on GitLab: ECS_DELIVER_OPERATION from the component input, readable lines in the job log', async (context) => {
    const { standin, servicesFile, env } = await fleet(context);
    const before = changes(standin);

    const run = await runBundle({
      env: { ...env, GITLAB_CI: 'true', ECS_DELIVER_HOST: 'gitlab', ECS_DELIVER_OPERATION: 'status', ECS_DELIVER_SERVICES_FILE: servicesFile },
      timeoutMs: KILL_AFTER_MS,
    });

    expect(run.code, run.log).toBe(0);
    expectReadable(run);
    expect(changes(standin)).toBe(before);
  });
});

describe.concurrent('status refuses what it cannot read', () => {
  test('a missing service: one line naming it, exit 2', async (context) => {
    const { standin, env } = await fleet(context);
    const before = changes(standin);

    const run = await runBundle({ args: ['status', '--service', 'nope'], env, timeoutMs: KILL_AFTER_MS });

    expect(run.code, run.log).toBe(2);
    expect(run.log).toMatch(/service nope not found in cluster default; check service and cluster\./);
    expect(changes(standin)).toBe(before);
  });

  test('a wrong operation: one line, exit 2, no AWS call', async (context) => {
    const { standin, env } = await fleet(context);
    const calls = Object.values(standin.calls).reduce((sum, count) => sum + count, 0);

    const cli = await runBundle({ args: ['stauts', '--service', 'web'], env, timeoutMs: KILL_AFTER_MS });
    const variable = await runBundle({ args: ['--service', 'web'], env: { ...env, ECS_DELIVER_OPERATION: 'undo' }, timeoutMs: KILL_AFTER_MS });

    expect(cli.code).toBe(2);
    expect(cli.log.trim()).toBe('error: unknown operation "stauts"; did you mean status? ecs-deliver takes deploy, status, continue, rollback (deploy when none is given).');
    expect(variable.code).toBe(2);
    expect(variable.log.trim()).toBe('error: operation: "undo" is not one of deploy, status, continue, rollback; set operation to one of them.');
    expect(Object.values(standin.calls).reduce((sum, count) => sum + count, 0)).toBe(calls);
  });
});
