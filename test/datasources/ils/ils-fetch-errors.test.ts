import { fetchAvailability } from '../../../src/datasources/ils/ils.source';
import { IlsResponseError } from '../../../src/datasources/ils/ils-item';
import { FeedServer } from '../../support/feed-server';
import { testHttpClient } from '../../support/http-client';

/** How an ILS that answers oddly over real HTTP reads to the availability service. */
describe('fetching availability from an ILS that answers oddly', () => {
  let ils: FeedServer;
  const http = testHttpClient();
  beforeAll(async () => {
    ils = await new FeedServer()
      .set('/ilsdi-empty', { kind: 'status', status: 204 })
      .set('/ilsdi-gone', { kind: 'status', status: 410, body: 'gone' })
      .set('/rtac-empty', { kind: 'status', status: 204 })
      .set('/rtac-forbidden', { kind: 'status', status: 403, body: '{"errors":[{"message":"forbidden"}]}', contentType: 'application/json' })
      .set('/rtac', { kind: 'feed', body: JSON.stringify({ holdings: [{ instanceId: 'a', holdings: [{ id: 'x', status: 'Available' }] }] }), contentType: 'application/json' })
      .start();
  });
  afterAll(() => ils.close());

  it('reads an ILS-DI answer other than 200 as the ILS answering HTTP <status>', async () => {
    await expect(fetchAvailability(http, { partnerId: 'p', protocol: 'ILSDI', url: `${ils.url}/ilsdi-empty` }, ['1'])).rejects.toThrow(new IlsResponseError('ILS-DI answered HTTP 204'));
    await expect(fetchAvailability(http, { partnerId: 'p', protocol: 'ILSDI', url: `${ils.url}/ilsdi-gone` }, ['1'])).rejects.toThrow(new IlsResponseError('ILS-DI answered HTTP 410'));
  });

  it('reads an RTAC answer other than 200 as the ILS answering HTTP <status>', async () => {
    await expect(fetchAvailability(http, { partnerId: 'p', protocol: 'RTAC', url: `${ils.url}/rtac-empty` }, ['a'])).rejects.toThrow(new IlsResponseError('RTAC answered HTTP 204'));
    await expect(fetchAvailability(http, { partnerId: 'p', protocol: 'RTAC', url: `${ils.url}/rtac-forbidden` }, ['a'])).rejects.toThrow(new IlsResponseError('RTAC answered HTTP 403'));
  });

  it('answers every id asked for, with no copies for ids the ILS did not mention', async () => {
    const answer = await fetchAvailability(http, { partnerId: 'p', protocol: 'RTAC', url: `${ils.url}/rtac` }, ['a', 'b']);
    expect(answer.get('a')!.map((i) => [i.itemId, i.status])).toEqual([['x', 'AVAILABLE']]);
    expect(answer.get('b')).toEqual([]);
  });

  it('passes a network failure on as it is, not as an ILS answer', async () => {
    const closed = await new FeedServer().start();
    const url = closed.url;
    await closed.close();
    const failure = await fetchAvailability(http, { partnerId: 'p', protocol: 'ILSDI', url: `${url}/ilsdi.pl` }, ['1']).catch((e: unknown) => e);
    expect(failure).not.toBeInstanceOf(IlsResponseError);
    expect(String(failure)).toMatch(/Network error fetching http:\/\/127\.0\.0\.1:\d+\/ilsdi\.pl/);
  });
});
