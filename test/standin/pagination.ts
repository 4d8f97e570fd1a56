import { invalidParameter } from './errors.js';

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/** Offset-based pages; the token is opaque to clients, as ECS's is. */
export function paginate<T>(all: readonly T[], size: number, nextToken: string | undefined): Page<T> {
  const start = nextToken === undefined ? 0 : decodeToken(nextToken);
  const items = all.slice(start, start + size);
  const end = start + items.length;
  return end < all.length ? { items, nextToken: Buffer.from(`offset:${end}`).toString('base64') } : { items };
}

function decodeToken(token: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
  if (!match?.[1]) throw invalidParameter('Invalid nextToken.');
  return Number(match[1]);
}

export function nextToken(token: string | undefined): { nextToken?: string } {
  return token === undefined ? {} : { nextToken: token };
}
