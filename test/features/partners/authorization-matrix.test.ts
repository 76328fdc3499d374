import { buildSchema as buildSdlSchema, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { seedDemo } from '../../../demo/seed';
import { ApiKeyRole, RegistrationMode } from '../../../src/domain/enums';
import { toGlobalId } from '../../../src/domain/global-id';
import { EventEntity } from '../../../src/model/event.entity';
import { PartnerEntity } from '../../../src/model/partner.entity';
import { buildSchemaOver } from '../../../src/compose-schema';
import { describeEachBackend } from '../../support/backends';
import { createTestGraph, GraphResult, TestGraph } from '../../support/graph';
import { MATRIX, MatrixFixture, Outcome, Role, ROLES, uncovered } from './authorization/matrix';

describe('the authorization matrix', () => {
  it('has a row for every mutation and every private field of the schema', async () => {
    expect(uncovered(await buildSchemaOver(), MATRIX)).toEqual([]);
  });

  it('notices a mutation or a private field without a row', () => {
    const query = new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } });
    const registration = new GraphQLObjectType({
      name: 'Registration',
      fields: { email: { type: GraphQLString, extensions: { private: true } }, name: { type: GraphQLString } },
    });
    const mutation = new GraphQLObjectType({ name: 'Mutation', fields: { register: { type: registration }, cancel: { type: GraphQLString } } });
    const schema = new GraphQLSchema({ query, mutation });
    expect(uncovered(schema, [])).toEqual(['Mutation.cancel', 'Mutation.register', 'Registration.email']);
    expect(uncovered(schema, [{ ...MATRIX[0], covers: ['Mutation.cancel', 'Registration.email'] }])).toEqual(['Mutation.register']);
    expect(uncovered(buildSdlSchema('type Query { a: Int }'), [])).toEqual([]);
  });
});

function outcomeOf(result: GraphResult, privatePath?: (string | number)[]): Outcome {
  if (result.errors?.length) return result.errors[0].extensions?.code as Outcome;
  if (privatePath) {
    const value = privatePath.reduce<any>((at, key) => (at == null ? at : at[key]), result.data);
    if (value == null || value === 0 || (Array.isArray(value) && value.length === 0)) return 'hidden';
  }
  return 'allowed';
}

describeEachBackend('authorization by role', (backend) => {
  let graph: TestGraph;
  let fixture: MatrixFixture;
  const headers: Partial<Record<Role, { authorization?: string }>> = { PUBLIC: {} };

  beforeAll(async () => {
    graph = await createTestGraph(backend);
    await seedDemo(graph.db);
    const partners = graph.db.getRepository(PartnerEntity);
    const owner = await partners.findOneByOrFail({ slug: 'millbrook-library' });
    const other = await partners.findOneByOrFail({ slug: 'millbrook-schools' });
    const event = await graph.db.getRepository(EventEntity).findOneByOrFail({ partnerId: owner.id, registrationMode: RegistrationMode.NATIVE });
    fixture = { ownerPartnerId: toGlobalId('Partner', owner.id), otherPartnerId: toGlobalId('Partner', other.id), ownerEventId: toGlobalId('Event', event.id) };
    const key = async (role: ApiKeyRole, partnerId: string | null) =>
      ({ authorization: `Bearer ${(await graph.services.apiKeys.create({ role, partnerId, label: 'matrix' })).secret}` });
    headers.OWNER = await key(ApiKeyRole.PARTNER, owner.id);
    headers.OTHER_PARTNER = await key(ApiKeyRole.PARTNER, other.id);
    headers.ADMIN = await key(ApiKeyRole.ADMIN, null);
  });
  afterAll(() => graph.close());

  describe.each(MATRIX)('$name', (row) => {
    it.each(ROLES)('as %s', async (role) => {
      const variables = await row.variables(fixture, { services: graph.services, db: graph.db });
      const result = await graph.execute(row.document, variables, headers[role]);
      expect(outcomeOf(result, row.privatePath)).toBe(row.expect[role]);
    });
  });
});
