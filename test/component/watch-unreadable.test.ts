// The real SDK reading answers cut short: its reader throws a SyntaxError carrying `$response`, and the watcher
// takes it for what it is, a read that failed, not a deployment that did.
import { ECSClient } from '@aws-sdk/client-ecs';
import { describe, expect, test } from 'vitest';
import { ecsApi } from '../../src/aws/ecs.js';
import { watchRolling } from '../../src/watch/watch-rollout.js';
import { FakeClock, RecordingReporter, options, target, td } from './watch-fakes.js';

describe('answers the SDK cannot read', () => {
  /** ECS over the wire: each call gets the next body of `bodies` (the last one repeats); records the operations. */
  function scriptedClient(bodies: string[], operations: string[]): ECSClient {
    return new ECSClient({
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example' },
      requestHandler: {
        handle: async (request: { headers: Record<string, string> }) => {
          operations.push(request.headers['x-amz-target']?.split('.').pop() ?? '?');
          const body = bodies[Math.min(operations.length - 1, bodies.length - 1)] ?? '';
          return {
            response: { statusCode: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: new TextEncoder().encode(body) },
          };
        },
      } as never,
    });
  }

  const wire = (rolloutState: string, runningCount: number) =>
    JSON.stringify({
      services: [
        {
          serviceName: 'web',
          status: 'ACTIVE',
          desiredCount: 2,
          runningCount,
          taskDefinition: td(2),
          deployments: [{ id: 'ecs-svc/2', status: 'PRIMARY', taskDefinition: td(2), desiredCount: 2, runningCount, rolloutState }],
          events: [],
        },
      ],
      failures: [],
    });

  test.each([
    { name: 'cut short', garble: (body: string) => body.slice(0, 40) },
    { name: 'not JSON at all', garble: () => '<html><body>502 Bad Gateway</body></html>' },
  ])('a DescribeServices answer $name mid-watch: the SDK throws SyntaxError; the watch goes on to COMPLETED', async ({ garble }) => {
    const clock = new FakeClock();
    const operations: string[] = [];
    const inProgress = wire('IN_PROGRESS', 1);
    const client = scriptedClient([inProgress, garble(inProgress), wire('COMPLETED', 2)], operations);
    const reporter = new RecordingReporter();

    const outcome = await watchRolling({ ecs: ecsApi(client), clock, reporter }, target(), options());

    expect(outcome.status, `${outcome.message}\n${reporter.text}`).toBe('COMPLETED');
    expect(operations).toEqual(['DescribeServices', 'DescribeServices', 'DescribeServices']);
    expect(reporter.lines.filter((line) => line.level !== 'info').map((line) => line.text)).toEqual([
      expect.stringMatching(/^ECS did not answer \(AWS sent an answer that could not be read: SyntaxError: [^\n]+\); retrying until the timeout$/),
    ]);
  });
});
