// npm run demo: four scenes of the built bundle against a local ECS stand-in, with the bundle's own live output. A
// deploy rolls out healthy; in the next the new tasks run out of memory, the circuit breaker fails the deployment
// and ECS rolls it back; a migration runs as a one-off task before a rollout, then one fails (demo-migration.ts);
// a blue/green service goes stage by stage (demo-blue-green.ts). No AWS account, nothing beyond `npm ci`. Exits 0
// when all ended as they should.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type EcsStandin, startEcsStandin } from '../test/standin/index.js';
import { migrationScene } from './demo-migration.js';
import { blueGreenScene } from './demo-blue-green.js';

const CLUSTER = 'demo';
const SERVICE = 'web';
/** Slow enough to watch the counts climb, quick enough for a demo. */
const TIMING = { rolloutMs: 6000, taskLifetimeMs: 1500, retryDelayMs: 500, rollbackMs: 4000 };
const RUN_LIMIT_MS = 120_000;

interface Step {
  explanation: string;
  image: string;
  expectedExit: number;
  /** What the service should run once the step is over, as family:revision. */
  expectedRevision: string;
}

const STEPS: readonly Step[] = [
  {
    explanation:
      'A healthy deploy: ecs-deliver registers web:2 with nginx:1.27, updates the service and follows the rollout ' +
      'until ECS says it completed.',
    image: 'nginx:1.27',
    expectedExit: 0,
    expectedRevision: 'web:2',
  },
  {
    explanation:
      "A failing deploy: web:3's tasks run out of memory, the circuit breaker fails the deployment and ECS rolls " +
      'back to web:2; ecs-deliver stops at once and says why.',
    image: 'nginx:1.28',
    expectedExit: 1,
    expectedRevision: 'web:2',
  },
];

/** The repository root: the nearest directory up from this script (or the working directory) with our package.json. */
function findRoot(): string {
  for (const start of [dirname(resolve(process.argv[1] ?? '.')), process.cwd()]) {
    for (let dir = start; ; dir = dirname(dir)) {
      const manifest = join(dir, 'package.json');
      if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'ecs-deliver') return dir;
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error('cannot find the ecs-deliver repository; run the demo with npm run demo from it');
}

/** This environment without anything that could point the bundle at a real account, a CI host or other inputs. */
function demoEnv(standin: EcsStandin): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(AWS_|ECS_DELIVER|INPUT_|GITHUB_|GITLAB_CI|CI_)/.test(key)) env[key] = value;
  }
  return {
    ...env,
    AWS_ENDPOINT_URL_ECS: standin.url,
    AWS_REGION: standin.region,
    // Any key does for the stand-in. The bundle masks the secret key wherever it appears, so it must not be a
    // word the demo prints (the cluster is named demo).
    AWS_ACCESS_KEY_ID: 'demo',
    AWS_SECRET_ACCESS_KEY: 'stand-in-secret-key',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

/** Runs the bundle with this terminal as its own, so its progress shows as it happens; answers its exit code. */
function runBundle(bundle: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [bundle, ...args], { stdio: 'inherit', env });
    const timer = setTimeout(() => child.kill('SIGTERM'), RUN_LIMIT_MS);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolvePromise(code ?? (signal === 'SIGINT' ? 130 : 143));
    });
  });
}

function runningRevision(standin: EcsStandin): string {
  const taskDefinition = String(standin.service(SERVICE, CLUSTER)['taskDefinition'] ?? '?');
  return taskDefinition.slice(taskDefinition.lastIndexOf('/') + 1);
}

async function main(): Promise<number> {
  const root = findRoot();
  const bundle = join(root, 'dist', 'index.js');
  if (!existsSync(bundle)) {
    console.error(`${bundle} not found: run npm run bundle first.`);
    return 2;
  }
  // The terminal's Ctrl-C reaches the bundle too; it stops by itself, and the demo reports how it ended.
  let interrupted = false;
  process.on('SIGINT', () => (interrupted = true));

  const standin = await startEcsStandin({ timing: TIMING });
  try {
    standin.seedCluster(CLUSTER);
    standin.seedTaskDefinition({
      family: 'web',
      containerDefinitions: [{ name: 'web', image: 'nginx:1.26', memory: 256, essential: true }],
    });
    standin.seedService({
      cluster: CLUSTER,
      serviceName: SERVICE,
      taskDefinition: 'web:1',
      desiredCount: 3,
      circuitBreaker: { enable: true, rollback: true },
    });
    console.log(`ecs-deliver demo against a local ECS stand-in at ${standin.url}: no AWS account, nothing leaves this machine.`);
    console.log(`Cluster ${CLUSTER}, service ${SERVICE}: 3 tasks of web:1 (nginx:1.26), circuit breaker on with rollback.`);

    const env = demoEnv(standin);
    const problems: string[] = [];
    for (const [index, step] of STEPS.entries()) {
      if (step.expectedExit !== 0) standin.setScenario(SERVICE, { name: 'circuit-breaker', failure: 'oom' }, { cluster: CLUSTER });
      const args = [
        ...['--cluster', CLUSTER, '--service', SERVICE, '--family', 'web', '--image', step.image],
        // Nothing is pushed, and the image is not looked up in any registry: the demo stays on this machine.
        ...['--verify-image', 'false', '--poll-interval', '1s', '--wait-timeout', '2m'],
      ];
      console.log('');
      console.log(`[${index + 1}/${STEPS.length}] ${step.explanation}`);
      console.log(`$ ecs-deliver ${args.join(' ')}`);
      const code = await runBundle(bundle, args, env);
      if (interrupted) {
        console.log('Demo interrupted.');
        return 130;
      }
      const revision = runningRevision(standin);
      console.log(
        `→ exit code ${code} (expected ${step.expectedExit}); ${SERVICE} runs ${revision} (expected ${step.expectedRevision}).`,
      );
      if (code !== step.expectedExit) problems.push(`step ${index + 1} exited ${code}, not ${step.expectedExit}`);
      if (revision !== step.expectedRevision) {
        problems.push(`after step ${index + 1} ${SERVICE} runs ${revision}, not ${step.expectedRevision}`);
      }
    }
    problems.push(...(await migrationScene({ standin, cluster: CLUSTER, bundle, env, runBundle, interrupted: () => interrupted })));
    problems.push(...(await blueGreenScene({ run: (args, sceneEnv) => runBundle(bundle, args, sceneEnv), envFor: demoEnv, interrupted: () => interrupted })));
    if (interrupted) return 130;
    console.log('');
    if (problems.length > 0) {
      console.log(`Demo did not go as expected: ${problems.join('; ')}.`);
      return 1;
    }
    console.log(
      'Demo done: the healthy deploy completed (exit 0); the failing one was rolled back by ECS and reported with ' +
        'its reasons (exit 1); the migration ran before its rollout (exit 0) and the failing one left the service as ' +
        'it was (exit 1); the blue/green one was followed stage by stage to its end (exit 0).',
    );
    return 0;
  } finally {
    await standin.close();
  }
}

// A plain call rather than top-level await, so the file bundles with ncc like the other scripts.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
