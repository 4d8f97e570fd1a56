// A proxy on 127.0.0.1 between the bundle and an ECS endpoint (the stand-in) that loses, garbles or refuses answers
// on purpose, chosen by ECS operation and call count, and records what it did to every call.
//
//   const proxy = await startFaultProxy(standin.url);
//   proxy.inject({ operation: 'RegisterTaskDefinition', fault: 'reset-after' });            // the next one
//   proxy.inject({ operation: 'DescribeServices', fault: 'truncate', when: { nth: 2 }, after: 'UpdateService' });
//   proxy.inject({ operation: 'DescribeServices', fault: 'status', status: 503, when: { next: 4 } });
//   proxy.inject({ operation: 'DescribeServices', fault: 'trickle', intervalMs: 2000 });      // headers, then a byte at a time
//   proxy.inject({ operation: 'UpdateService', fault: 'late-apply' });                        // forwarded once the client gave up
//   proxy.inject({ operation: 'UpdateService', fault: 'hang-after' });                        // applied, never answered
//   proxy.down(); await proxy.up();                                                           // the endpoint gone
//   proxy.forwarded('RegisterTaskDefinition');                                                // how many got through
import { type IncomingMessage, type ServerResponse, createServer, request as httpRequest } from 'node:http';
import type { Socket } from 'node:net';
import { freePort } from './servers.js';

export type FaultKind = 'hang' | 'hang-after' | 'reset-after' | 'reset-before' | 'truncate' | 'status' | 'trickle' | 'late-apply';

/** Which of the matching calls a rule hits, counted from when the rule was added (or from its `after` call). */
export type When = { nth: number } | { next: number } | { from: number } | 'always';

export interface FaultRule {
  /** The X-Amz-Target suffix, e.g. DescribeServices; '*' for every call. */
  operation: string;
  fault: FaultKind;
  /** Default { next: 1 }. */
  when?: When;
  /** Count only calls made after ECS accepted a call of this operation (e.g. 'UpdateService': during the watch). */
  after?: string;
  /** For 'status': the HTTP status (default 500) and the AWS error name (default by status). */
  status?: number;
  errorType?: string;
  /** For 'trickle': the pause between two bytes of the body (default 2000 ms). */
  intervalMs?: number;
  /** For 'late-apply': how long after the client gave up the request reaches the upstream (default 500 ms). */
  delayMs?: number;
}

export interface ProxyCall {
  operation: string;
  /** 'passed' when no fault applied. */
  action: FaultKind | 'passed';
  /** The upstream received the request (and so may have applied it). */
  forwarded: boolean;
  /** The status the upstream answered, when forwarded and answered. */
  upstreamStatus?: number;
  /** For 'late-apply': the client had given up on the call before it was forwarded. */
  forwardedAfterClientGaveUp?: boolean;
}

export interface FaultProxy {
  readonly url: string;
  readonly calls: readonly ProxyCall[];
  inject(rule: FaultRule): void;
  /** Drops every rule; calls already hanging stay so. */
  clear(): void;
  /** Calls of this operation the upstream received. */
  forwarded(operation: string): number;
  /** Stops listening and drops every open connection: from now on connections are refused. */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

const TARGET_PREFIX = 'AmazonEC2ContainerServiceV20141113.';
const ERROR_TYPES: Record<number, string> = { 400: 'ThrottlingException', 500: 'ServerException', 503: 'ServiceUnavailableException' };

interface ActiveRule extends FaultRule {
  seen: number;
  armed: boolean;
}

export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const port = await freePort();
  const target = new URL(upstream);
  const calls: ProxyCall[] = [];
  let rules: ActiveRule[] = [];
  const sockets = new Set<Socket>();
  const passedOperations = new Set<string>();

  const pick = (operation: string): ActiveRule | undefined => {
    let chosen: ActiveRule | undefined;
    for (const rule of rules) {
      if (rule.operation !== '*' && rule.operation !== operation) continue;
      if (!rule.armed) continue;
      rule.seen += 1;
      if (!chosen && hits(rule.when ?? { next: 1 }, rule.seen)) chosen = rule;
    }
    return chosen;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const body = await readAll(request);
    const operation = operationOf(request);
    const rule = pick(operation);
    const call: ProxyCall = { operation, action: rule?.fault ?? 'passed', forwarded: false };
    calls.push(call);
    if (rule?.fault === 'hang') return; // the socket stays open until the client or down()/close() drops it
    if (rule?.fault === 'reset-before') return reset(request.socket);
    if (rule?.fault === 'status') return sendError(response, rule.status ?? 500, rule.errorType);
    if (rule?.fault === 'late-apply') {
      // Nothing is answered: once the client gives up and drops the connection, the request goes on to the upstream.
      await closed(request);
      await new Promise((resolve) => setTimeout(resolve, rule.delayMs ?? 500));
      call.forwarded = true;
      call.forwardedAfterClientGaveUp = true;
      const late = await forward(target, request, body);
      call.upstreamStatus = late.status;
      return;
    }

    call.forwarded = true;
    const answer = await forward(target, request, body);
    call.upstreamStatus = answer.status;
    // A rule with `after` starts counting once that operation went through (ECS accepted it).
    if (answer.status < 300) {
      passedOperations.add(operation);
      for (const candidate of rules) candidate.armed ||= candidate.after === operation;
    }
    if (rule?.fault === 'reset-after') return reset(request.socket);
    if (rule?.fault === 'hang-after') return; // applied upstream; the answer never comes
    if (rule?.fault === 'trickle') return trickle(response, answer, rule.intervalMs ?? 2000);
    const sent = rule?.fault === 'truncate' ? answer.body.subarray(0, Math.floor(answer.body.length / 2)) : answer.body;
    response.writeHead(answer.status, { ...answer.headers, 'content-length': String(sent.length) });
    response.end(sent);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => sendError(response, 502, 'ProxyError', String(error)));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const listen = () => new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const stop = () => new Promise<void>((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    for (const socket of sockets) socket.destroy();
  });
  await listen();

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    inject: (rule) => {
      rules.push({ ...rule, seen: 0, armed: rule.after === undefined || passedOperations.has(rule.after) });
    },
    clear: () => {
      rules = [];
    },
    forwarded: (operation) => calls.filter((call) => call.operation === operation && call.forwarded).length,
    down: stop,
    up: listen,
    close: stop,
  };
}

/** Headers at once, then the body one byte at a time: never idle long enough for a socket timeout. */
async function trickle(response: ServerResponse, answer: Answer, intervalMs: number): Promise<void> {
  response.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) });
  response.flushHeaders();
  for (const byte of answer.body) {
    if (response.destroyed || response.writableEnded) return;
    response.write(Buffer.from([byte]));
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  if (!response.destroyed) response.end();
}

/** Resolves once the client closed the connection the request came on. */
function closed(request: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    if (request.socket.destroyed) return resolve();
    request.socket.once('close', () => resolve());
  });
}

function hits(when: When, seen: number): boolean {
  if (when === 'always') return true;
  if ('nth' in when) return seen === when.nth;
  if ('next' in when) return seen <= when.next;
  return seen >= when.from;
}

function operationOf(request: IncomingMessage): string {
  const header = request.headers['x-amz-target'];
  const value = typeof header === 'string' ? header : '(none)';
  return value.startsWith(TARGET_PREFIX) ? value.slice(TARGET_PREFIX.length) : value;
}

/** A TCP reset where the platform offers one, so the client sees ECONNRESET rather than a clean close. */
function reset(socket: Socket): void {
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

function sendError(response: ServerResponse, status: number, errorType?: string, detail?: string): void {
  if (response.headersSent) return void response.destroy();
  const type = errorType ?? ERROR_TYPES[status] ?? 'ServerException';
  const text = JSON.stringify({ __type: type, message: detail ?? `injected by the fault proxy: HTTP ${status}` });
  response.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': String(Buffer.byteLength(text)),
    'x-amzn-errortype': type,
  });
  response.end(text);
}

interface Answer {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

function forward(target: URL, request: IncomingMessage, body: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = { ...request.headers, host: target.host, 'content-length': String(body.length) };
    const outgoing = httpRequest(
      { host: target.hostname, port: target.port, path: request.url, method: request.method, headers },
      (incoming) => {
        readAll(incoming).then((answer) => {
          const copied: Record<string, string | string[]> = {};
          for (const [name, value] of Object.entries(incoming.headers)) if (value !== undefined) copied[name] = value;
          delete copied['transfer-encoding'];
          delete copied['connection'];
          resolve({ status: incoming.statusCode ?? 502, headers: copied, body: answer });
        }, reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

async function readAll(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}
