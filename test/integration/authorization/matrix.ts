import { GraphQLSchema, isObjectType } from 'graphql';
import { DataSource } from 'typeorm';
import type { Services } from '../../../src/services';
import { isPrivateField } from '../../../src/schema/private-field';

/** Who asks: no key, a PARTNER key of another partner, the owning partner's key, an ADMIN key. */
export type Role = 'PUBLIC' | 'OTHER_PARTNER' | 'OWNER' | 'ADMIN';
export const ROLES: Role[] = ['PUBLIC', 'OTHER_PARTNER', 'OWNER', 'ADMIN'];

/**
 * What a role gets: `allowed` (data, no error), an error code (UNAUTHENTICATED, FORBIDDEN, …), or
 * `hidden` (no error, but the private field is null/empty for this role).
 */
export type Outcome = 'allowed' | 'hidden' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

/** Ids the rows may use: the owner is the demo library, the other partner the school district. */
export interface MatrixFixture {
  ownerPartnerId: string;
  otherPartnerId: string;
  /** A NATIVE-registration event of the owner. */
  ownerEventId: string;
}

/** What a row's variables builder may use to prepare data: the real services and database. */
export interface MatrixSetup {
  services: Services;
  db: DataSource;
}

export interface MatrixRow {
  name: string;
  /** `Mutation.<field>` and `<Type>.<field>` (private fields) this row exercises. */
  covers: string[];
  document: string;
  /**
   * Builds the variables for one role's attempt. Rows run PUBLIC, OTHER_PARTNER, OWNER, ADMIN on one
   * database, so a mutating row creates here what it consumes (a fresh source, a fresh registration).
   */
  variables: (fixture: MatrixFixture, setup: MatrixSetup) => Record<string, unknown> | Promise<Record<string, unknown>>;
  expect: Record<Role, Outcome>;
  /** For `hidden`: where the private value sits in `data` (path of keys). */
  privatePath?: (string | number)[];
}

/**
 * THE authorization matrix. Every mutation and every field marked @PrivateField() must appear in
 * `covers` of at least one row, or the completeness test fails: a feature that adds a mutation or a
 * private field adds its rows here.
 */
export const MATRIX: MatrixRow[] = [
  {
    name: 'public catalog reads (events, partners, locations, live counts)',
    covers: [],
    document: 'query($id: ID!) { partner(id: $id) { name locations { name } events(first: 2) { edges { node { title registration { confirmed remaining } } } } } }',
    variables: (f) => ({ id: f.ownerPartnerId }),
    expect: { PUBLIC: 'allowed', OTHER_PARTNER: 'allowed', OWNER: 'allowed', ADMIN: 'allowed' },
  },
  {
    name: 'refetching an event by global id',
    covers: [],
    document: 'query($id: ID!) { node(id: $id) { id ... on Event { title } } }',
    variables: (f) => ({ id: f.ownerEventId }),
    expect: { PUBLIC: 'allowed', OTHER_PARTNER: 'allowed', OWNER: 'allowed', ADMIN: 'allowed' },
  },
  {
    name: 'setting the origins allowed to embed a partner',
    covers: ['Mutation.setPartnerAllowedOrigins'],
    document: 'mutation($id: ID!, $origins: [String!]!) { setPartnerAllowedOrigins(partnerId: $id, origins: $origins) { allowedOrigins } }',
    variables: (f) => ({ id: f.ownerPartnerId, origins: ['https://library.millbrook.example'] }),
    expect: { PUBLIC: 'UNAUTHENTICATED', OTHER_PARTNER: 'FORBIDDEN', OWNER: 'allowed', ADMIN: 'allowed' },
  },
];

/** Mutations and private fields of the schema that no row covers. */
export function uncovered(schema: GraphQLSchema, rows: MatrixRow[]): string[] {
  const covered = new Set(rows.flatMap((row) => row.covers));
  const required: string[] = Object.keys(schema.getMutationType()?.getFields() ?? {}).map((name) => `Mutation.${name}`);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (isPrivateField(field.extensions as Record<string, unknown>)) required.push(`${type.name}.${field.name}`);
    }
  }
  return required.filter((name) => !covered.has(name)).sort();
}
