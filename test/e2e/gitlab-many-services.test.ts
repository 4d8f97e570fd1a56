// The GitLab component taking services-file under gitlab-ci-local: the job deploys every service of the file to the
// ECS stand-in, its dotenv report holds only the summary outputs, and the full results are the job's artifact.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { awsEnv } from '../support/moto-ecs.js';
import { startEcsStandin, type EcsStandin } from '../standin/index.js';
import { artifactsOf, commitAll, ecsDeliverBin, gitlabCiLocal, writePipeline } from '../support/gitlab-ci-local.js';
import { gitlabCiLocalMissing } from '../support/test-tools.js';

const skip = gitlabCiLocalMissing();

const SERVICES_FILE = `
defaults:
  cluster: prod
  verify-image: false
services:
  - service: web
    family: web
    image: example/web:2
  - service: api
    family: api
    image: example/api:2
`;

describe.skipIf(skip)('the GitLab component with services-file', () => {
  let root = '';
  let standin: EcsStandin;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'ecs-deliver-gitlab-many-'));
    standin = await startEcsStandin({ timing: { rolloutMs: 1000 } });
  });
  afterAll(async () => {
    await standin?.close();
    if (root !== '') rmSync(root, { recursive: true, force: true });
  });

  test('deploys every service of the file; the dotenv report stays small and the results are an artifact', async () => {
    for (const service of ['web', 'api']) {
      standin.seedCluster('prod');
      standin.seedTaskDefinition({ family: service, containerDefinitions: [{ name: service, image: `example/${service}:1`, memory: 256 }] });
      standin.seedService({ cluster: 'prod', serviceName: service, taskDefinition: `${service}:1`, desiredCount: 1 });
    }
    const bin = ecsDeliverBin(join(root, 'bin'));
    const dir = join(root, 'project');
    mkdirSync(join(dir, 'deploy'), { recursive: true });
    writeFileSync(join(dir, 'deploy', 'services.yml'), SERVICES_FILE);
    writePipeline(dir, {
      include: [{ local: 'templates/deploy.yml', inputs: { 'services-file': 'deploy/services.yml', 'poll-interval': '1s', 'max-parallel-builds': 1, 'on-failure': 'rollback-all' } }],
      announce: { stage: '.post', needs: ['deploy'], script: ['echo "announce: $ECS_DELIVERED_DEPLOYMENT_STATUS for $ECS_DELIVERED_TASK_DEFINITION_REVISION"'] },
    });
    await commitAll(dir);

    const result = await gitlabCiLocal(dir, ['--force-shell-executor'], { variables: { ...awsEnv(standin.url), AWS_ENDPOINT_URL_ECS: standin.url }, path: bin });

    expect(result.code, result.log).toBe(0);
    expect(result.log).toContain('announce: COMPLETED for 2,2');
    const artifacts = artifactsOf(dir, 'deploy');
    const report = readFileSync(join(artifacts, '.gitlab-ci-reports', 'dotenv', 'ecs-deliver.env'), 'utf8');
    expect(report).toContain('ECS_DELIVERED_DEPLOYMENT_STATUS=COMPLETED\n');
    expect(report).not.toContain('RESULTS');
    const resultsFile = join(artifacts, 'ecs-deliver-results.json');
    expect(existsSync(resultsFile), result.log).toBe(true);
    const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as { service: string; 'deployment-status': string }[];
    expect(results.map((entry) => [entry.service, entry['deployment-status']])).toEqual([
      ['web', 'COMPLETED'],
      ['api', 'COMPLETED'],
    ]);
    for (const service of ['web', 'api']) {
      expect(standin.service(service, 'prod')['taskDefinition']).toBe(`arn:aws:ecs:us-east-1:123456789012:task-definition/${service}:2`);
    }
  }, 180_000);
});
