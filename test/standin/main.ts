// Starts the ECS stand-in with one seeded service for manual use; prints its URL alone on the first stdout line.
//   main --scenario circuit-breaker --desired-count 2 --rollout-ms 8000 [--no-service-deployment-api]
// Every flag also reads from the environment: ECS_STANDIN_SCENARIO, ECS_STANDIN_PORT, ...
import { parseArgs } from 'node:util';
import { type ScenarioName, startEcsStandin } from './index.js';

const SCENARIOS: readonly ScenarioName[] = [
  'healthy',
  'circuit-breaker',
  'failing-no-breaker',
  'never-stabilises',
  'superseded',
];

const FLAGS = {
  scenario: 'healthy',
  deployments: '1',
  port: '0',
  region: 'us-east-1',
  cluster: 'default',
  service: 'web',
  image: 'nginx:latest',
  'desired-count': '2',
  'rollout-ms': '',
  breaker: '',
} as const;

function setting(values: Record<string, string | boolean | undefined>, flag: keyof typeof FLAGS): string {
  const fromArgs = values[flag];
  if (typeof fromArgs === 'string') return fromArgs;
  return process.env[`ECS_STANDIN_${flag.toUpperCase().replaceAll('-', '_')}`] ?? FLAGS[flag];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      ...Object.fromEntries(Object.keys(FLAGS).map((flag) => [flag, { type: 'string' as const }])),
      'no-service-deployment-api': { type: 'boolean' },
    },
  });

  const scenario = setting(values, 'scenario') as ScenarioName;
  if (!SCENARIOS.includes(scenario)) {
    console.error(`unknown scenario ${scenario}; one of: ${SCENARIOS.join(', ')}`);
    process.exit(2);
  }
  const breaker = setting(values, 'breaker') || (scenario === 'circuit-breaker' ? 'rollback' : 'off');
  const rolloutMs = Number(setting(values, 'rollout-ms')) || undefined;
  const deployments = Number(setting(values, 'deployments'));

  const standin = await startEcsStandin({
    serviceDeploymentApi: !values['no-service-deployment-api'] && process.env['ECS_STANDIN_NO_SERVICE_DEPLOYMENT_API'] !== 'true',
    region: setting(values, 'region'),
    port: Number(setting(values, 'port')),
    ...(rolloutMs === undefined ? {} : { timing: { rolloutMs } }),
  });
  const cluster = setting(values, 'cluster');
  const serviceName = setting(values, 'service');
  standin.seedCluster(cluster);
  const taskDefinition = standin.seedTaskDefinition({
    family: serviceName,
    containerDefinitions: [{ name: serviceName, image: setting(values, 'image'), memory: 512 }],
  });
  standin.seedService({
    cluster,
    serviceName,
    taskDefinition,
    desiredCount: Number(setting(values, 'desired-count')),
    circuitBreaker: { enable: breaker !== 'off', rollback: breaker === 'rollback' },
  });
  standin.setScenario(serviceName, scenario, { cluster, deployments: deployments > 0 ? deployments : 1 });

  console.log(standin.url);
  console.error(`ECS stand-in: ${scenario} for ${cluster}/${serviceName}; AWS_ENDPOINT_URL_ECS=${standin.url}`);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void standin.close().then(() => process.exit(0)));
  }
}

// A plain call rather than top-level await, so the file also bundles (ncc) for scripts that run JavaScript.
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
