// ECS refuses a RegisterTaskDefinition request larger than 64 KiB; checked on the rendered document so that
// nothing is built, pushed or registered for a definition that cannot be registered.
import { InputError } from '../errors.js';
import type { TaskDefinitionDocument } from './types.js';

export const REGISTER_REQUEST_LIMIT_BYTES = 64 * 1024;

/** Size in bytes of the RegisterTaskDefinition request JSON for the document (the definition and its tags). */
export function registerRequestBytes(doc: TaskDefinitionDocument): number {
  const request = { ...doc.taskDefinition, ...(doc.tags.length > 0 ? { tags: doc.tags } : {}) };
  return new TextEncoder().encode(JSON.stringify(request)).length;
}

export function checkRegisterRequestSize(doc: TaskDefinitionDocument): void {
  const bytes = registerRequestBytes(doc);
  if (bytes <= REGISTER_REQUEST_LIMIT_BYTES) return;
  throw new InputError(
    `task-definition: the rendered task definition is ${bytes} bytes as a RegisterTaskDefinition request, over ECS's limit of ${REGISTER_REQUEST_LIMIT_BYTES} bytes (64 KiB): move large environment values to secrets or environmentFiles, or split the containers into several task definitions`,
  );
}
