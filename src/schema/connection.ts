import { InvalidArgumentError } from '../domain/errors';

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** A Relay connection page; the total is computed only when a client selects totalCount. */
export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  countTotal: () => Promise<number>;
}

export const DEFAULT_PAGE_SIZE = 20;

export function checkPageSize(first: number | null | undefined, max: number): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > max) {
    throw new InvalidArgumentError('first', first, `an integer from 0 to ${max}`);
  }
  return size;
}

/** Builds the page from `size + 1` fetched rows: the extra row only proves there is a next page. */
export function toConnection<T>(
  rows: T[], size: number, cursorOf: (row: T) => string, countTotal: () => Promise<number>, hasPreviousPage: boolean,
): Connection<T> {
  const page = rows.slice(0, size);
  const edges = page.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    countTotal,
  };
}
