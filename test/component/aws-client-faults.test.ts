// The session's clients against a local HTTP server that misbehaves as ECS sometimes does: the errors the real SDK
// raises are classified as the deploy flow needs, every attempt has a timeout, and the run's cancel aborts a call
// in flight.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ECSClient, ListClustersCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { CONNECT_TIMEOUT_MS, RESPONSE_TIMEOUT_MS, clientConfig, createSession } from '../../src/aws/clients.js';
import { changeOutcome, classifyError } from '../../src/aws/errors.js';

type Behaviour = (req: IncomingMessage, res: ServerResponse) => void;

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example' };
const json = (status: number, body: unknown) => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};
const SERVICES = { services: [{ serviceName: 'web', status: 'ACTIVE' }], failures: [] };

let server: Server;
let url: string;
let behaviours: Behaviour[] = [];
let requests = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests += 1;
    req.resume();
    req.on('end', () => (behaviours.length > 1 ? behaviours.shift()! : behaviours[0]!)(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  behaviours = [];
  requests = 0;
});

/** A client as the session builds it, pointed at the local server. */
function client(fields: { maxAttempts?: number; requestTimeoutMs?: number } = {}): ECSClient {
  return new ECSClient({ ...clientConfig({ region: 'eu-west-1', credentials, ...fields }), endpoint: url });
}

async function failureOf(behaviour: Behaviour, fields: { requestTimeoutMs?: number } = {}): Promise<unknown> {
  behaviours = [behaviour];
  return client({ maxAttempts: 1, ...fields })
    .send(new ListClustersCommand({}))
    .then(
      () => {
        throw new Error('the call succeeded');
      },
      (error: unknown) => error,
    );
}

describe('errors the SDK raises, classified', () => {
  test.each([
    ['a truncated answer', json(200, '{"clusterArns": ["arn:aws:ecs:eu-west-1:1:clus'), 'SyntaxError', 'transient', 'doubtful'],
    ['a garbled answer', json(200, '<html>502 Bad Gateway</html>'), 'SyntaxError', 'transient', 'doubtful'],
    ['a reset connection', (req: IncomingMessage) => req.socket.destroy(), 'TimeoutError', 'transient', 'doubtful'],
    ['HTTP 500 ServerException', json(500, { __type: 'ServerException', message: 'internal error' }), 'ServerException', 'transient', 'doubtful'],
    ['HTTP 503', json(503, { __type: 'ServiceUnavailableException', message: 'unavailable' }), 'ServiceUnavailableException', 'transient', 'doubtful'],
    ['ThrottlingException', json(400, { __type: 'ThrottlingException', message: 'Rate exceeded' }), 'ThrottlingException', 'throttled', 'not-applied'],
    ['ClientException', json(400, { __type: 'ClientException', message: 'bad' }), 'ClientException', 'fatal', 'not-applied'],
  ])('%s: %s, %s, a change is %s', async (_case, behaviour, name, kind, outcome) => {
    const error = await failureOf(behaviour);
    expect(error).toMatchObject({ name });
    expect(classifyError(error)).toBe(kind);
    expect(changeOutcome(error)).toBe(outcome);
  });

  test('an answer that never comes: a TimeoutError after the response timeout, transient, a change doubtful', async () => {
    const error = await failureOf(() => {}, { requestTimeoutMs: 200 });
    expect(error).toMatchObject({ name: 'TimeoutError' });
    expect(classifyError(error)).toBe('transient');
    expect(changeOutcome(error)).toBe('doubtful');
  });
});

describe('the session', () => {
  test('every client has a connection and a response timeout that throws', () => {
    expect(clientConfig({ region: 'eu-west-1' })['requestHandler']).toEqual({
      connectionTimeout: CONNECT_TIMEOUT_MS,
      requestTimeout: RESPONSE_TIMEOUT_MS,
      throwOnRequestTimeout: true,
      socketTimeout: RESPONSE_TIMEOUT_MS,
    });
    expect(CONNECT_TIMEOUT_MS).toBeLessThanOrEqual(5_000);
    expect(RESPONSE_TIMEOUT_MS).toBeLessThanOrEqual(15_000);
  });

  describe('against the local server', () => {
    const saved = process.env['AWS_ENDPOINT_URL_ECS'];
    beforeAll(() => {
      process.env['AWS_ENDPOINT_URL_ECS'] = url;
    });
    afterAll(() => {
      if (saved === undefined) delete process.env['AWS_ENDPOINT_URL_ECS'];
      else process.env['AWS_ENDPOINT_URL_ECS'] = saved;
    });

    test('a read whose answer hangs once is tried again by the SDK and answers', async () => {
      behaviours = [() => {}, json(200, SERVICES)];
      const session = createSession({ region: 'eu-west-1', credentials, requestTimeoutMs: 200 });
      const answer = await session.ecs.describeServices('prod', ['web']);
      expect(answer.services?.[0]?.serviceName).toBe('web');
      expect(requests).toBe(2);
    });

    test('a read whose answer is truncated once is tried again by the SDK and answers', async () => {
      behaviours = [json(200, '{"services": [{"serviceName": "we'), json(200, SERVICES)];
      const session = createSession({ region: 'eu-west-1', credentials });
      const answer = await session.ecs.describeServices('prod', ['web']);
      expect(answer.services?.[0]?.serviceName).toBe('web');
      expect(requests).toBe(2);
    });

    test('a change gets one attempt: a lost answer is left to the read-back, not sent again', async () => {
      behaviours = [(req) => req.socket.destroy(), json(200, { service: { serviceName: 'web' } })];
      const session = createSession({ region: 'eu-west-1', credentials });
      await expect(session.ecs.updateService({ cluster: 'prod', service: 'web', forceNewDeployment: true })).rejects.toMatchObject({
        code: 'ECONNRESET',
      });
      expect(requests).toBe(1);
    });

    test('the run cancel aborts a call in flight at once, not after the response timeout', async () => {
      behaviours = [() => {}];
      const cancel = new AbortController();
      const session = createSession({ region: 'eu-west-1', credentials, signal: cancel.signal });
      const pending = session.ecs.describeServices('prod', ['web']);
      await new Promise<void>((resolve) => {
        const waitForRequest = (): void => void (requests > 0 ? resolve() : setTimeout(waitForRequest, 10));
        waitForRequest();
      });
      cancel.abort('SIGTERM');
      // The response timeout is 10 s; the test's own timeout (5 s) fails a call that waits for it.
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
      expect(requests).toBe(1);
    }, 5_000);
  });
});
