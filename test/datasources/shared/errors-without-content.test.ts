import { createAdapters } from '../../../src/datasources';
import { SourceFormat, SourceSpec } from '../../../src/datasources/adapter';
import { describeJsonError } from '../../../src/datasources/shared/json-text';
import { FakeServer, startFakeServer } from '../../support/fake-http';
import { testHttpClient } from '../../support/http-client';

/**
 * A partner (or an attacker with a PARTNER key) points a source at something that is not a feed: a
 * server answering with /etc/passwd, or broken JSON and CSV around it. The error stored on the Source
 * (`lastError`, readable by the partner's key) names the rule and the position, never the content.
 */
const SECRET = 'root:x:0:0:root:/root:/bin/bash';
const adapters = new Map(createAdapters({ fileRoots: [] }).map((a) => [a.format, a]));

const spec = (format: SourceFormat, url: string, options: Record<string, unknown> = {}): SourceSpec => ({
  id: 'src', partnerId: 'p', format, url, partnerTimezone: 'America/Chicago',
  window: { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2027-05-01T00:00:00Z') },
  validators: { etag: null, lastModified: null }, lastSuccessAt: null, options,
});

/** Each path the server answers, by the format whose source points at it. */
const BODIES: Record<string, { type: string; body: string }> = {
  '/passwd': { type: 'text/plain', body: `${SECRET}\n` },
  '/passwd.json': { type: 'application/json', body: `${SECRET}\n` },
  '/broken.json': { type: 'application/json', body: `{\n  "events": [\n    {"id": 1, "title": ${SECRET}}\n  ]\n}` },
  '/package/datapackage.json': { type: 'application/json', body: JSON.stringify({ resources: [{ name: 'services', path: 'services.csv' }] }) },
  '/package/services.csv': { type: 'text/csv', body: `id,name\n1,"Food pantry"\n2,${SECRET}"still"\n` },
};

describe('errors of every format name the rule and the position, never what was fetched', () => {
  let server: FakeServer;
  const http = testHttpClient({ retries: 0 });

  beforeAll(async () => {
    server = await startFakeServer((req, res) => {
      const answer = BODIES[req.url.pathname] ?? BODIES['/passwd'];
      res.writeHead(200, { 'content-type': answer.type }).end(answer.body);
    });
  });
  afterAll(() => server.close());

  async function failureOf(format: SourceFormat, path: string, options: Record<string, unknown> = {}): Promise<string> {
    const error = await adapters.get(format)!.pull(spec(format, `${server.url}${path}`, options), http).then(
      () => { throw new Error(`${format} ${path} was read`); },
      (failure: Error) => failure,
    );
    return error.message;
  }

  it.each([
    [SourceFormat.LIBCAL, '/passwd.json', { clientId: '42', clientSecret: 's', calendarId: '1' },
      'LibCal token response is not valid JSON: unexpected character at line 1, column 1.'],
    [SourceFormat.JSONLD, '/passwd.json', {}, 'The JSON-LD document is not valid JSON: unexpected character at line 1, column 1.'],
    [SourceFormat.JSONLD, '/broken.json', {}, 'The JSON-LD document is not valid JSON: unexpected character at line 3, column 24.'],
    [SourceFormat.HSDS, '/passwd.json', { mode: 'file' }, /is not valid JSON: unexpected character at line 1, column 1\.$/],
    [SourceFormat.HSDS, '/package/datapackage.json', {}, 'CSV table "services": invalid opening quote at line 3.'],
    [SourceFormat.ICALENDAR, '/passwd', {}, 'Not an iCalendar feed: line 1 is not BEGIN:VCALENDAR.'],
    [SourceFormat.GRAPHQL, '/passwd.json', {}, /the body is not JSON\.$/],
  ] as const)('%s at %s', async (format, path, options, expected) => {
    const message = await failureOf(format, path, options as Record<string, unknown>);
    if (typeof expected === 'string') expect(message).toBe(expected);
    else expect(message).toMatch(expected);
    for (const piece of ['root', '/bin/bash', 'still', 'Food']) expect(message).not.toContain(piece);
  });

  it('places a JSON error at its line and column, or says the text ends early or is empty', () => {
    expect(describeJsonError('{"a": tru}')).toBe('unexpected character at line 1, column 10');
    expect(describeJsonError('{\n  "a": 1,\n  "b": xyz\n}')).toBe('unexpected character at line 3, column 8');
    expect(describeJsonError('[1,2,]')).toBe('unexpected character at line 1, column 6');
    expect(describeJsonError('{"a":1}}')).toBe('unexpected character at line 1, column 8');
    expect(describeJsonError('{"a": "open')).toBe('it ends early, at line 1, column 12');
    expect(describeJsonError(' \n ')).toBe('it is empty');
  });
});
