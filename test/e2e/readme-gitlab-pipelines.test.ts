// Every GitLab pipeline the README shows, and .gitlab-ci.example.yml, run as real jobs under gitlab-ci-local
// (shell executor), twice against the same AWS state, as a CI job runs on every pipeline. The pipelines are read
// from the files at test time; what the test changes, and why:
//   - `include: component:` becomes a local include of this checkout's component (gitlab-ci-local cannot fetch
//     components); its inputs stay as written;
//   - ECS is the project's stand-in (AWS_ENDPOINT_URL_ECS), in the region the pipeline names, holding what the
//     pipeline assumes: its clusters, each family's first revision and the service running it; a service a job
//     deploys with `wait-until: paused` has a PAUSE hook. STS (OIDC) and ECR are moto's (AWS_ENDPOINT_URL);
//   - an image "pushed by an earlier job" to ECR is put there first (PutImage), for the commit the pipeline runs;
//   - GitLab mints the `id_tokens:` a job declares; gitlab-ci-local does not, so the test gives each one as a
//     variable (moto takes any JWT). A pipeline without OIDC gets keys as CI/CD variables;
//   - jobs that are not the component's and do not read its outputs (the example's Maven build, its docker push)
//     are left out: each job is run by name, in pipeline order, manual ones as a user starts them.
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateRepositoryCommand, ECRClient, PutImageCommand, RepositoryAlreadyExistsException } from '@aws-sdk/client-ecr';
import { type TestContext, afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { type EcsStandin, startEcsStandin } from '../standin/index.js';
import { codeBlocks } from '../support/documented-commands.js';
import { artifactsOf, commitAll, dotenvOutputs, ecsDeliverBin, gitlabCiLocal, writePipeline, type PipelineRun } from '../support/gitlab-ci-local.js';
import { motoMissing, startMoto, type MotoServer } from '../support/moto-server.js';
import { gitlabCiLocalMissing } from '../support/test-tools.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const MAJOR = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version.split('.')[0] ?? '';
const COMPONENT = `$CI_SERVER_FQDN/ecs-deliver/ecs-deliver/deploy@${MAJOR}`;
// Shaped like a GitLab id_token; moto does not check the signature.
const ID_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwcm9qZWN0X3BhdGg6Z3JvdXAvd2ViIn0.ZG9jcy1lMmU';
const ACCOUNT = '123456789012';
const ROUNDS = 2;
type Yaml = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Pipeline {
  where: string;
  yaml: Yaml;
}

const pipelines: Pipeline[] = [
  ...codeBlocks(README)
    .filter((block) => block.language === 'yaml' && /^include:/m.test(block.text))
    .map((block, index) => ({ where: `README.md: ${block.heading} #${index + 1}`, yaml: parse(block.text) as Yaml })),
  { where: '.gitlab-ci.example.yml', yaml: parse(readFileSync(join(ROOT, '.gitlab-ci.example.yml'), 'utf8')) as Yaml },
];

/** The README's services file, at the path a pipeline's services-file names. */
function readmeServicesFile(): string {
  const block = codeBlocks(README).find((candidate) => candidate.language === 'yaml' && /^services:/m.test(candidate.text));
  if (!block) throw new Error('the README shows no services file');
  return block.text;
}

interface ComponentJob {
  name: string;
  inputs: Record<string, string>;
}

function componentJobs(pipeline: Yaml): ComponentJob[] {
  return (pipeline['include'] as Yaml[])
    .filter((entry) => entry['component'] !== undefined)
    .map((entry) => {
      const inputs = Object.fromEntries(Object.entries((entry['inputs'] ?? {}) as Yaml).map(([name, value]) => [name, String(value)]));
      return { name: inputs['job-name'] ?? 'deploy', inputs };
    });
}

function isManual(job: Yaml | undefined): boolean {
  return job?.['when'] === 'manual' || (Array.isArray(job?.['rules']) && (job['rules'] as Yaml[]).some((rule) => rule['when'] === 'manual'));
}

/** The manual jobs a reviewer starts after a paused deploy, by operation: `continue`, `rollback`. */
function manualOperations(pipeline: Yaml): Map<string, string> {
  return new Map(
    componentJobs(pipeline)
      .filter((job) => ['continue', 'rollback'].includes(job.inputs['operation'] ?? '') && isManual(pipeline[job.name] as Yaml | undefined))
      .map((job) => [job.inputs['operation'] ?? '', job.name]),
  );
}

/**
 * The jobs of one run, in pipeline order, grouped by the gitlab-ci-local call that starts them: the component's and
 * those that need one of them, each manual one started as a user starts it. Of the manual continue and rollback
 * jobs, the first run takes continue and then, once that completed, rollback on its own call (the on-demand
 * rollback of a completed deployment); the second takes rollback of the paused deployment. Either way the run ends
 * with the service back on its first revision, so that the next run's deploy moves it again.
 */
function callsOfRun(pipeline: Yaml, run: number): string[][] {
  const component = componentJobs(pipeline).map((job) => job.name);
  const readers = Object.entries(pipeline)
    .filter(([, job]) => Array.isArray(job?.['needs']) && (job['needs'] as unknown[]).some((need) => component.includes(String(need))) && job['script'] !== undefined)
    .map(([name]) => name);
  const manual = manualOperations(pipeline);
  const always = [...component, ...readers].filter((job) => ![...manual.values()].includes(job));
  const continued = manual.get('continue');
  const rollback = manual.get('rollback');
  if (!continued || !rollback) return [[...always, ...manual.values()]];
  return run % 2 === 1 ? [[...always, continued], [rollback]] : [[...always, rollback]];
}

interface Deployed {
  cluster: string;
  service: string;
  family: string;
  container: string;
  image: string;
  runTaskCommand: string | undefined;
  paused: boolean;
}

/** The services the pipeline's deploy jobs (or its services file) deliver, with the image of each, as written. */
function deployedServices(pipeline: Yaml): Deployed[] {
  const deployed: Deployed[] = [];
  for (const { inputs } of componentJobs(pipeline)) {
    if ((inputs['operation'] ?? 'deploy') !== 'deploy') continue;
    const file = inputs['services-file'] ? (parse(readmeServicesFile()) as { defaults?: Yaml; services: Yaml[] }) : undefined;
    const entries = file ? (file.services.map((entry) => ({ ...file.defaults, ...entry })) as Record<string, string>[]) : [inputs];
    for (const entry of entries) {
      const service = entry['service'] ?? '';
      deployed.push({
        cluster: entry['cluster'] ?? inputs['cluster'] ?? 'default',
        service,
        family: entry['family'] ?? service,
        container: entry['container-name'] ?? entry['family'] ?? service,
        image: entry['image'] ?? '',
        runTaskCommand: entry['run-task-command'] ?? inputs['run-task-command'],
        paused: inputs['wait-until'] === 'paused',
      });
    }
  }
  return deployed;
}

const ECR_IMAGE = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com\/([^:]+):(.+)$/;

/** What an earlier job of the pipeline did: push the image to ECR (moto), so the deploy job finds it there. */
async function pushToEcr(moto: MotoServer, image: string): Promise<void> {
  const [, registryId, region, repositoryName, imageTag] = ECR_IMAGE.exec(image) ?? [];
  if (!registryId || !region || !repositoryName || !imageTag) return;
  const ecr = new ECRClient({ endpoint: moto.url, region, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  try {
    await ecr.send(new CreateRepositoryCommand({ repositoryName }));
  } catch (error) {
    if (!(error instanceof RepositoryAlreadyExistsException)) throw error;
  }
  const imageManifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: 2, digest: `sha256:${'0'.repeat(64)}` },
    layers: [],
    annotations: { image },
  });
  await ecr.send(new PutImageCommand({ repositoryName, imageTag, imageManifest, registryId }));
}

const missing = gitlabCiLocalMissing() ?? motoMissing();

describe.skipIf(missing)('README: every GitLab pipeline runs its jobs under gitlab-ci-local, twice against the same state', () => {
  let moto: MotoServer;
  let root = '';
  let bin = '';

  beforeAll(async () => {
    moto = await startMoto();
    root = await mkdtemp(join(tmpdir(), 'ecs-deliver-readme-gitlab-'));
    bin = ecsDeliverBin(join(root, 'bin'));
  });
  afterAll(async () => {
    await moto?.stop();
    if (root !== '') await rm(root, { recursive: true, force: true });
  });

  test('the README shows GitLab pipelines, each including the component of this release', () => {
    expect(pipelines.length).toBeGreaterThanOrEqual(5);
    for (const { where, yaml } of pipelines) {
      const includes = (yaml['include'] as Yaml[]).map((entry) => entry['component'] as unknown);
      expect(includes, where).toEqual(includes.map(() => COMPONENT));
    }
  });

  /** The cluster, the family's first revision and the service running it, as the pipeline assumes them. */
  async function standinFor(pipeline: Yaml, context: TestContext): Promise<EcsStandin> {
    const regions = new Set(componentJobs(pipeline).map((job) => job.inputs['region'] ?? 'us-east-1'));
    expect(regions.size).toBe(1);
    const standin = await startEcsStandin({
      region: [...regions][0] ?? '',
      timing: { rolloutMs: 1000, taskLifetimeMs: 300, stageMs: 200, hookMs: 200, rollbackMs: 400 },
    });
    context.onTestFinished(() => standin.close());
    for (const { cluster, service, family, container, paused } of deployedServices(pipeline)) {
      standin.seedCluster(cluster);
      const first = standin.seedTaskDefinition({ family, containerDefinitions: [{ name: container, image: 'registry.example.com/before:0', memory: 256, essential: true }] });
      standin.seedService({
        cluster,
        serviceName: service,
        taskDefinition: first,
        desiredCount: 1,
        launchType: 'EC2',
        ...(paused ? { deploymentConfiguration: { strategy: 'BLUE_GREEN', lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] }] } } : {}),
      });
    }
    return standin;
  }

  /** The project: the pipeline as written (component mapped to the checkout) and the files it names. */
  async function project(pipeline: Yaml, index: number): Promise<{ dir: string; commit: string }> {
    const dir = join(root, `project-${index}`);
    await mkdir(dir, { recursive: true });
    writePipeline(dir, pipeline, COMPONENT);
    for (const { inputs } of componentJobs(pipeline)) {
      const file = inputs['services-file'];
      if (!file) continue;
      await mkdir(dirname(join(dir, file)), { recursive: true });
      await writeFile(join(dir, file), readmeServicesFile());
    }
    return { dir, commit: await commitAll(dir) };
  }

  /**
   * CI/CD variables: the AWS endpoints, and the OIDC token each job declares; a pipeline without OIDC has the
   * project's keys and, when no job names its region, AWS_REGION.
   */
  function variables(pipeline: Yaml, standin: EcsStandin): Record<string, string> {
    const tokens = Object.values(pipeline).flatMap((job) => Object.keys((job?.['id_tokens'] ?? {}) as Yaml));
    const credentials = tokens.length > 0 ? Object.fromEntries(tokens.map((name) => [name, ID_TOKEN])) : { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' };
    const region = componentJobs(pipeline).every((job) => job.inputs['region']) ? {} : { AWS_REGION: standin.region };
    return { AWS_ENDPOINT_URL: moto.url, AWS_ENDPOINT_URL_ECS: standin.url, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...credentials, ...region };
  }

  // Side by side: each pipeline has its own project and stand-in; moto's ECR holds each commit's image apart.
  test.concurrent.for(pipelines.map((pipeline, index) => [pipeline.where, pipeline, index] as const))(
    '%s: every job succeeds on each run, and the services end on the revision it deployed',
    { timeout: 300_000 },
    async ([, { yaml }, index], context) => {
      const standin = await standinFor(yaml, context);
      const { dir, commit } = await project(yaml, index);
      const services = deployedServices(yaml);
      for (const { image } of services) await pushToEcr(moto, image.replaceAll('$CI_COMMIT_SHA', commit));
      const jobs = componentJobs(yaml);

      /** Starts `ran` in one gitlab-ci-local call, and checks what each job of them published. */
      async function runJobs(ran: string[], round: number): Promise<void> {
        const manual = ran.filter((job) => isManual(yaml[job] as Yaml | undefined)).flatMap((job) => ['--manual', job]);
        const run: PipelineRun = await gitlabCiLocal(dir, ['--force-shell-executor', ...manual, ...ran], { variables: variables(yaml, standin), path: bin });
        expect(run.code, `round ${round}:\n${run.log}`).toBe(0);
        for (const job of ran) {
          const component = jobs.find((candidate) => candidate.name === job);
          if (!component) {
            // A job that reads the deploy job's outputs: they reached it.
            expect(run.log, run.log).toMatch(new RegExp(`^${job} > .*task-definition/[\\w-]+:2 \\(COMPLETED\\)`, 'm'));
            continue;
          }
          const outputs = dotenvOutputs(await readFile(join(artifactsOf(dir, job), '.gitlab-ci-reports', 'dotenv', 'ecs-deliver.env'), 'utf8'));
          const operation = component.inputs['operation'] ?? 'deploy';
          const expected = operation === 'continue' ? 'COMPLETED' : operation === 'rollback' ? 'ROLLED_BACK' : component.inputs['wait-until'] === 'paused' ? 'PAUSED' : 'COMPLETED';
          expect(outputs['deployment-status'], `round ${round}, job ${job}:\n${run.log}`).toBe(expected);
          if (operation === 'deploy') {
            // The first run registers each family's revision 2; the same commit again reuses it.
            expect(outputs['registered'], run.log).toBe(round === 1 ? 'true' : 'false');
            const results = JSON.parse(await readFile(join(artifactsOf(dir, job), 'ecs-deliver-results.json'), 'utf8')) as Yaml[];
            expect(results.map((result) => result['deployment-status'])).toEqual(results.map(() => expected));
          }
        }
      }

      for (let round = 1; round <= ROUNDS; round++) {
        const calls = callsOfRun(yaml, round);
        for (const ran of calls) await runJobs(ran, round);
        // Where each service stands once the jobs of the round ran: on revision 2, or back on 1 after a rollback job.
        const rolledBack = jobs.some((job) => job.inputs['operation'] === 'rollback' && calls.flat().includes(job.name));
        for (const { cluster, service, family } of services) {
          const revision = `arn:aws:ecs:${standin.region}:${ACCOUNT}:task-definition/${family}:${rolledBack ? 1 : 2}`;
          expect(standin.service(service, cluster)['taskDefinition'], `round ${round}: ${cluster}/${service}`).toBe(revision);
          expect(standin.taskDefinitions(family).length).toBe(2);
        }
        // Each run's migration ran once more, as one task of the revision, with the documented command.
        const migrations = services.filter((entry) => entry.runTaskCommand !== undefined);
        const tasks = standin.oneOffTasks();
        expect(tasks.length).toBe(round * migrations.length);
        for (const { family, runTaskCommand } of migrations) {
          const task = tasks.filter((candidate) => String(candidate['taskDefinitionArn']).endsWith(`/${family}:2`)).at(-1);
          expect(JSON.stringify(task?.['overrides']), family).toContain(JSON.stringify((runTaskCommand ?? '').split(' ')));
        }
      }
    },
  );
});
