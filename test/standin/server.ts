// The AWS JSON 1.1 endpoint: POST / with X-Amz-Target, JSON in and out, errors as { __type, message }.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { codeDeployOperation } from './codedeploy.js';
import { EcsError, serverException, throttling, unknownOperation } from './errors.js';
import type { FaultInjector } from './faults.js';
import { newRequestId } from './ids.js';
import { type Body, parseBody } from './input.js';
import { OPERATIONS, type Operation, SERVICE_DEPLOYMENT_OPERATIONS } from './operations/index.js';
import type { Timing } from './scenarios.js';
import type { World } from './world.js';

const TARGET_PREFIX = 'AmazonEC2ContainerServiceV20141113.';
const JSON_TYPE = 'application/x-amz-json-1.1';
const MAX_RECORDED_CALLS = 1000;

/** How an endpoint without the service-deployment API answers it: moto's bare HTML 500, or AWS's 400. */
export type MissingOperationAnswer = 'server-error' | 'unknown-operation';

export interface RecordedCall {
  operation: string;
  input: Body | undefined;
  status: number;
  errorType?: string;
  /** Epoch milliseconds on the stand-in's clock. */
  at: number;
}

export interface HandlerDependencies {
  world: World;
  faults: FaultInjector;
  calls: Record<string, number>;
  requests: RecordedCall[];
  serviceDeploymentApi: boolean;
  missingServiceDeploymentApi: MissingOperationAnswer;
  timing: Timing;
  /** Operations the caller's role may not call: answered AccessDeniedException. */
  deniedOperations: readonly string[];
}

export function createRequestHandler(deps: HandlerDependencies) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const text = await readBody(request);
    const operation = operationOf(request);
    deps.calls[operation] = (deps.calls[operation] ?? 0) + 1;
    const record = (status: number, input: Body | undefined, errorType?: string): void => {
      const call: RecordedCall = { operation, input, status, at: deps.world.now() };
      if (errorType !== undefined) call.errorType = errorType;
      deps.requests.push(call);
      if (deps.requests.length > MAX_RECORDED_CALLS) deps.requests.shift();
    };

    const latency = deps.faults.latencyFor(operation);
    if (latency > 0) await sleep(latency);

    let input: Body | undefined;
    try {
      input = parseBody(text);
      const fault = deps.faults.decide(operation, deps.world.now());
      if (fault) throw fault === 'throttle' ? throttling() : serverException();
      if (deps.deniedOperations.includes(operation)) {
        throw new EcsError('AccessDeniedException', `User: arn:aws:iam::123456789012:user/deployer is not authorized to perform: ecs:${operation}`);
      }
      if (SERVICE_DEPLOYMENT_OPERATIONS.has(operation) && !deps.serviceDeploymentApi) {
        if (deps.missingServiceDeploymentApi === 'server-error') {
          record(500, input);
          return sendBareServerError(response);
        }
        throw unknownOperation(operation);
      }
      // CodeDeploy (AWS_ENDPOINT_URL_CODEDEPLOY) shares the port: its operations keep their full target as their name.
      const handler = codeDeployOperation(operation) ?? findOperation(operation, deps.serviceDeploymentApi);
      if (!handler) throw unknownOperation(operation);
      const now = deps.world.advance();
      const output = handler(input, {
        world: deps.world,
        now,
        serviceDeploymentApi: deps.serviceDeploymentApi,
        timing: deps.timing,
      });
      record(200, input);
      send(response, 200, output);
    } catch (error) {
      const answer = error instanceof EcsError ? error : unexpected(error);
      record(answer.httpStatus, input, answer.type);
      send(response, answer.httpStatus, { __type: answer.type, message: answer.message }, answer.type);
    }
  };
}

function findOperation(operation: string, serviceDeploymentApi: boolean): Operation | undefined {
  return OPERATIONS.get(operation) ?? (serviceDeploymentApi ? SERVICE_DEPLOYMENT_OPERATIONS.get(operation) : undefined);
}

function operationOf(request: IncomingMessage): string {
  const target = request.headers['x-amz-target'];
  if (typeof target !== 'string' || target === '') return '(none)';
  if (request.method !== 'POST' || !target.startsWith(TARGET_PREFIX)) return target;
  return target.slice(TARGET_PREFIX.length);
}

/** A bug in the stand-in: answered as ECS's own failure, with the cause for whoever reads the test log. */
function unexpected(error: unknown): EcsError {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return new EcsError('ServerException', `ECS stand-in failed: ${detail}`, 500);
}

function send(response: ServerResponse, status: number, body: Body, errorType?: string): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': JSON_TYPE,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': newRequestId(),
    ...(errorType === undefined ? {} : { 'x-amzn-errortype': errorType }),
  });
  response.end(text);
}

function sendBareServerError(response: ServerResponse): void {
  const text =
    '<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n' +
    '<p>The server encountered an internal error and was unable to complete your request.</p>\n';
  response.writeHead(500, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
