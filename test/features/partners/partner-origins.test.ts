import { seedDemo } from '../../../demo/seed';
import { ApiKeyRole } from '../../../src/domain/enums';
import { toGlobalId } from '../../../src/domain/global-id';
import { PartnerEntity } from '../../../src/model/partner.entity';
import { describeEachBackend } from '../../support/backends';
import { createTestGraph, TestGraph } from '../../support/graph';

const SET = `mutation ($partnerId: ID!, $origins: [String!]!) {
  setPartnerAllowedOrigins(partnerId: $partnerId, origins: $origins) { slug allowedOrigins } }`;

describeEachBackend('setPartnerAllowedOrigins', (backend) => {
  let graph: TestGraph;
  let museum: PartnerEntity;
  let library: PartnerEntity;
  let museumKey: string;

  beforeAll(async () => {
    graph = await createTestGraph(backend);
    await seedDemo(graph.db);
    const partners = graph.db.getRepository(PartnerEntity);
    museum = await partners.findOneByOrFail({ slug: 'millbrook-museum' });
    library = await partners.findOneByOrFail({ slug: 'millbrook-library' });
    museumKey = (await graph.services.apiKeys.create({ role: ApiKeyRole.PARTNER, partnerId: museum.id, label: 'museum web' })).secret;
  });
  afterAll(() => graph.close());

  const stored = async (id: string) => (await graph.db.getRepository(PartnerEntity).findOneByOrFail({ id })).allowedOrigins;

  it('lets a partner\'s own key set its origins, normalized and de-duplicated, and shows them on Partner', async () => {
    const result = await graph.execute(SET, { partnerId: toGlobalId('Partner', museum.id), origins: ['https://museum.millbrook.example/', ' https://museum.millbrook.example', 'http://localhost:8080'] }, { authorization: `Bearer ${museumKey}` });
    expect(result.errors).toBeUndefined();
    expect(result.data!.setPartnerAllowedOrigins).toEqual({ slug: 'millbrook-museum', allowedOrigins: ['https://museum.millbrook.example', 'http://localhost:8080'] });
    expect(await stored(museum.id)).toEqual(['https://museum.millbrook.example', 'http://localhost:8080']);
    const read = await graph.execute('{ partner(slug: "millbrook-museum") { allowedOrigins } }');
    expect(read.data!.partner.allowedOrigins).toEqual(['https://museum.millbrook.example', 'http://localhost:8080']);
  });

  it('refuses the public and other partners\' keys, changing nothing', async () => {
    const anonymous = await graph.execute(SET, { partnerId: toGlobalId('Partner', library.id), origins: ['https://x.example'] });
    expect(anonymous.errors![0]).toMatchObject({ message: 'Setting a partner\'s allowed origins needs an API key (Authorization: Bearer <key>).', extensions: { code: 'UNAUTHENTICATED' } });
    const other = await graph.execute(SET, { partnerId: toGlobalId('Partner', library.id), origins: ['https://x.example'] }, { authorization: `Bearer ${museumKey}` });
    expect(other.errors![0]).toMatchObject({ message: 'Setting a partner\'s allowed origins needs this partner\'s API key or an ADMIN key.', extensions: { code: 'FORBIDDEN' } });
    expect(await stored(library.id)).toEqual([]);
  });

  it('refuses a value that is not a bare origin, naming it, and keeps the stored list', async () => {
    const before = await stored(museum.id);
    const result = await graph.execute(SET, { partnerId: toGlobalId('Partner', museum.id), origins: ['https://ok.example', "https://a.example; script-src 'unsafe-inline'"] }, { authorization: `Bearer ${museumKey}` });
    expect(result.errors![0]).toMatchObject({
      message: 'Invalid value for argument "origins": "https://a.example; script-src \'unsafe-inline\'". Expected web origins such as https://partner.example (scheme, host, optional port; no path).',
      extensions: { code: 'BAD_USER_INPUT', argument: 'origins' },
    });
    expect(await stored(museum.id)).toEqual(before);
  });

  it.each(['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd'])('refuses the non-web origin %j with BAD_USER_INPUT', async (origin) => {
    const before = await stored(museum.id);
    const result = await graph.execute(SET, { partnerId: toGlobalId('Partner', museum.id), origins: [origin] }, { authorization: `Bearer ${museumKey}` });
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'origins' });
    expect(await stored(museum.id)).toEqual(before);
  });
});
