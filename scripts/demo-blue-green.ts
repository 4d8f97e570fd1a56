// The blue/green scene of npm run demo: a service with ECS's own BLUE_GREEN strategy and a test hook after the test
// traffic shift. ecs-deliver follows the service deployment stage by stage: the new revision scales up beside the
// old one, test then production traffic move, the bake time runs, and the old tasks stop.
import { type EcsStandin, startEcsStandin } from '../test/standin/index.js';

const SERVICE = 'checkout';
const HOOK = 'arn:aws:lambda:us-east-1:123456789012:function:checkout-smoke-test';
/** Long enough to read each stage as it begins; the bundle polls every second here. */
const TIMING = { stageMs: 2_000, hookMs: 1_500, rolloutMs: 3_000, rollbackMs: 2_000 };

export interface SceneRunner {
  run(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number>;
  envFor(standin: EcsStandin): NodeJS.ProcessEnv;
  interrupted(): boolean;
}

/** Plays the scene; answers what did not go as it should (nothing when all did). */
export async function blueGreenScene(runner: SceneRunner): Promise<string[]> {
  const standin = await startEcsStandin({ timing: TIMING });
  try {
    standin.seedTaskDefinition({ family: SERVICE, containerDefinitions: [{ name: 'web', image: 'nginx:1.26', memory: 256, essential: true }] });
    standin.seedService({
      serviceName: SERVICE,
      taskDefinition: `${SERVICE}:1`,
      desiredCount: 2,
      deploymentConfiguration: {
        strategy: 'BLUE_GREEN',
        bakeTimeInMinutes: 0.1,
        lifecycleHooks: [{ hookTargetArn: HOOK, roleArn: 'arn:aws:iam::123456789012:role/ecs-hooks', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] }],
      },
    });
    const args = [
      ...['--service', SERVICE, '--family', SERVICE, '--image', 'nginx:1.27'],
      ...['--verify-image', 'false', '--poll-interval', '1s', '--wait-timeout', '2m'],
    ];
    console.log('');
    console.log(
      `[blue/green] Service ${SERVICE} uses ECS's BLUE_GREEN strategy with a smoke-test hook after the test traffic shift ` +
        'and a 6 s bake time; ecs-deliver prints each lifecycle stage as it begins.',
    );
    console.log(`$ ecs-deliver ${args.join(' ')}`);
    const code = await runner.run(args, runner.envFor(standin));
    if (runner.interrupted()) return ['interrupted'];
    const taskDefinition = String(standin.service(SERVICE)['taskDefinition'] ?? '?');
    const revision = taskDefinition.slice(taskDefinition.lastIndexOf('/') + 1);
    const history = standin.stageHistory(SERVICE);
    console.log(`→ exit code ${code} (expected 0); ${SERVICE} runs ${revision} (expected ${SERVICE}:2); service deployment ${history.status}.`);
    const problems: string[] = [];
    if (code !== 0) problems.push(`the blue/green deploy exited ${code}, not 0`);
    if (revision !== `${SERVICE}:2`) problems.push(`after the blue/green deploy ${SERVICE} runs ${revision}, not ${SERVICE}:2`);
    return problems;
  } finally {
    await standin.close();
  }
}
