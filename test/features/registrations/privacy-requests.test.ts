import { ApiKeyRole } from '../../../src/domain/enums';
import { MailOutboxEntity } from '../../../src/model/mail-outbox.entity';
import { RegistrationEntity } from '../../../src/model/registration.entity';
import { describeEachBackend } from '../../support/backends';
import { createTestGraph, TestGraph } from '../../support/graph';
import { createPartner, insertNativeEvent, REGISTER, storedCounts } from '../../support/native-event';

const DATA = `query($email: String!) {
  registrantData(email: $email) { name email status partySize attended createdAt event { id title } }
}`;
const ERASE = 'mutation($email: String!) { eraseRegistrant(email: $email) }';

/** Privacy requests by email: what is held about a person, and its erasure, within what the key covers. */
describeEachBackend('privacy requests by email', (backend) => {
  let graph: TestGraph;
  let library: Awaited<ReturnType<typeof createPartner>>;
  let museum: Awaited<ReturnType<typeof createPartner>>;
  let admin: string;
  let libraryEvent: { id: string; globalId: string };
  let museumEvent: { id: string; globalId: string };

  const register = async (eventId: string, name: string, email: string, partySize = 1) => {
    const result = await graph.execute(REGISTER, { input: { eventId, name, email, partySize } });
    expect(result.data!.register.__typename).toBe('RegistrationTicket');
  };

  beforeAll(async () => {
    graph = await createTestGraph(backend);
    library = await createPartner(graph.db, 'privacy-library');
    museum = await createPartner(graph.db, 'privacy-museum');
    admin = `Bearer ${(await graph.services.apiKeys.create({ role: ApiKeyRole.ADMIN, partnerId: null, label: 'privacy' })).secret}`;
    libraryEvent = await insertNativeEvent(graph.db, library.partner.id, { title: 'Story Time' });
    museumEvent = await insertNativeEvent(graph.db, museum.partner.id, { title: 'Fossil Tour' });
    await register(libraryEvent.globalId, 'Pat Doe', 'Pat.Doe@example.org', 3);
    await register(museumEvent.globalId, 'Pat Doe', 'pat.doe@example.org');
    await register(libraryEvent.globalId, 'Sam Roe', 'sam@example.org');
  });
  afterAll(() => graph.close());

  it('shows an ADMIN key every partner\'s registrations under the address (any case), and a PARTNER key its own events\' only', async () => {
    const all = await graph.execute(DATA, { email: ' PAT.DOE@example.org ' }, { authorization: admin });
    expect(all.errors).toBeUndefined();
    expect(all.data!.registrantData).toEqual([
      { name: 'Pat Doe', email: 'pat.doe@example.org', status: 'CONFIRMED', partySize: 3, attended: false, createdAt: expect.any(String), event: { id: libraryEvent.globalId, title: 'Story Time' } },
      { name: 'Pat Doe', email: 'pat.doe@example.org', status: 'CONFIRMED', partySize: 1, attended: false, createdAt: expect.any(String), event: { id: museumEvent.globalId, title: 'Fossil Tour' } },
    ]);
    const own = await graph.execute(DATA, { email: 'pat.doe@example.org' }, { authorization: museum.key });
    expect(own.data!.registrantData.map((r: any) => r.event.title)).toEqual(['Fossil Tour']);
    expect((await graph.execute(DATA, { email: 'nobody@example.org' }, { authorization: admin })).data!.registrantData).toEqual([]);
  });

  it('refuses the public before anything, and an address that cannot be one with BAD_USER_INPUT naming it', async () => {
    for (const query of [DATA, ERASE]) {
      const anonymous = await graph.execute(query, { email: 'pat.doe@example.org' });
      expect(anonymous.errors!.map((e) => e.extensions!.code)).toEqual(['UNAUTHENTICATED']);
      expect(JSON.stringify(anonymous)).not.toContain('Pat Doe');
      const bad = await graph.execute(query, { email: 'not an address' }, { authorization: admin });
      expect(bad.errors!.map((e) => [e.extensions!.code, e.extensions!.argument])).toEqual([['BAD_USER_INPUT', 'email']]);
    }
  });

  it('erases within the key\'s partner only, cancels nothing, keeps every count, and erases the mail\'s address', async () => {
    const before = await storedCounts(graph.db, libraryEvent.id);
    const libraryRow = await graph.db.getRepository(RegistrationEntity).findOneByOrFail({ eventId: libraryEvent.id, email: 'pat.doe@example.org' });

    const erased = await graph.execute(ERASE, { email: 'pat.doe@example.org' }, { authorization: library.key });
    expect(erased).toEqual({ data: { eraseRegistrant: 1 } });
    const row = await graph.db.getRepository(RegistrationEntity).findOneByOrFail({ id: libraryRow.id });
    expect(row).toMatchObject({ name: '', email: '', status: 'CONFIRMED', partySize: 3, attended: false });
    expect(row.erasedAt).toBeInstanceOf(Date);
    expect(await storedCounts(graph.db, libraryEvent.id)).toEqual(before);
    const mail = await graph.db.getRepository(MailOutboxEntity).findOneByOrFail({ idempotencyKey: `confirmation:${libraryRow.id}` });
    expect(mail).toMatchObject({ to: '', context: null });
    // The other registrant of the event, and the museum's registration of the same person, are untouched.
    expect((await graph.db.getRepository(RegistrationEntity).findOneByOrFail({ eventId: libraryEvent.id, name: 'Sam Roe' })).email).toBe('sam@example.org');
    expect((await graph.execute(DATA, { email: 'pat.doe@example.org' }, { authorization: admin })).data!.registrantData.map((r: any) => r.event.title)).toEqual(['Fossil Tour']);

    expect((await graph.execute(ERASE, { email: 'pat.doe@example.org' }, { authorization: library.key })).data!.eraseRegistrant).toBe(0);
    expect((await graph.execute(ERASE, { email: 'pat.doe@example.org' }, { authorization: admin })).data!.eraseRegistrant).toBe(1);
    expect((await graph.execute(DATA, { email: 'pat.doe@example.org' }, { authorization: admin })).data!.registrantData).toEqual([]);
  });
});
