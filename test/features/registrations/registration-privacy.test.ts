import { getNamedType, GraphQLObjectType, isObjectType } from 'graphql';
import { buildSchemaOver } from '../../../src/compose-schema';
import { describeEachBackend } from '../../support/backends';
import { createTestGraph, TestGraph } from '../../support/graph';
import { createPartner, insertNativeEvent } from '../../support/native-event';

/** Every field whose type is Registration: the only doors to a registration. A new one must be added here, and tested below. */
const DOORS = ['CancelPayload.registration', 'Event.registrations', 'Mutation.checkIn', 'Mutation.claimInvitation', 'Query.registrantData', 'RegistrationTicket.registration'];

const PRIVATE_NAME = 'Private Person';
const PRIVATE_EMAIL = 'private.person@example.org';
/** Who a party brings is personal too (a baby, a teen): the makeup's one category must never show either. */
const PRIVATE_CATEGORY = 'babies';

describe('the schema', () => {
  it('reaches Registration only through the known fields, and Registration is not a Node', async () => {
    const schema = await buildSchemaOver();
    const doors: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values((type as GraphQLObjectType).getFields())) {
        if (getNamedType(field.type).name === 'Registration') doors.push(`${type.name}.${field.name}`);
      }
    }
    expect(doors.sort()).toEqual(DOORS);
    expect(schema.getPossibleTypes(schema.getType('Node') as never).map((t) => t.name)).not.toContain('Registration');
  });

  it('gives the holder of a cancel code (myRegistration) a type with no personal field: a new field must be reviewed here', async () => {
    const schema = await buildSchemaOver();
    const fields = Object.keys((schema.getType('MyRegistration') as GraphQLObjectType).getFields()).sort();
    expect(fields).toEqual(['canCancel', 'event', 'id', 'invitedUntil', 'party', 'partySize', 'registeredAt', 'status', 'waitlistPosition']);
  });
});

describeEachBackend('registrants\' personal data', (backend) => {
  let graph: TestGraph;
  let owner: Awaited<ReturnType<typeof createPartner>>;
  let other: Awaited<ReturnType<typeof createPartner>>;
  let eventId: string;
  let ticket: { cancelToken: string; registration: { id: string } };

  beforeAll(async () => {
    graph = await createTestGraph(backend);
    owner = await createPartner(graph.db);
    other = await createPartner(graph.db);
    eventId = (await insertNativeEvent(graph.db, owner.partner.id)).globalId;
    const result = await graph.execute(
      'mutation($input: RegisterInput!) { register(input: $input) { ... on RegistrationTicket { cancelToken registration { id } } } }',
      { input: { eventId, name: PRIVATE_NAME, email: PRIVATE_EMAIL, party: [{ category: PRIVATE_CATEGORY, count: 1 }] } },
    );
    ticket = result.data!.register;
  });
  afterAll(() => graph.close());

  const PERSON = 'id status name email party { category count }';
  /** Every door, reached from every public root that leads to it. */
  const paths = () => [
    [`{ event(id: "${eventId}") { registrations { ${PERSON} } } }`, 'Event.registrations'],
    [`{ events(filter: { partnerIds: ["${owner.globalId}"] }) { edges { node { registrations { ${PERSON} } } } } }`, 'Event.registrations'],
    [`{ partner(id: "${owner.globalId}") { events { edges { node { registrations { ${PERSON} } } } } } }`, 'Event.registrations'],
    [`{ node(id: "${eventId}") { ... on Event { registrations { ${PERSON} } } } }`, 'Event.registrations'],
    [`{ node(id: "${ticket.registration.id}") { id } }`, 'Query.node'],
    [`mutation { register(input: { eventId: "${eventId}", name: "X", email: "${PRIVATE_EMAIL}" }) { ... on RegistrationTicket { registration { ${PERSON} } } ... on RegistrationRejected { code } } }`, 'RegistrationTicket.registration'],
    [`mutation { register(input: { eventId: "${eventId}", name: "Y", email: "y-${Math.random()}@example.org" }) { ... on RegistrationTicket { registration { ${PERSON} event { registrations { ${PERSON} } } } } } }`, 'RegistrationTicket.registration'],
    [`mutation { cancelRegistration(input: { registrationId: "${ticket.registration.id}", cancelToken: "wrong" }) { registration { ${PERSON} } } }`, 'CancelPayload.registration'],
    [`mutation { checkIn(registrationId: "${ticket.registration.id}") { ${PERSON} } }`, 'Mutation.checkIn'],
    [`mutation { claimInvitation(input: { registrationId: "${ticket.registration.id}", cancelToken: "wrong" }) { ${PERSON} } }`, 'Mutation.claimInvitation'],
    [`{ registrantData(email: "${PRIVATE_EMAIL.toUpperCase()}") { ${PERSON} event { title } } }`, 'Query.registrantData'],
  ] as const;

  it.each([['the public', undefined], ['another partner', 'other']] as const)('are never shown to %s, by any path', async (_who, as) => {
    const covered = new Set<string>();
    for (const [query, door] of paths()) {
      covered.add(door);
      const result = await graph.execute(query, {}, as ? { authorization: other.key } : {});
      const text = JSON.stringify(result.data ?? null);
      expect(text).not.toContain(PRIVATE_NAME);
      expect(text).not.toContain(PRIVATE_EMAIL);
      expect(text).not.toContain('example.org');
      expect(text).not.toContain(PRIVATE_CATEGORY);
      for (const error of result.errors ?? []) {
        expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(error.extensions!.code);
        expect(error.message).not.toContain(PRIVATE_EMAIL);
      }
    }
    expect([...covered].filter((door) => DOORS.includes(door)).sort()).toEqual(DOORS);
  });

  it('are shown to the event\'s own partner', async () => {
    const result = await graph.execute(`{ event(id: "${eventId}") { registrations { name email party { category count } } } }`, {}, { authorization: owner.key });
    expect(result.data!.event.registrations).toContainEqual({ name: PRIVATE_NAME, email: PRIVATE_EMAIL, party: [{ category: PRIVATE_CATEGORY, count: 1 }] });
    const request = await graph.execute(`{ registrantData(email: "${PRIVATE_EMAIL}") { name email } }`, {}, { authorization: owner.key });
    expect(request.data!.registrantData).toContainEqual({ name: PRIVATE_NAME, email: PRIVATE_EMAIL });
  });
});
