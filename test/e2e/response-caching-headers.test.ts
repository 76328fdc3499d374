import { startTestServer, TestServer } from '../support/server';

// Apollo's cache-control plugin is off (it cost a quarter of the CPU of an events page); its one
// visible effect, the no-store header, must stay: answers can carry seat counts and private data.
describe('GraphQL response caching headers', () => {
  let server: TestServer;
  beforeAll(async () => { server = await startTestServer('sqlite', { demo: false }); });
  afterAll(() => server.close());

  it('marks POST answers no-store', async () => {
    const { status, headers } = await server.post({ query: '{ partners { slug } }' });
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
  });

  it('marks GET answers no-store', async () => {
    const query = encodeURIComponent('{ partners { slug } }');
    const response = await fetch(`${server.graphqlUrl}?query=${query}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('marks error answers no-store too', async () => {
    const { status, headers } = await server.post({ query: '{ event(id: "nope") { id } }' });
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
  });
});
