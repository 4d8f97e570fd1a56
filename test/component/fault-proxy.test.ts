// The fault proxy against a tiny upstream that counts what reaches it: each fault does what it says.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type FaultProxy, startFaultProxy } from '../support/fault-proxy.js';

const ANSWER = JSON.stringify({ services: [{ serviceName: 'web', status: 'ACTIVE', deployments: [] }], failures: [] });

interface Upstream {
  url: string;
  received: string[];
  close(): Promise<void>;
}

async function startUpstream(): Promise<Upstream> {
  const received: string[] = [];
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received.push(String(request.headers['x-amz-target']).split('.').at(-1) ?? '');
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(ANSWER) });
      response.end(ANSWER);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

function call(proxy: FaultProxy, operation: string, timeoutMs = 2000): Promise<Response> {
  return fetch(proxy.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AmazonEC2ContainerServiceV20141113.${operation}` },
    body: '{}',
    signal: AbortSignal.timeout(timeoutMs),
  });
}

/** Why a call failed: the error's cause code (ECONNRESET, ECONNREFUSED...) or name (TimeoutError). */
async function failureOf(promise: Promise<Response>): Promise<string> {
  try {
    const response = await promise;
    await response.text();
    return `answered ${response.status}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ?? (error as Error).name;
  }
}

describe('fault proxy', () => {
  let upstream: Upstream;
  let proxy: FaultProxy;

  beforeEach(async () => {
    upstream = await startUpstream();
    proxy = await startFaultProxy(upstream.url);
  });
  afterEach(async () => {
    await proxy.close();
    await upstream.close();
  });

  test('without a rule every call passes through unchanged and is recorded', async () => {
    const response = await call(proxy, 'DescribeServices');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(ANSWER);
    expect(upstream.received).toEqual(['DescribeServices']);
    expect(proxy.calls).toEqual([{ operation: 'DescribeServices', action: 'passed', forwarded: true, upstreamStatus: 200 }]);
  });

  test('hang: the call is never answered and never forwarded, until the client gives up', async () => {
    proxy.inject({ operation: 'DescribeServices', fault: 'hang' });
    expect(await failureOf(call(proxy, 'DescribeServices', 300))).toBe('TimeoutError');
    expect(upstream.received).toEqual([]);
    // Only the next one: the following call is answered.
    expect((await call(proxy, 'DescribeServices')).status).toBe(200);
    expect(proxy.calls.map((c) => c.action)).toEqual(['hang', 'passed']);
  });

  test('reset-after: the upstream got and answered the call, the client sees the connection reset', async () => {
    proxy.inject({ operation: 'RegisterTaskDefinition', fault: 'reset-after' });
    expect(await failureOf(call(proxy, 'RegisterTaskDefinition'))).toBe('ECONNRESET');
    expect(upstream.received).toEqual(['RegisterTaskDefinition']);
    expect(proxy.forwarded('RegisterTaskDefinition')).toBe(1);
    expect(proxy.calls[0]).toMatchObject({ action: 'reset-after', forwarded: true, upstreamStatus: 200 });
  });

  test('reset-before: the connection is reset and the upstream never hears of the call', async () => {
    proxy.inject({ operation: 'UpdateService', fault: 'reset-before' });
    expect(await failureOf(call(proxy, 'UpdateService'))).toBe('ECONNRESET');
    expect(upstream.received).toEqual([]);
    expect(proxy.calls[0]).toMatchObject({ action: 'reset-before', forwarded: false });
  });

  test('truncate: the upstream status with half the body, and a Content-Length that matches the cut', async () => {
    proxy.inject({ operation: 'DescribeServices', fault: 'truncate' });
    const response = await call(proxy, 'DescribeServices');
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(text.length));
    expect(text).toBe(ANSWER.slice(0, Math.floor(ANSWER.length / 2)));
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
    expect(upstream.received).toEqual(['DescribeServices']);
  });

  test('status: an AWS JSON error with the given status, not forwarded', async () => {
    proxy.inject({ operation: 'DescribeServices', fault: 'status', status: 503 });
    proxy.inject({ operation: 'DescribeClusters', fault: 'status', status: 400, errorType: 'ThrottlingException' });
    const unavailable = await call(proxy, 'DescribeServices');
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('x-amzn-errortype')).toBe('ServiceUnavailableException');
    expect(await unavailable.json()).toMatchObject({ __type: 'ServiceUnavailableException' });
    const throttled = await call(proxy, 'DescribeClusters');
    expect(throttled.status).toBe(400);
    expect(await throttled.json()).toMatchObject({ __type: 'ThrottlingException' });
    expect(upstream.received).toEqual([]);
  });

  test('trickle: the headers come at once, then the body one byte per interval, never idle for long', async () => {
    proxy.inject({ operation: 'DescribeServices', fault: 'trickle', intervalMs: 20 });
    const response = await call(proxy, 'DescribeServices', 30_000);
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const chunks: number[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value.length);
    expect(chunks.reduce((sum, length) => sum + length, 0)).toBe(Buffer.byteLength(ANSWER));
    // Many small pieces, not one answer.
    expect(chunks.length).toBeGreaterThan(Buffer.byteLength(ANSWER) / 4);
    expect(proxy.calls[0]).toMatchObject({ action: 'trickle', forwarded: true, upstreamStatus: 200 });
  });

  test('late-apply: nothing is answered; the upstream gets the call only after the client gave up', async () => {
    proxy.inject({ operation: 'UpdateService', fault: 'late-apply', delayMs: 50 });
    const gaveUp = failureOf(call(proxy, 'UpdateService', 300));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(upstream.received).toEqual([]);
    expect(await gaveUp).toBe('TimeoutError');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(upstream.received).toEqual(['UpdateService']);
    expect(proxy.calls[0]).toMatchObject({ action: 'late-apply', forwarded: true, forwardedAfterClientGaveUp: true, upstreamStatus: 200 });
  });

  test('down refuses connections, also on a connection kept alive; up serves again on the same URL', async () => {
    expect((await call(proxy, 'DescribeServices')).status).toBe(200);
    await proxy.down();
    expect(await failureOf(call(proxy, 'DescribeServices'))).toBe('ECONNREFUSED');
    await proxy.up();
    expect((await call(proxy, 'DescribeServices')).status).toBe(200);
    expect(upstream.received).toHaveLength(2);
  });

  test('down drops a call that hangs', async () => {
    proxy.inject({ operation: 'DescribeServices', fault: 'hang' });
    const hanging = failureOf(call(proxy, 'DescribeServices', 5000));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await proxy.down();
    expect(await hanging).not.toBe('TimeoutError');
  });

  test.each([
    [{ nth: 2 }, ['passed', 'status', 'passed', 'passed']],
    [{ next: 2 }, ['status', 'status', 'passed', 'passed']],
    [{ from: 3 }, ['passed', 'passed', 'status', 'status']],
    ['always', ['status', 'status', 'status', 'status']],
  ] as const)('when %j: the rule hits calls %j of its operation, others are not counted', async (when, actions) => {
    proxy.inject({ operation: 'DescribeServices', fault: 'status', when });
    for (let i = 0; i < actions.length; i++) {
      await (await call(proxy, 'DescribeServices')).text();
      await (await call(proxy, 'ListTasks')).text();
    }
    expect(proxy.calls.filter((c) => c.operation === 'DescribeServices').map((c) => c.action)).toEqual(actions);
    expect(proxy.calls.filter((c) => c.operation === 'ListTasks').every((c) => c.action === 'passed')).toBe(true);
  });

  test('after: counting starts once a call of that operation went through', async () => {
    proxy.inject({ operation: 'DescribeServices', fault: 'truncate', when: { nth: 1 }, after: 'UpdateService' });
    await (await call(proxy, 'DescribeServices')).text();
    await (await call(proxy, 'UpdateService')).text();
    await (await call(proxy, 'DescribeServices')).text();
    await (await call(proxy, 'DescribeServices')).text();
    expect(proxy.calls.map((c) => c.action)).toEqual(['passed', 'passed', 'truncate', 'passed']);
  });
});
