// Typed reads of a JSON request body; a member of the wrong type is answered the way ECS answers it.
import { EcsError, invalidParameter } from './errors.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Body = { [key: string]: Json };

export function parseBody(text: string): Body {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new EcsError('SerializationException', 'Request body is not valid JSON.');
  }
  if (!isBody(value)) throw new EcsError('SerializationException', 'Request body must be a JSON object.');
  return value;
}

export function isBody(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function optionalString(body: Body, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidParameter(`${key} must be a string.`);
  return value;
}

export function requiredString(body: Body, key: string): string {
  const value = optionalString(body, key);
  if (value === undefined || value === '') throw invalidParameter(`${key} is required.`);
  return value;
}

export function optionalNumber(body: Body, key: string): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidParameter(`${key} must be a number.`);
  return value;
}

export function optionalBoolean(body: Body, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw invalidParameter(`${key} must be a boolean.`);
  return value;
}

export function optionalStringList(body: Body, key: string): string[] | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) {
    throw invalidParameter(`${key} must be a list of strings.`);
  }
  return value;
}

export function optionalObject(body: Body, key: string): Body | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (!isBody(value)) throw invalidParameter(`${key} must be an object.`);
  return value;
}

export function optionalObjectList(body: Body, key: string): Body[] | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every(isBody)) throw invalidParameter(`${key} must be a list of objects.`);
  return value;
}

/** `maxResults` within ECS's bounds for the operation. */
export function pageSize(body: Body, fallback: number, max: number): number {
  const value = optionalNumber(body, 'maxResults');
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw invalidParameter(`maxResults must be between 1 and ${max}.`);
  }
  return value;
}

export function includesTags(body: Body): boolean {
  return optionalStringList(body, 'include')?.includes('TAGS') ?? false;
}

/** Drops nulls everywhere, as the SDK does on the way in. */
export function withoutNulls(value: Json): Json {
  if (Array.isArray(value)) return value.filter((item) => item !== null).map(withoutNulls);
  if (isBody(value)) {
    const copy: Body = {};
    for (const [key, item] of Object.entries(value)) if (item !== null) copy[key] = withoutNulls(item);
    return copy;
  }
  return value;
}
