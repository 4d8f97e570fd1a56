// The built bundle against moto: bad inputs end with exit 2 and one line naming the input, and nothing in ECS
// changes (no revision registered, the service as it was).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ECSClient } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { motoMissing, startMoto, type MotoServer } from '../support/moto-server.js';
import { awsEnv, createCluster, createService, describeService, ecsClient, registerTaskDefinition, revisionsOf } from '../support/moto-ecs.js';
import { bundleNodeVersion, runBundle } from '../support/run-bundle.js';

const skip = motoMissing();

describe.skipIf(skip)('bad inputs against moto change nothing', () => {
  let moto: MotoServer;
  let ecs: ECSClient;
  let seeded = '';
  const dir = mkdtempSync(join(tmpdir(), 'bad-inputs-e2e-'));

  beforeAll(async () => {
    moto = await startMoto({ MOTO_ECS_SERVICE_RUNNING: '1' });
    ecs = ecsClient(moto.url);
    writeFileSync(join(dir, 'broken.json'), '{"family": "web", "cpu": "256",, "containerDefinitions": []}');
    writeFileSync(join(dir, 'bomb.yml'), aliasBomb());
    writeFileSync(join(dir, 'twice.json'), JSON.stringify({ services: [{ service: 'web', family: 'web', image: 'nginx:1.25' }] }).replace('"image"', '"image":"nginx:1.26","image"'));
    writeFileSync(join(dir, 'no-service.yml'), 'services:\n  - service:\n    family: web\n    image: nginx:1.25\n');
    writeFileSync(join(dir, 'lots.json'), JSON.stringify({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.25', memory: 'lots' }] }));
    writeFileSync(
      join(dir, 'fargate.json'),
      JSON.stringify({ family: 'web', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '4096', containerDefinitions: [{ name: 'web', image: 'nginx:1.25' }] }),
    );
  });
  afterAll(async () => {
    await moto?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await moto.reset();
    await createCluster(ecs, 'default');
    seeded = await registerTaskDefinition(ecs, { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.24', memory: 256 }] });
    await createService(ecs, { cluster: 'default', serviceName: 'web', taskDefinition: seeded, desiredCount: 1 });
  });

  const service = ['--service', 'web', '--family', 'web'];

  test.each([
    ['an empty image from an unset variable', [...service, '--image', ''], {}, /^error: image: given but empty/m],
    ['desired-count past int32', [...service, '--image', 'nginx:1.25', '--desired-count', '2147483648'], {}, /^error: desired-count: "2147483648" is not a whole number from 0 to 2147483647/m],
    ['a bare-number wait-timeout', [...service, '--image', 'nginx:1.25', '--wait-timeout', '30'], {}, /^error: wait-timeout: "30" has no unit; write 30s or 30m\.$/m],
    ['a bare-number ECS_DELIVER_POLL_INTERVAL', [...service, '--image', 'nginx:1.25'], { ECS_DELIVER_POLL_INTERVAL: '5' }, /^error: poll-interval: "5" has no unit/m],
    ['a family with a colon', ['--service', 'web', '--family', 'web:1', '--image', 'nginx:1.25'], {}, /^error: family: "web:1" is not a task definition family/m],
    ['a secret without a source', [...service, '--image', 'nginx:1.25', '--secrets', 'DB_PASSWORD='], {}, /^error: secrets: DB_PASSWORD has an empty valueFrom/m],
    ['a malformed role ARN', [...service, '--image', 'nginx:1.25', '--execution-role-arn', 'arn:aws:iam::1:role/x'], {}, /^error: execution-role-arn: /m],
    ['an aws: tag', [...service, '--image', 'nginx:1.25', '--tags', 'AWS:team=a'], {}, /^error: tags: the tag key "AWS:team" starts with "aws:"/m],
    ['a Fargate size Fargate does not run', [...service, '--image', 'nginx:1.25', '--requires-compatibilities', 'FARGATE', '--task-cpu', '256', '--task-memory', '4 GB'], {}, /^error: task-memory: Fargate runs 256 CPU units .* src\/taskdef\/fargate-sizes\.ts/m],
    ['an unknown launch type', [...service, '--image', 'nginx:1.25', '--requires-compatibilities', 'FARGATE_SPOT'], {}, /^error: requires-compatibilities: "FARGATE_SPOT" is not a launch type/m],
    ['invalid JSON in the file', ['--service', 'web', '--task-definition', join(dir, 'broken.json'), '--image', 'nginx:1.25'], {}, /^error: task-definition: .*broken\.json: invalid JSON at line 1, column \d+/m],
    ['a memory of "lots" in the file', ['--service', 'web', '--task-definition', join(dir, 'lots.json')], {}, /^error: task-definition: .*lots\.json: containerDefinitions\[0\]\.memory must be a whole number, found a string$/m],
    ['on-failure rollback-all without services-file', [...service, '--image', 'nginx:1.25', '--on-failure', 'rollback-all'], {}, /^error: on-failure: rollback-all applies to the services of services-file; set services-file, or remove on-failure/m],
    ['max-parallel without services-file', [...service, '--image', 'nginx:1.25'], { ECS_DELIVER_MAX_PARALLEL: '3' }, /^error: max-parallel applies to the services of services-file/m],
    ['a misspelled flag', [...service, '--image', 'nginx:1.25', '--desired-cont', '2'], {}, /^error: unknown flag --desired-cont; did you mean --desired-count\?/m],
    ['an EBS volume name without its configuration', [...service, '--image', 'nginx:1.25', '--service-managed-ebs-volume-name', 'data'], {}, /^error: service-managed-ebs-volume-name and service-managed-ebs-volume go together: service-managed-ebs-volume-name is set but service-managed-ebs-volume is not/m],
    ['an EBS configuration that is not JSON', [...service, '--image', 'nginx:1.25', '--service-managed-ebs-volume-name', 'data', '--service-managed-ebs-volume', 'size=20'], {}, /^error: service-managed-ebs-volume: is not JSON/m],
    ['an EBS configuration without roleArn', [...service, '--image', 'nginx:1.25', '--service-managed-ebs-volume-name', 'data', '--service-managed-ebs-volume', '{"sizeInGiB":20}'], {}, /^error: service-managed-ebs-volume: needs "roleArn"/m],
    ['a one-off task EBS configuration without its name', [...service, '--image', 'nginx:1.25', '--run-task-command', 'migrate', '--run-task-managed-ebs-volume', '{"roleArn":"arn:aws:iam::123456789012:role/ebs"}'], {}, /^error: run-task-managed-ebs-volume-name and run-task-managed-ebs-volume go together/m],
    ['run-task-propagate-tags SERVICE', [...service, '--image', 'nginx:1.25', '--run-task-command', 'migrate', '--run-task-propagate-tags', 'SERVICE'], {}, /^error: run-task-propagate-tags: "SERVICE" is not TASK_DEFINITION or NONE/m],
    ['an env file that does not end in .env', [...service, '--image', 'nginx:1.25', '--env-files', 'arn:aws:s3:::config-bucket/prod.txt'], {}, /^error: env-files: "arn:aws:s3:::config-bucket\/prod.txt" does not end in .env/m],
    ['an env file that is no S3 ARN', [...service, '--image', 'nginx:1.25', '--env-files', 's3://config-bucket/prod.env'], {}, /^error: env-files: "s3:\/\/config-bucket\/prod.env" is not an S3 object ARN/m],
    ['a log driver ECS does not take', [...service, '--image', 'nginx:1.25', '--log-configuration-log-driver', 'loki'], {}, /^error: log-configuration-log-driver: "loki" is not a log driver ECS takes/m],
    ['log options for a container without a log driver', [...service, '--image', 'nginx:1.25', '--log-configuration-options', 'awslogs-group=/ecs/web'], {}, /^error: log-configuration-options: container "web" has no log driver/m],
    ['an EBS volume for a volume the task definition lacks', [...service, '--image', 'nginx:1.25', '--service-managed-ebs-volume-name', 'data', '--service-managed-ebs-volume', '{"roleArn":"arn:aws:iam::123456789012:role/ebs"}'], {}, /^error: service-managed-ebs-volume-name: the task definition has no volume "data"/m],
    ['a poll-interval of 600h', [...service, '--image', 'nginx:1.25', '--poll-interval', '600h', '--wait-timeout', '500h'], {}, /^error: poll-interval: must be at most 5m/m],
    ['a wait-timeout past what a timer holds', [...service, '--image', 'nginx:1.25', '--wait-timeout', '1000h'], {}, /^error: wait-timeout: 1000h is longer than a run can wait/m],
    ['a docker label given twice', [...service, '--image', 'nginx:1.25', '--docker-labels', 'team=a\nteam=b'], {}, /^error: docker-labels, line 2: sets "team" a second time/m],
    ['an EBS volumeType "floppy"', [...service, '--image', 'nginx:1.25', '--service-managed-ebs-volume-name', 'data', '--service-managed-ebs-volume', '{"roleArn":"arn:aws:iam::123456789012:role/ebs","volumeType":"floppy"}'], {}, /^error: service-managed-ebs-volume: volumeType "floppy" is not one ECS creates/m],
    ['an EBS sizeInGiB of 99999999', [...service, '--image', 'nginx:1.25', '--service-managed-ebs-volume-name', 'data', '--service-managed-ebs-volume', '{"roleArn":"arn:aws:iam::123456789012:role/ebs","sizeInGiB":99999999}'], {}, /^error: service-managed-ebs-volume: sizeInGiB 99999999 is outside/m],
    ['an EBS key "constructor"', [...service, '--image', 'nginx:1.25', '--service-managed-ebs-volume-name', 'data', '--service-managed-ebs-volume', '{"roleArn":"arn:aws:iam::123456789012:role/ebs","constructor":1}'], {}, /^error: service-managed-ebs-volume: unknown field constructor/m],
    ['RunTask overrides past 8192 characters', [...service, '--image', 'nginx:1.25', '--run-task-command', `echo ${'x'.repeat(8200)}`], {}, /^error: run-task-command: makes RunTask overrides of \d+ characters, above the 8192/m],
    ['a services-file with an alias bomb', ['--services-file', join(dir, 'bomb.yml')], {}, /^error: services-file: .*bomb\.yml expands YAML aliases too often/m],
    ['a services-file with a key twice in JSON', ['--services-file', join(dir, 'twice.json')], {}, /^error: services-file: .*twice\.json gives "image" twice in one object/m],
    ['a services-file entry with service: left empty', ['--services-file', join(dir, 'no-service.yml')], {}, /^error: services-file .*no-service\.yml, entry 1: service is empty/m],
    ['propagate-tags without a service', ['--family', 'web', '--image', 'nginx:1.25', '--propagate-tags', 'SERVICE'], {}, /^error: propagate-tags changes the service, so propagate-tags needs service/m],
  ])('%s: exit 2, the input named, nothing registered or updated', async (_name, args, env, message) => {
    const result = await runBundle({ args, env: { ...awsEnv(moto.url), ...env } });
    expect(result.code, result.log).toBe(2);
    expect(result.log).toMatch(message);
    expect(await revisionsOf(ecs, 'web')).toEqual([seeded]);
    const after = await describeService(ecs, 'default', 'web');
    expect(after?.taskDefinition).toBe(seeded);
    expect(after?.desiredCount).toBe(1);
  });

  test('a GitHub step takes ECS_DELIVER_REGISTRY_PASSWORD, masked, as the error for a missing password suggests', async () => {
    const outputs = join(dir, 'github-output');
    writeFileSync(outputs, '');
    const result = await runBundle({
      env: {
        ...awsEnv(moto.url),
        GITHUB_ACTIONS: 'true',
        GITHUB_OUTPUT: outputs,
        INPUT_SERVICE: 'web',
        INPUT_FAMILY: 'web',
        INPUT_IMAGE: 'registry.example.com/web:1.25',
        'INPUT_VERIFY-IMAGE': 'false',
        'INPUT_DRY-RUN': 'true',
        'INPUT_REGISTRY-USERNAME': 'deploy',
        'INPUT_REGISTRY-PASSWORD': '',
        ECS_DELIVER_REGISTRY_PASSWORD: 'pw-from-the-environment',
      },
    });
    expect(result.code, result.log).toBe(0);
    expect(result.stdout).toContain('::add-mask::pw-from-the-environment');
    expect(result.log.replaceAll('::add-mask::pw-from-the-environment', '')).not.toContain('pw-from-the-environment');
  });

  test('a GitHub step whose image is only blanks is refused, not read as "redeploy the current revision"', async () => {
    const result = await runBundle({
      env: { ...awsEnv(moto.url), GITHUB_ACTIONS: 'true', INPUT_SERVICE: 'web', INPUT_FAMILY: 'web', INPUT_IMAGE: '   ' },
    });
    expect(result.code, result.log).toBe(2);
    expect(result.log).toMatch(/^::error::image: given but empty/m);
    expect(await revisionsOf(ecs, 'web')).toEqual([seeded]);
    expect((await describeService(ecs, 'default', 'web'))?.taskDefinition).toBe(seeded);
  });

  test('ECS_DELIVER_HOST=gitlab writes the dotenv report where gitlab-ci-local sets GITLAB_CI=false', async () => {
    const cwd = mkdtempSync(join(dir, 'gitlab-'));
    const result = await runBundle({
      cwd,
      args: [...service, '--image', 'nginx:1.25', '--dry-run'],
      env: { ...awsEnv(moto.url), GITLAB_CI: 'false', ECS_DELIVER_HOST: 'gitlab' },
    });
    expect(result.code, result.log).toBe(0);
    expect(readFileSync(join(cwd, 'ecs-deliver.env'), 'utf8')).toMatch(/^ECS_DELIVERED_/m);
  });

  test('an ECS_DELIVER_HOST that is no host ends with exit 2 naming the choices', async () => {
    const result = await runBundle({ args: [...service, '--image', 'nginx:1.25'], env: { ...awsEnv(moto.url), ECS_DELIVER_HOST: 'jenkins' } });
    expect(result.code).toBe(2);
    expect(result.log).toMatch(/^error: ECS_DELIVER_HOST: "jenkins" is not one of github, gitlab, shell/m);
  });

  test('the SDK notice about the Node version is one line at most', async () => {
    const result = await runBundle({
      args: [...service, '--image', 'nginx:1.25', '--dry-run'],
      env: { ...awsEnv(moto.url), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'false' },
    });
    expect(result.code, result.log).toBe(0);
    expect(result.stderr).not.toContain('NodeVersionSupportWarning');
    const notices = result.stderr.split('\n').filter((line) => /AWS SDK support/.test(line));
    const version = bundleNodeVersion();
    const major = Number(version.split('.')[0]);
    expect(notices).toEqual(major < 22 ? [`warning: Node ${version} is past AWS SDK support; run ecs-deliver on Node 22 or later.`] : []);
    expect(result.log).not.toMatch(/AWS SDK support/);
  });
});

/** Nine levels of ten aliases each: a billion values once expanded. */
function aliasBomb(): string {
  const lines = ['x0: &a0 [web, web, web, web, web, web, web, web, web, web]'];
  for (let level = 1; level < 9; level++) lines.push(`x${level}: &a${level} [${Array.from({ length: 10 }, () => `*a${level - 1}`).join(', ')}]`);
  return `defaults:\n  environment:\n${lines.map((line) => `    ${line}`).join('\n')}\nservices:\n  - service: web\n`;
}
