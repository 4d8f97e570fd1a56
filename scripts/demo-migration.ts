// The demo's migration scene: a database migration runs as a one-off task of the new revision before the rollout,
// its log lines printed as it runs. First it succeeds and the service rolls out; then it exits 3 and the service
// is left as it was. The task's log lines come from a small local stand-in for CloudWatch Logs (GetLogEvents only),
// which hands out the lines the scene's "migration" prints while the ECS stand-in runs the task.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EcsStandin, TaskScript } from '../test/standin/index.js';

export interface SceneContext {
  standin: EcsStandin;
  cluster: string;
  bundle: string;
  /** The demo's environment: the ECS stand-in's endpoint and throwaway credentials. */
  env: NodeJS.ProcessEnv;
  runBundle(bundle: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number>;
  interrupted(): boolean;
}

const SERVICE = 'api';
const GROUP = '/ecs/api';
const PREFIX = 'ecs';
/** Time between two log lines of the migration. */
const LINE_EVERY_MS = 600;

interface Migration {
  explanation: string;
  image: string;
  script: TaskScript;
  lines: readonly string[];
  expectedExit: number;
  expectedRevision: string;
}

const MIGRATIONS: readonly Migration[] = [
  {
    explanation:
      'A migration before the rollout: ecs-deliver registers api:2, runs `npm run migrate` as one task of api:2 where ' +
      'the service runs, prints its log lines as they come, and updates the service only after it exited 0.',
    image: 'api:2',
    script: { provisioningMs: 800, pendingMs: 800, runMs: 3200 },
    lines: ['> api@2.0.0 migrate', 'migrating 0007_add_orders_status ... ok', 'migrating 0008_backfill_orders_status ... ok', 'done: 2 migrations applied'],
    expectedExit: 0,
    expectedRevision: 'api:2',
  },
  {
    explanation:
      'A migration that fails: the task of api:3 exits 3, so ecs-deliver stops with exit 1, names the exit code and ' +
      'the last log lines, and never updates the service: it stays on api:2.',
    image: 'api:3',
    script: { provisioningMs: 800, pendingMs: 800, runMs: 3000, exitCodes: { api: 3 } },
    lines: ['> api@3.0.0 migrate', 'migrating 0009_drop_orders_legacy ...', 'ERROR: cannot drop column "legacy_id": other objects depend on it'],
    expectedExit: 1,
    expectedRevision: 'api:2',
  },
];

/** Runs the scene; answers what did not go as expected (nothing when all did). */
export async function migrationScene(context: SceneContext): Promise<string[]> {
  const { standin, cluster } = context;
  standin.seedTaskDefinition({
    family: SERVICE,
    containerDefinitions: [
      {
        name: SERVICE,
        image: 'api:1',
        memory: 256,
        essential: true,
        logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': GROUP, 'awslogs-region': standin.region, 'awslogs-stream-prefix': PREFIX } },
      },
    ],
  });
  standin.seedService({ cluster, serviceName: SERVICE, taskDefinition: `${SERVICE}:1`, desiredCount: 2 });
  const logs = await startLogStreams(standin, MIGRATIONS.map((migration) => migration.lines));
  const env = { ...context.env, AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: logs.url };
  const problems: string[] = [];
  try {
    console.log('');
    console.log(`Service ${SERVICE} in ${cluster}: 2 tasks of api:1; its container logs with awslogs (group ${GROUP}, prefix ${PREFIX}).`);
    for (const [index, migration] of MIGRATIONS.entries()) {
      standin.setTaskScript(migration.script);
      const args = [
        ...['--cluster', cluster, '--service', SERVICE, '--family', SERVICE, '--image', migration.image],
        ...['--run-task-command', 'npm run migrate'],
        ...['--verify-image', 'false', '--poll-interval', '1s', '--wait-timeout', '2m', '--run-task-timeout', '2m'],
      ];
      console.log('');
      console.log(`[migration ${index + 1}/${MIGRATIONS.length}] ${migration.explanation}`);
      console.log(`$ ecs-deliver ${args.map((arg) => (/\s/.test(arg) ? `'${arg}'` : arg)).join(' ')}`);
      const code = await context.runBundle(context.bundle, args, env);
      if (context.interrupted()) return ['interrupted'];
      const revision = runningRevision(standin, cluster);
      console.log(`→ exit code ${code} (expected ${migration.expectedExit}); ${SERVICE} runs ${revision} (expected ${migration.expectedRevision}).`);
      if (code !== migration.expectedExit) problems.push(`migration ${index + 1} exited ${code}, not ${migration.expectedExit}`);
      if (revision !== migration.expectedRevision) problems.push(`after migration ${index + 1} ${SERVICE} runs ${revision}, not ${migration.expectedRevision}`);
    }
    console.log('');
    console.log('(In AWS the lines come from the task\'s CloudWatch Logs stream, prefix/container/task-id, read with logs:GetLogEvents.)');
  } finally {
    await logs.close();
  }
  return problems;
}

function runningRevision(standin: EcsStandin, cluster: string): string {
  const taskDefinition = String(standin.service(SERVICE, cluster)['taskDefinition'] ?? '?');
  return taskDefinition.slice(taskDefinition.lastIndexOf('/') + 1);
}

/**
 * GetLogEvents for the one-off tasks' streams: the n-th task RunTask started "prints" the n-th list of lines, one
 * line every LINE_EVERY_MS from the moment it is RUNNING; before that its stream does not exist yet.
 */
async function startLogStreams(standin: EcsStandin, scripts: readonly (readonly string[])[]): Promise<{ url: string; close(): Promise<void> }> {
  const runningSince = new Map<string, number>();
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const answer = (status: number, payload: object): void => {
        response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        response.end(JSON.stringify(payload));
      };
      if (request.headers['x-amz-target'] !== 'Logs_20140328.GetLogEvents') {
        answer(400, { __type: 'UnknownOperationException', message: 'this stand-in answers GetLogEvents only' });
        return;
      }
      const input = JSON.parse(body || '{}') as { logGroupName?: string; logStreamName?: string; nextToken?: string };
      const taskId = (input.logStreamName ?? '').split('/').pop() ?? '';
      const tasks = standin.oneOffTasks();
      const index = tasks.findIndex((task) => String(task['taskArn']).endsWith(`/${taskId}`));
      const task = tasks[index];
      const status = String(task?.['lastStatus'] ?? '');
      if (input.logGroupName !== GROUP || !task || !['RUNNING', 'DEPROVISIONING', 'STOPPED'].includes(status)) {
        answer(400, { __type: 'ResourceNotFoundException', message: 'The specified log stream does not exist.' });
        return;
      }
      const lines = scripts[index] ?? [];
      const since = runningSince.get(taskId) ?? Date.now();
      runningSince.set(taskId, since);
      const visible = status === 'RUNNING' ? Math.min(lines.length, Math.floor((Date.now() - since) / LINE_EVERY_MS) + 1) : lines.length;
      const from = Number(/^f\/(\d+)$/.exec(input.nextToken ?? '')?.[1] ?? 0);
      const events = lines.slice(from, visible).map((message, at) => ({ timestamp: since + (from + at) * LINE_EVERY_MS, message, ingestionTime: Date.now() }));
      answer(200, { events, nextForwardToken: `f/${Math.max(from, visible)}`, nextBackwardToken: 'b/0' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
