// The GitLab component as gitlab-ci-local sees it: the spec of templates/deploy.yml takes the inputs a consumer
// writes (typed booleans bare, the rest quoted) and refuses the bare ones GitLab refuses; the job runs
// the bundle against the ECS stand-in and its dotenv report reaches a later job. gitlab-ci-local cannot fetch
// `include: component:`; a local include with `inputs:` goes through the same spec.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { awsEnv } from '../support/moto-ecs.js';
import { startEcsStandin, type EcsStandin } from '../standin/index.js';
import { artifactsOf, commitAll, ecsDeliverBin, gitlabCiLocal, writePipeline } from '../support/gitlab-ci-local.js';
import { gitlabCiLocalMissing } from '../support/test-tools.js';

const skip = gitlabCiLocalMissing();
type Yaml = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.skipIf(skip)('the GitLab component under gitlab-ci-local', () => {
  let root = '';
  let bin = '';
  let count = 0;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'ecs-deliver-gitlab-'));
    // The job image has ecs-deliver on PATH; the shell executor gets this one.
    bin = ecsDeliverBin(join(root, 'bin'));
  });
  afterAll(() => {
    if (root !== '') rmSync(root, { recursive: true, force: true });
  });

  /** A project whose .gitlab-ci.yml includes the component with `inputs`, plus any jobs of its own. */
  function project(inputs: Yaml, jobs: Yaml = {}): string {
    const dir = join(root, `project-${++count}`);
    writePipeline(dir, { include: [{ local: 'templates/deploy.yml', inputs }], ...jobs });
    return dir;
  }

  /** The deploy job's variables, as `gitlab-ci-local --preview` renders the pipeline. */
  async function previewVariables(inputs: Yaml): Promise<Record<string, unknown>> {
    const dir = project(inputs);
    await commitAll(dir);
    const run = await gitlabCiLocal(dir, ['--preview']);
    expect(run.code, run.log).toBe(0);
    const pipeline = parse(run.log.slice(run.log.indexOf('\n---\n') + 1)) as Yaml;
    return pipeline['deploy']?.['variables'] as Record<string, unknown>;
  }

  test('typed inputs are written bare, the others quoted, and every job variable is a string', async () => {
    const variables = await previewVariables({
      family: 'web',
      image: 'nginx:1.27',
      memory: '300',
      'desired-count': '2',
      'verify-image': 'false',
      push: 'false',
      'task-cpu': '256',
      'host-port': '8080',
      wait: false,
      'dry-run': true,
      rollback: false,
    });
    expect(variables).toMatchObject({
      ECS_DELIVER_HOST: 'gitlab',
      ECS_DELIVER_MEMORY: '300',
      ECS_DELIVER_DESIRED_COUNT: '2',
      ECS_DELIVER_VERIFY_IMAGE: 'false',
      ECS_DELIVER_PUSH: 'false',
      ECS_DELIVER_TASK_CPU: '256',
      ECS_DELIVER_HOST_PORT: '8080',
      ECS_DELIVER_WAIT: 'false',
      ECS_DELIVER_DRY_RUN: 'true',
      ECS_DELIVER_ROLLBACK: 'false',
    });
    expect(Object.values(variables).filter((value) => typeof value !== 'string')).toEqual([]);
  }, 120_000);

  test('inputs left out take their defaults, typed ones as their text', async () => {
    const variables = await previewVariables({ family: 'web', image: 'nginx:1.27' });
    expect(variables).toMatchObject({
      ECS_DELIVER_HOST_PORT: '',
      ECS_DELIVER_PROTOCOL: '',
      ECS_DELIVER_WAIT: 'true',
      ECS_DELIVER_ROLLBACK: 'true',
      ECS_DELIVER_DRY_RUN: 'false',
      ECS_DELIVER_MEMORY: '',
      ECS_DELIVER_PUSH: '',
      ECS_DELIVER_VERIFY_IMAGE: 'auto',
      ECS_DELIVER_CLUSTER: 'default',
    });
  }, 120_000);

  test.each([
    ['memory', 300, 'string'],
    ['desired-count', 2, 'string'],
    ['verify-image', false, 'string'],
    ['push', true, 'string'],
    ['wait', 'maybe', 'boolean'],
  ])('%s: %j is refused as GitLab refuses it: provided value is not a %s', async (name, value, type) => {
    const dir = project({ family: 'web', image: 'nginx:1.27', [name]: value });
    await commitAll(dir);
    const run = await gitlabCiLocal(dir, ['--preview']);
    expect(run.code).not.toBe(0);
    expect(run.log).toContain(`\`${name}\` input: provided value is not a ${type}.`);
  }, 120_000);

  // moto cannot complete a rollout (its deployment never moves to the new revision): ECS is the stand-in.
  describe('the job', () => {
    let standin: EcsStandin;

    beforeAll(async () => {
      standin = await startEcsStandin({ timing: { rolloutMs: 1000 } });
    });
    afterAll(async () => standin?.close());
    beforeEach(() => standin.reset());

    test('deploys with typed and quoted inputs, and its dotenv report reaches a later job', async () => {
      standin.seedCluster('default');
      const base = standin.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.24', memory: 256 }] });
      standin.seedService({ serviceName: 'web', taskDefinition: base, desiredCount: 1 });
      const dir = project(
        {
          family: 'web',
          image: 'nginx:1.27',
          memory: '300',
          'desired-count': '2',
          'verify-image': 'false',
          service: 'web',
          'poll-interval': '1s',
          'wait-timeout': '30s',
          'force-new-deployment': false,
        },
        { announce: { stage: '.post', needs: ['deploy'], script: ['echo "announce: $ECS_DELIVERED_TASK_DEFINITION_ARN is $ECS_DELIVERED_DEPLOYMENT_STATUS"'] } },
      );
      await commitAll(dir);
      const run = await gitlabCiLocal(dir, ['--force-shell-executor'], { variables: { ...awsEnv(standin.url), AWS_ENDPOINT_URL_ECS: standin.url }, path: bin });
      expect(run.code, run.log).toBe(0);

      const report = readFileSync(join(artifactsOf(dir, 'deploy'), '.gitlab-ci-reports', 'dotenv', 'ecs-deliver.env'), 'utf8');
      const arn = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2';
      expect(report).toContain(`ECS_DELIVERED_TASK_DEFINITION_ARN=${arn}\n`);
      expect(report).toContain('ECS_DELIVERED_DEPLOYMENT_STATUS=COMPLETED\n');
      expect(run.log).toContain(`announce: ${arn} is COMPLETED`);
      // The artifact the component declares exists for a single service too: its one result.
      const results = JSON.parse(readFileSync(join(artifactsOf(dir, 'deploy'), 'ecs-deliver-results.json'), 'utf8')) as unknown;
      expect(results).toEqual([expect.objectContaining({ service: 'web', cluster: 'default', 'task-definition-arn': arn, 'deployment-status': 'COMPLETED' })]);

      const registered = standin.taskDefinitions('web').at(-1);
      expect((registered?.['containerDefinitions'] as Yaml[] | undefined)?.[0]).toMatchObject({ image: 'nginx:1.27', memory: 300 });
      expect(standin.service('web')).toMatchObject({ desiredCount: 2, taskDefinition: arn });
    }, 180_000);
  });
});
