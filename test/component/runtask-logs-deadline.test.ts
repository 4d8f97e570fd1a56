// The CloudWatch Logs client holds each answer to the same deadline as the deploy's other clients: an answer whose
// body trickles in a byte at a time (never idle long enough for a socket timeout) ends at the deadline, through
// the project's fault proxy.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createLogsApi } from '../../src/runtask/logs.js';
import { type FaultProxy, startFaultProxy } from '../support/fault-proxy.js';

const REQUEST_TIMEOUT_MS = 1_500;
/** Long enough that the trickled body, a byte each 100 ms, would take about two minutes to arrive whole. */
const EVENTS = Array.from({ length: 20 }, (_, n) => ({ timestamp: n, message: `line ${n}`, ingestionTime: n }));

const saved = { ...process.env };
let upstream: Server;
let proxy: FaultProxy;

beforeAll(async () => {
  upstream = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(JSON.stringify({ events: EVENTS, nextForwardToken: 'f/1', nextBackwardToken: 'b/1' }));
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  proxy = await startFaultProxy(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}`);
  delete process.env['AWS_ENDPOINT_URL'];
  delete process.env['AWS_PROFILE'];
  process.env['AWS_ENDPOINT_URL_CLOUDWATCH_LOGS'] = proxy.url;
  process.env['AWS_ACCESS_KEY_ID'] = 'testing';
  process.env['AWS_SECRET_ACCESS_KEY'] = 'testing';
});

afterAll(async () => {
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
  Object.assign(process.env, saved);
  await proxy?.close();
  upstream?.closeAllConnections();
  await new Promise((resolve) => upstream?.close(resolve));
});

const request = { region: 'us-east-1', logGroupName: '/ecs/web', logStreamName: 'ecs/migrate/1' };

test('an answer that passes whole reads the lines', async () => {
  const api = await createLogsApi({ region: 'eu-west-1', requestTimeoutMs: REQUEST_TIMEOUT_MS, maxAttempts: 1 });
  const answer = await api.getLogEvents(request);
  expect(answer.events.map((event) => event.message)).toEqual(EVENTS.map((event) => event.message));
});

test('an answer whose body trickles in ends at the deadline on the whole answer', async () => {
  const api = await createLogsApi({ region: 'eu-west-1', requestTimeoutMs: REQUEST_TIMEOUT_MS, maxAttempts: 1 });
  proxy.inject({ operation: '*', fault: 'trickle', intervalMs: 100 });
  const outcome = await api.getLogEvents(request).then(
    () => 'answered',
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  expect(outcome).toMatch(/did not arrive whole within 1\.5 s/);
  expect(proxy.calls.filter((call) => call.action === 'trickle')).toHaveLength(1);
}, 90_000);
