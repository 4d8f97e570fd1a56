// The built bundle against moto_server: what the seed did by hand, done by one call, on each host.
// moto's UpdateService starts no deployment on the new revision (see /work/shared/ECS-NOTES.md), so a wait for
// the rollout can only time out here: the tests about registration, rendering and outputs run with --wait false,
// one test checks that a wait against moto ends honestly, and rollouts themselves are tested on the ECS stand-in
// (rollout-standin.test.ts).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, test } from 'vitest';
import { motoMissing } from '../support/moto-server.js';
import { motoSuite } from '../support/moto-suite.js';
import {
  awsEnv,
  createCluster,
  createService,
  describeService,
  describeTaskDefinition,
  registerTaskDefinition,
  revisionsOf,
} from '../support/moto-ecs.js';
import { parseGithubOutput } from '../support/github-output.js';
import { runBundle, type BundleRun } from '../support/run-bundle.js';

const fixtures = fileURLToPath(new URL('../fixtures/e2e/', import.meta.url));
const skip = motoMissing();

describe.skipIf(skip)('deploy against moto', () => {
  const suite = motoSuite({ MOTO_ECS_SERVICE_RUNNING: '1' });
  beforeEach(async () => {
    await createCluster(suite.ecs, 'default');
  });

  const run = (args: string[], env: Record<string, string> = {}): Promise<BundleRun> =>
    runBundle({ args: ['--json', '--poll-interval', '1s', '--wait-timeout', '20s', ...args], env: { ...awsEnv(suite.moto.url), ...env } });
  const outputsOf = (result: BundleRun): Record<string, string> => JSON.parse(result.stdout) as Record<string, string>;

  async function seedService(family = 'web', controller?: 'CODE_DEPLOY'): Promise<string> {
    const arn = await registerTaskDefinition(suite.ecs, {
      family,
      executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
      containerDefinitions: [
        {
          name: 'web',
          image: 'nginx:1.24',
          memory: 256,
          environment: [{ name: 'KEEP', value: 'yes' }],
          logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': 'web' } },
        },
      ],
    });
    await createService(suite.ecs, { cluster: 'default', serviceName: 'web', taskDefinition: arn, desiredCount: 1, ...(controller ? { controller } : {}) });
    return arn;
  }

  test("registers the seed's task definition from inputs alone", async () => {
    const result = await run(['--family', 'seed', '--container-name', 'ContainerName', '--image', 'ajitesh/springboot-web-app:latest', '--memory', '300', '--container-port', '8080']);
    expect(result.code, result.log).toBe(0);
    const outputs = outputsOf(result);
    expect(outputs).toMatchObject({ registered: 'true', 'task-definition-revision': '1', image: 'ajitesh/springboot-web-app:latest', 'deployment-status': 'SKIPPED' });
    const described = await describeTaskDefinition(suite.ecs, outputs['task-definition-arn'] ?? '');
    const container = described.taskDefinition?.containerDefinitions?.[0];
    expect(container).toMatchObject({ name: 'ContainerName', image: 'ajitesh/springboot-web-app:latest', memory: 300 });
    expect(container?.portMappings).toEqual([{ hostPort: 0, containerPort: 8080, protocol: 'tcp' }]);
  });

  test('registers from a JSON file keeping empty values, and from a YAML DescribeTaskDefinition output', async () => {
    const json = await run(['--task-definition', join(fixtures, 'web.json'), '--image', 'nginx:1.26', '--environment', 'ADDED=x=y\nALSO_EMPTY=']);
    expect(json.code, json.log).toBe(0);
    const fromJson = await describeTaskDefinition(suite.ecs, outputsOf(json)['task-definition-arn'] ?? '');
    const app = fromJson.taskDefinition?.containerDefinitions?.[0];
    expect(app?.image).toBe('nginx:1.26');
    expect(app?.environment).toEqual(
      expect.arrayContaining([
        { name: 'EMPTY', value: '' },
        { name: 'KEEP', value: 'a=b' },
        { name: 'ADDED', value: 'x=y' },
        { name: 'ALSO_EMPTY', value: '' },
      ]),
    );
    expect(app?.logConfiguration?.options).toEqual({ 'awslogs-group': 'web', 'awslogs-stream-prefix': '' });

    const yaml = await run(['--task-definition', join(fixtures, 'web.yaml')]);
    expect(yaml.code, yaml.log).toBe(0);
    const fromYaml = await describeTaskDefinition(suite.ecs, outputsOf(yaml)['task-definition-arn'] ?? '');
    expect(fromYaml.taskDefinition?.family).toBe('from-yaml');
    expect(fromYaml.taskDefinition?.revision).toBe(1);
    expect(fromYaml.taskDefinition?.containerDefinitions?.[0]?.environment).toEqual([{ name: 'MODE', value: 'on' }]);
    expect(fromYaml.tags).toEqual([{ key: 'team', value: 'payments' }]);
  });

  test('deploys a new image on the latest revision, keeping roles, logging and environment', async () => {
    await seedService();
    const result = await run(['--service', 'web', '--family', 'web', '--image', 'nginx:1.25', '--environment', 'ADDED=1', '--wait', 'false']);
    expect(result.code, result.log).toBe(0);
    const outputs = outputsOf(result);
    expect(outputs).toMatchObject({ registered: 'true', 'task-definition-revision': '2', 'deployment-status': 'SKIPPED' });
    const described = await describeTaskDefinition(suite.ecs, outputs['task-definition-arn'] ?? '');
    expect(described.taskDefinition?.executionRoleArn).toBe('arn:aws:iam::123456789012:role/exec');
    const web = described.taskDefinition?.containerDefinitions?.[0];
    expect(web?.image).toBe('nginx:1.25');
    expect(web?.environment).toEqual(expect.arrayContaining([{ name: 'KEEP', value: 'yes' }, { name: 'ADDED', value: '1' }]));
    expect(web?.logConfiguration?.options).toEqual({ 'awslogs-group': 'web' });
    const service = await describeService(suite.ecs, 'default', 'web');
    expect(service?.taskDefinition).toContain('web:2');
    expect(result.log).toContain('nginx:1.24 → nginx:1.25');
  });

  test("a wait ends TIMED_OUT, naming the revision moto's only deployment runs, not a steady state on the old one", async () => {
    await seedService();
    const result = await run(['--service', 'web', '--family', 'web', '--image', 'nginx:1.25', '--wait-timeout', '4s', '--rollback', 'false']);
    expect(result.code, result.log).toBe(1);
    expect(outputsOf(result)).toMatchObject({ registered: 'true', 'task-definition-revision': '2', 'deployment-status': 'TIMED_OUT' });
    expect(result.log).toContain('error: deployment of web:2 did not finish within 4s: service web runs web:1 instead');
    expect(result.log).not.toMatch(/steady on web:2/);
  });

  test('with only service and image, the task definition the service runs is the base', async () => {
    await seedService();
    const result = await run(['--service', 'web', '--image', 'nginx:1.27', '--wait', 'false']);
    expect(result.code, result.log).toBe(0);
    expect(outputsOf(result)).toMatchObject({ registered: 'true', 'task-definition-revision': '2' });
  });

  test('an unchanged redeploy registers nothing', async () => {
    await seedService();
    const first = await run(['--service', 'web', '--family', 'web', '--image', 'nginx:1.25', '--wait', 'false']);
    expect(first.code, first.log).toBe(0);
    const second = await run(['--service', 'web', '--family', 'web', '--image', 'nginx:1.25', '--wait', 'false']);
    expect(second.code, second.log).toBe(0);
    expect(outputsOf(second)).toMatchObject({ registered: 'false', 'task-definition-revision': '2' });
    expect(await revisionsOf(suite.ecs, 'web')).toHaveLength(2);
    expect(second.log).toContain('reusing web:2');
  });

  test('port inputs on an existing family: applied to its container, host-port and protocol included, and a rerun registers nothing', async () => {
    await seedService();
    const flags = ['--family', 'web', '--image', 'nginx:1.22', '--memory', '300', '--container-port', '8080', '--host-port', '8080', '--protocol', 'udp'];
    const first = await run(flags);
    expect(first.code, first.log).toBe(0);
    expect(outputsOf(first)).toMatchObject({ registered: 'true', 'task-definition-revision': '2' });
    const described = await describeTaskDefinition(suite.ecs, outputsOf(first)['task-definition-arn'] ?? '');
    expect(described.taskDefinition?.containerDefinitions?.[0]?.portMappings).toEqual([{ containerPort: 8080, hostPort: 8080, protocol: 'udp' }]);
    const again = await run(flags);
    expect(again.code, again.log).toBe(0);
    expect(outputsOf(again)).toMatchObject({ registered: 'false', 'task-definition-revision': '2' });
    expect(await revisionsOf(suite.ecs, 'web')).toHaveLength(2);
  });

  test.each([
    ['a host port other than container-port under awsvpc', ['--network-mode', 'awsvpc', '--container-port', '8080', '--host-port', '80'], /error: host-port: under awsvpc the host port must equal container-port \(8080\)/],
    ['host-port without container-port on a container with no mapping', ['--host-port', '8080'], /error: host-port: container "web" has no port mapping to apply it to: set container-port too/],
    ['a definition over 64 KiB', ['--environment', `BIG=${'x'.repeat(70_000)}`], /error: task-definition: the rendered task definition is \d+ bytes as a RegisterTaskDefinition request, over ECS's limit of 65536 bytes/],
  ])('%s exits 2 before anything is registered', async (_name, args, message) => {
    await seedService();
    const result = await run(['--family', 'web', '--image', 'nginx:1.22', ...args]);
    expect(result.code, result.log).toBe(2);
    expect(result.log).toMatch(message);
    expect(await revisionsOf(suite.ecs, 'web')).toHaveLength(1);
  });

  test('register: always registers even when nothing changed', async () => {
    await seedService();
    const result = await run(['--service', 'web', '--family', 'web', '--register', 'always', '--wait', 'false']);
    expect(result.code, result.log).toBe(0);
    expect(outputsOf(result)).toMatchObject({ registered: 'true', 'task-definition-revision': '2' });
  });

  test('task-definition-arn deploys an existing revision as it is', async () => {
    await seedService();
    const other = await registerTaskDefinition(suite.ecs, { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.20', memory: 128 }] });
    const result = await run(['--service', 'web', '--task-definition-arn', 'web:2', '--wait', 'false']);
    expect(result.code, result.log).toBe(0);
    expect(outputsOf(result)).toMatchObject({ registered: 'false', 'task-definition-arn': other, image: 'nginx:1.20' });
    expect(await revisionsOf(suite.ecs, 'web')).toHaveLength(2);
    expect((await describeService(suite.ecs, 'default', 'web'))?.taskDefinition).toContain('web:2');
  });

  test('desired count is sent when set', async () => {
    await seedService();
    const result = await run(['--service', 'web', '--family', 'web', '--image', 'nginx:1.25', '--desired-count', '3', '--wait', 'false']);
    expect(result.code, result.log).toBe(0);
    expect((await describeService(suite.ecs, 'default', 'web'))?.desiredCount).toBe(3);
  });

  test.each([
    ['a missing service', ['--service', 'nope', '--family', 'web', '--image', 'nginx:2'], /service: "nope" was not found in cluster default/],
    ['a missing cluster', ['--cluster', 'gone', '--service', 'web', '--family', 'web', '--image', 'nginx:2'], /cluster: "gone" does not exist/],
    ['a missing container', ['--service', 'web', '--family', 'web', '--container-name', 'api', '--image', 'nginx:2'], /api/],
  ])('%s fails in preflight with exit 2 and nothing registered', async (_name, args, message) => {
    await seedService();
    const result = await run(args);
    expect(result.code, result.log).toBe(2);
    expect(result.log).toMatch(message);
    expect(await revisionsOf(suite.ecs, 'web')).toHaveLength(1);
  });

  test('a CODE_DEPLOY service with neither an AppSpec file nor a load balancer fails in preflight with nothing registered', async () => {
    await seedService('web', 'CODE_DEPLOY');
    const result = await run(['--service', 'web', '--family', 'web', '--image', 'nginx:2']);
    expect(result.code, result.log).toBe(2);
    expect(result.log).toMatch(/codedeploy-appspec: there is no appspec.yaml in the working directory, and service web names no load balancer/);
    expect(await revisionsOf(suite.ecs, 'web')).toHaveLength(1);
  });

  test('dry-run prints the rendered definition and the diff and changes nothing', async () => {
    await seedService();
    const result = await run(['--service', 'web', '--family', 'web', '--image', 'nginx:9', '--environment', 'SECRETISH=hunter2', '--dry-run']);
    expect(result.code, result.log).toBe(0);
    expect(result.log).toContain('nginx:1.24 → nginx:9');
    expect(result.log).toContain('"family": "web"');
    expect(result.log).toContain('Dry run: nothing was changed.');
    expect(result.log).toContain('SECRETISH');
    expect(result.log).not.toContain('hunter2');
    expect(await revisionsOf(suite.ecs, 'web')).toHaveLength(1);
    expect((await describeService(suite.ecs, 'default', 'web'))?.taskDefinition).toContain('web:1');
  });

  test('GitHub Actions mode reads INPUT_* variables and writes GITHUB_OUTPUT', async () => {
    await seedService();
    const dir = mkdtempSync(join(tmpdir(), 'ecs-deliver-gh-'));
    const outputFile = join(dir, 'output');
    const summaryFile = join(dir, 'summary');
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '');
    const result = await runBundle({
      env: {
        ...awsEnv(suite.moto.url),
        GITHUB_ACTIONS: 'true',
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        'INPUT_SERVICE': 'web',
        'INPUT_FAMILY': 'web',
        'INPUT_IMAGE': 'nginx:1.25',
        'INPUT_TASK-DEFINITION': '',
        'INPUT_POLL-INTERVAL': '1s',
        'INPUT_CLUSTER': 'default',
        'INPUT_WAIT': 'false',
      },
    });
    expect(result.code, result.log).toBe(0);
    const written = parseGithubOutput(readFileSync(outputFile, 'utf8'));
    expect(written).toMatchObject({ registered: 'true', 'task-definition-revision': '2', 'deployment-status': 'SKIPPED' });
    expect(result.stdout).toContain('::group::');
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary).toMatch(/\|\s*Service\s*\|.*web/);
    expect(summary).toContain('SKIPPED');
    expect(summary).toContain('nginx:1.24 → nginx:1.25');
  });

  test('GitLab mode writes the dotenv report with ECS_DELIVERED_ keys', async () => {
    await seedService();
    const dir = mkdtempSync(join(tmpdir(), 'ecs-deliver-gl-'));
    const result = await runBundle({
      cwd: dir,
      args: ['--service', 'web', '--family', 'web', '--image', 'nginx:1.25', '--wait', 'false'],
      env: { ...awsEnv(suite.moto.url), GITLAB_CI: 'true' },
    });
    expect(result.code, result.log).toBe(0);
    const dotenv = readFileSync(join(dir, 'ecs-deliver.env'), 'utf8');
    expect(dotenv).toMatch(/^ECS_DELIVERED_TASK_DEFINITION_REVISION=2$/m);
    expect(dotenv).toMatch(/^ECS_DELIVERED_REGISTERED=true$/m);
    expect(dotenv).toMatch(/^ECS_DELIVERED_DEPLOYMENT_STATUS=SKIPPED$/m);
  });

  test('ECS_DELIVER_* variables are inputs, and flags win over them', async () => {
    await seedService();
    const result = await run(['--image', 'nginx:flag', '--wait', 'false'], { ECS_DELIVER_SERVICE: 'web', ECS_DELIVER_FAMILY: 'web', ECS_DELIVER_IMAGE: 'nginx:env' });
    expect(result.code, result.log).toBe(0);
    expect(outputsOf(result)['image']).toBe('nginx:flag');
  });
});

describe('without AWS', () => {
  test('a dry run with no credentials renders and says what it could not compare', async () => {
    const result = await runBundle({
      args: ['--family', 'seed', '--container-name', 'ContainerName', '--image', 'ajitesh/springboot-web-app:latest', '--memory', '300', '--container-port', '8080', '--dry-run'],
      env: { AWS_REGION: 'us-east-1', HOME: mkdtempSync(join(tmpdir(), 'ecs-deliver-home-')) },
    });
    expect(result.code, result.log).toBe(0);
    expect(result.log).toContain('"containerPort": 8080');
    expect(result.log).toMatch(/No AWS credentials found/);
  });

  test.each([
    [['--wait-timeout', 'soon'], /wait-timeout: "soon" is not a duration/],
    [['--registry-password', 'x'], /not accepted on the command line/],
    [['--bogus', '1'], /unknown flag --bogus/],
    [['--service', 'web', '--task-definition-arn', 'web:1', '--image', 'x'], /task-definition-arn deploys an existing revision/],
  ])('bad input %j exits 2 with one clear line', async (args, message) => {
    const result = await runBundle({ args, env: { AWS_REGION: 'us-east-1' } });
    expect(result.code).toBe(2);
    expect(result.log).toMatch(message);
  });
});
