import { randomBytes, randomInt, randomUUID } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function digits(count: number): string {
  let text = String(randomInt(1, 10));
  while (text.length < count) text += String(randomInt(0, 10));
  return text;
}

export const newDeploymentId = (): string => `ecs-svc/${digits(19)}`;
export const newTaskId = (): string => randomBytes(16).toString('hex');
export const newEventId = (): string => randomUUID();
export const newRequestId = (): string => randomUUID();
export const newContainerId = (): string => randomUUID();
export const newServiceRevisionId = (): string => digits(19);

export function newServiceDeploymentId(): string {
  let text = '';
  for (let i = 0; i < 21; i++) text += ALPHANUMERIC[randomInt(0, ALPHANUMERIC.length)];
  return text;
}
