// The committed examples of aws-actions' render and deploy inputs (test/fixtures/aws-actions/examples.yml), each run
// as one ecs-deliver GitHub step: the built bundle with their with: inputs as INPUT_* variables (and our action.yml's
// defaults, as GitHub sets them), against the ECS stand-in. Every input is either taken, with the meaning it has
// there (seen in the rendered revision and the calls the stand-in received), or named in the README's migration
// table as one ecs-deliver does not take.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test, type TestContext } from 'vitest';
import * as yaml from 'yaml';
import { startEcsStandin, type EcsStandin } from '../standin/index.js';
import { parseGithubOutput } from '../support/github-output.js';
import { runBundle, type BundleRun } from '../support/run-bundle.js';

const FIXTURES = new URL('../fixtures/aws-actions/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

interface Example {
  name: string;
  source: string;
  steps: { uses: string; with: Record<string, string | number | boolean> }[];
}
const fixture = yaml.parse(read('examples.yml')) as { expressions: Record<string, string>; examples: Example[] };
const taskDefinitionFile = JSON.parse(read('task-definition.json')) as { family: string; containerDefinitions: Record<string, unknown>[] };
const actionYml = yaml.parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as { inputs: Record<string, { default?: string }> };

/** Their inputs ecs-deliver does not take, as the README's migration table names them ("not taken"). */
function notTakenInReadme(): string[] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Migrating'), readme.indexOf('### From the docker and aws commands'));
  return section
    .split('\n')
    .filter((line) => /^\| (render|deploy): /.test(line) && /\| not taken\b/.test(line))
    .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([a-z-]+)`/g)].map((match) => match[1] ?? ''));
}

/** One step's with: from the example's steps: later steps win, a render step's output file is not needed. */
function withOf(example: Example): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const step of example.steps) {
    for (const [name, raw] of Object.entries(step.with)) {
      const value = String(raw);
      if (/^\$\{\{ steps\.[\w-]+\.outputs\.task-definition \}\}$/.test(value)) continue;
      merged[name] = value.replace(/\$\{\{ ([\w.-]+) \}\}/g, (_all, expression: string) => {
        const filled = fixture.expressions[expression];
        if (filled === undefined) throw new Error(`examples.yml: no value for \${{ ${expression} }}`);
        return filled;
      });
    }
  }
  return merged;
}

/** The environment GitHub gives the step: every default of our action.yml, then the with: inputs. */
function githubEnv(withInputs: Record<string, string>, outputFile: string, standin: EcsStandin): Record<string, string> {
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    AWS_ENDPOINT_URL_ECS: standin.url,
    AWS_ENDPOINT_URL_CODEDEPLOY: standin.url,
    AWS_REGION: standin.region,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    'INPUT_VERIFY-IMAGE': 'false',
    'INPUT_POLL-INTERVAL': '1s',
  };
  for (const [name, spec] of Object.entries(actionYml.inputs)) {
    if (spec.default !== undefined && env[`INPUT_${name.toUpperCase()}`] === undefined) env[`INPUT_${name.toUpperCase()}`] = spec.default;
  }
  for (const [name, value] of Object.entries(withInputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  return env;
}

const dir = mkdtempSync(join(tmpdir(), 'aws-actions-fixture-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function standinFor(context: TestContext, controller: 'ECS' | 'CODE_DEPLOY' = 'ECS'): Promise<EcsStandin> {
  const standin = await startEcsStandin({ timing: { rolloutMs: 1200, taskLifetimeMs: 300 } });
  context.onTestFinished(() => standin.close());
  standin.seedCluster('my-cluster');
  standin.seedTaskDefinition(taskDefinitionFile);
  standin.seedService({
    cluster: 'my-cluster',
    serviceName: 'my-service',
    taskDefinition: taskDefinitionFile.family,
    desiredCount: 2,
    deploymentController: controller,
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d'], securityGroups: ['sg-0123abcd'], assignPublicIp: 'DISABLED' } },
  });
  standin.setTaskScript({ provisioningMs: 100, pendingMs: 100, runMs: 300 });
  if (controller === 'CODE_DEPLOY') {
    standin.codeDeploy.seedDeploymentGroup({
      application: 'my-codedeploy-application',
      deploymentGroup: 'my-codedeploy-deployment-group',
      cluster: 'my-cluster',
      service: 'my-service',
    });
    standin.codeDeploy.script({ eventMs: 100, trafficSteps: [100], terminationWaitMs: 0 });
  }
  return standin;
}

async function runExample(example: Example, standin: EcsStandin): Promise<{ run: BundleRun; outputs: Record<string, string> }> {
  const outputFile = join(dir, `${example.name.replace(/\W+/g, '-')}.out`);
  writeFileSync(outputFile, '');
  const run = await runBundle({ cwd: new URL('.', FIXTURES).pathname, env: githubEnv(withOf(example), outputFile, standin), timeoutMs: 40_000 });
  return { run, outputs: parseGithubOutput(readFileSync(outputFile, 'utf8')) };
}

function ignoredInputs(run: BundleRun): string[] {
  return [...run.log.matchAll(/INPUT_([A-Z0-9_-]+) is not an input and is ignored/g)].map((match) => (match[1] ?? '').toLowerCase());
}

const example = (name: string): Example => {
  const found = fixture.examples.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`examples.yml has no example "${name}"`);
  return found;
};

const inputsOf = (standin: EcsStandin, operation: string) => standin.requests.filter((call) => call.operation === operation).map((call) => call.input as Record<string, unknown>);
const registeredContainer = (standin: EcsStandin) => (inputsOf(standin, 'RegisterTaskDefinition')[0]?.['containerDefinitions'] as Record<string, unknown>[] | undefined)?.[0];

describe('aws-actions example inputs, as one ecs-deliver GitHub step', () => {
  test('every input of every example is taken, or named "not taken" in the README migration table', async (context) => {
    const notTaken = notTakenInReadme();
    for (const each of fixture.examples) {
      const standin = await standinFor(context, each.name.includes('CodeDeploy') ? 'CODE_DEPLOY' : 'ECS');
      const { run } = await runExample(each, standin);
      const ignored = ignoredInputs(run);
      const given = Object.keys(withOf(each));
      // git-sha is in render's README example but not in its action.yml: GitHub warns about it for their step too.
      expect(ignored.filter((name) => name !== 'git-sha' && !notTaken.includes(name)), `${each.name}\n${run.log}`).toEqual([]);
      expect(ignored.every((name) => given.includes(name)), run.log).toBe(true);
      expect(run.code, `${each.name}\n${run.log}`).toBe(0);
      if (each.name.includes('CodeDeploy')) {
        // Their application and group names reach CreateDeployment, with their AppSpec file naming the new revision.
        const created = inputsOf(standin, 'CodeDeploy_20141006.CreateDeployment')[0];
        expect(created, run.log).toMatchObject({ applicationName: 'my-codedeploy-application', deploymentGroupName: 'my-codedeploy-deployment-group' });
        expect(run.log).toMatch(/appspec\.json/);
      }
    }
  }, 120_000);

  test('render then deploy: the image goes into the named container, the revision is registered and the service updated and waited for', async (context) => {
    const standin = await standinFor(context);
    const { run, outputs } = await runExample(example('render then deploy (a new image by commit)'), standin);
    expect(run.code, run.log).toBe(0);
    expect(registeredContainer(standin)).toMatchObject({ name: 'my-container', image: fixture.expressions['steps.build-image.outputs.image'] });
    expect(outputs).toMatchObject({ 'task-definition-arn': expect.stringMatching(/task-definition\/my-task-definition-family:2$/), 'deployment-status': 'COMPLETED' });
    expect(inputsOf(standin, 'UpdateService')).toEqual([{ cluster: 'my-cluster', service: 'my-service', taskDefinition: outputs['task-definition-arn'] }]);
  });

  test('deploy with run-task: the revision runs as a one-off task, waited for, before the service is updated', async (context) => {
    const standin = await standinFor(context);
    const { run, outputs } = await runExample(example('deploy README, Running Tasks'), standin);
    expect(run.code, run.log).toBe(0);
    const order = standin.requests.map((call) => call.operation).filter((operation) => operation === 'RunTask' || operation === 'UpdateService');
    expect(order).toEqual(['RunTask', 'UpdateService']);
    expect(inputsOf(standin, 'RunTask')[0]).not.toHaveProperty('overrides');
    expect(outputs['run-task-arn']).toMatch(/:task\/my-cluster\//);
  });

  test('every input: each has the meaning it has in their actions', async (context) => {
    const standin = await standinFor(context);
    const { run } = await runExample(example('every input both action.yml files document that ecs-deliver takes'), standin);
    expect(run.code, run.log).toBe(0);

    // render: the rendered revision.
    const registered = inputsOf(standin, 'RegisterTaskDefinition')[0];
    expect(registered).toMatchObject({
      family: 'my-task-definition-family',
      taskRoleArn: 'arn:aws:iam::123456789012:role/my-task-role',
      executionRoleArn: 'arn:aws:iam::123456789012:role/my-task-execution-role',
    });
    expect(registeredContainer(standin)).toMatchObject({
      image: fixture.expressions['steps.build-image.outputs.image'],
      command: ['npm', 'start'],
      // Merged into the file's environment, the value with '=' kept whole.
      environment: expect.arrayContaining([{ name: 'LOG_LEVEL', value: 'debug' }, { name: 'FEATURE_URL', value: 'https://flags.example.com/?env=prod' }]),
      secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-password-AbCdEf' }],
      logConfiguration: {
        logDriver: 'awslogs',
        options: { 'awslogs-group': '/ecs/my-service', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'my-container', mode: 'non-blocking' },
      },
      dockerLabels: { team: 'payments', 'com.example.version': fixture.expressions['github.sha'] },
      environmentFiles: [
        { value: 'arn:aws:s3:::my-config-bucket/my-service/common.env', type: 's3' },
        { value: 'arn:aws:s3:::my-config-bucket/my-service/production.env', type: 's3' },
      ],
    });
    expect((registeredContainer(standin)?.['environment'] as unknown[]).length).toBe(2);

    // deploy: the one-off task.
    expect(inputsOf(standin, 'RunTask')[0]).toMatchObject({
      cluster: 'my-cluster',
      taskDefinition: expect.stringMatching(/my-task-definition-family:2$/),
      startedBy: 'my-pipeline',
      launchType: 'FARGATE',
      overrides: { containerOverrides: [{ name: 'my-container', command: ['npm', 'run', 'migrate'] }] },
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'], securityGroups: ['sg-0123abcd'], assignPublicIp: 'DISABLED' } },
      tags: [{ key: 'purpose', value: 'migration' }],
      enableECSManagedTags: true,
      volumeConfigurations: [{ name: 'data', managedEBSVolume: { roleArn: 'arn:aws:iam::123456789012:role/ecs-infrastructure', sizeInGiB: 10, terminationPolicy: { deleteOnTermination: true } } }],
    });

    // deploy: the service update.
    expect(inputsOf(standin, 'UpdateService')).toEqual([
      {
        cluster: 'my-cluster',
        service: 'my-service',
        taskDefinition: expect.stringMatching(/my-task-definition-family:2$/),
        desiredCount: 3,
        forceNewDeployment: true,
        enableECSManagedTags: true,
        propagateTags: 'SERVICE',
        volumeConfigurations: [{ name: 'data', managedEBSVolume: { roleArn: 'arn:aws:iam::123456789012:role/ecs-infrastructure', sizeInGiB: 30, volumeType: 'gp3', filesystemType: 'xfs', encrypted: true } }],
      },
    ]);
    // wait-for-minutes: 15 bounds the waits; wait-for-service-stability: the rollout is waited for.
    expect(run.log).toMatch(/; timeout 15m$/m);
    expect(ignoredInputs(run)).toEqual([]);
  });
});
