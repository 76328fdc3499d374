import fs from 'node:fs';
import { HoldingStatus, normalizeHoldingStatus } from '../../../src/datasources/shared/catalog-item';
import { ilsEndpointFromSource, IlsResponseError } from '../../../src/datasources/ils/ils-item';
import { parseIlsDiAvailability } from '../../../src/datasources/ils/ilsdi.parse';
import { parseRtacBatch } from '../../../src/datasources/ils/rtac.parse';
import { corpusFile } from '../../support/corpus';
import { describeNeeding, needsCorpus } from '../../support/needs';

describe('ILS availability answers', () => {
  it('reads a Koha ILS-DI GetAvailability answer: items per bib id, status from availabilitymsg', () => {
    const xml = `<?xml version="1.0"?><dlf:collections xmlns:dlf="http://diglib.org/ilsdi/1.1"><dlf:collection>
      <dlf:record><dlf:bibliographic id="12"/><dlf:items>
        <dlf:item id="101"><dlf:simpleavailability><dlf:identifier>101</dlf:identifier><dlf:availabilitystatus>available</dlf:availabilitystatus><dlf:location>Central</dlf:location></dlf:simpleavailability></dlf:item>
        <dlf:item id="102"><dlf:simpleavailability><dlf:identifier>102</dlf:identifier><dlf:availabilitystatus>not available</dlf:availabilitystatus><dlf:availabilitymsg>Checked out, due 2026-12-24</dlf:availabilitymsg></dlf:simpleavailability></dlf:item>
        <dlf:item id="103"><dlf:simpleavailability><dlf:availabilitystatus>not available</dlf:availabilitystatus><dlf:availabilitymsg>Not for loan</dlf:availabilitymsg></dlf:simpleavailability></dlf:item>
      </dlf:items></dlf:record>
      <dlf:record><dlf:bibliographic id="13"/><dlf:items/></dlf:record>
    </dlf:collection></dlf:collections>`;
    const parsed = parseIlsDiAvailability(xml);
    expect(parsed.get('12')!.map((i) => [i.itemId, i.status, i.rawStatus, i.dueDate, i.location])).toEqual([
      ['101', 'AVAILABLE', 'available', null, 'Central'],
      ['102', 'CHECKED_OUT', 'Checked out, due 2026-12-24', '2026-12-24', null],
      ['103', 'NOT_FOR_LOAN', 'Not for loan', null, null],
    ]);
    expect(parsed.get('13')).toEqual([]);
    expect(() => parseIlsDiAvailability('<html><body>Service unavailable</body></html>')).toThrow(new IlsResponseError('not an ILS-DI GetAvailability answer (expected dlf:collections)'));
  });

  it('reads a FOLIO RTAC batch answer and rejects what is not one', () => {
    const parsed = parseRtacBatch(JSON.stringify({ holdings: [{ instanceId: 'i1', holdings: [
      { id: 'a', location: 'Annex', callNumber: 'FIC', status: 'Checked out', dueDate: '2017-10-17T08:43:15.000+0000', totalHoldRequests: 2 },
      { id: 'b', location: 'Annex', callNumber: 'FIC', status: 'Aged to lost' },
    ] }] }));
    expect(parsed.get('i1')!.map((i) => [i.itemId, i.status, i.dueDate, i.holds])).toEqual([
      ['a', 'CHECKED_OUT', '2017-10-17T08:43:15.000Z', 2], ['b', 'LOST', null, null],
    ]);
    expect(() => parseRtacBatch('<xml/>')).toThrow('RTAC answer is not JSON');
    expect(() => parseRtacBatch('{"errors":[]}')).toThrow('not an RTAC batch answer (expected { holdings: [...] })');
  });

  it('normalizes the status words of Koha, Evergreen and FOLIO', () => {
    const cases: [string, HoldingStatus][] = [
      ['Available', HoldingStatus.AVAILABLE], ['Checked out', HoldingStatus.CHECKED_OUT], ['On loan', HoldingStatus.CHECKED_OUT],
      ['In transit', HoldingStatus.IN_TRANSIT], ['Awaiting pickup', HoldingStatus.ON_HOLD], ['On holds shelf', HoldingStatus.ON_HOLD],
      ['Paged', HoldingStatus.ON_HOLD], ['Not for loan', HoldingStatus.NOT_FOR_LOAN], ['Reference', HoldingStatus.NOT_FOR_LOAN],
      ['Declared lost', HoldingStatus.LOST], ['Aged to lost', HoldingStatus.LOST], ['Missing', HoldingStatus.MISSING],
      ['On order', HoldingStatus.ON_ORDER], ['In process', HoldingStatus.ON_ORDER], ['Withdrawn', HoldingStatus.NOT_FOR_LOAN],
      ['Unavailable', HoldingStatus.UNKNOWN], ['', HoldingStatus.UNKNOWN],
    ];
    expect(cases.map(([raw]) => [raw, normalizeHoldingStatus(raw)])).toEqual(cases);
  });
});

describeNeeding(needsCorpus(), 'FOLIO holdings corpus', () => {
  it('maps the real FOLIO item statuses of every corpus item, as an RTAC answer built from instance → holdings → items', () => {
    const read = (name: string) => JSON.parse(fs.readFileSync(corpusFile('holdings', name), 'utf8'));
    const files = fs.readdirSync(corpusFile('holdings'));
    const instances = files.filter((f) => f.startsWith('folio_instance_')).map(read);
    const holdingsRecords = files.filter((f) => f.startsWith('folio_holdings_')).map(read);
    const items = files.filter((f) => f.startsWith('folio_item_')).map(read);
    const answer = {
      holdings: instances.map((instance) => ({
        instanceId: instance.id,
        holdings: holdingsRecords.filter((h) => h.instanceId === instance.id).flatMap((h) => items.filter((i) => i.holdingsRecordId === h.id).map((i) => ({
          id: i.id, barcode: i.barcode, location: h.permanentLocationId, callNumber: h.callNumber ?? '', status: i.status.name,
        }))),
      })),
    };
    const parsed = parseRtacBatch(JSON.stringify(answer));
    const all = [...parsed.values()].flat();
    expect(all).toHaveLength(items.length);
    expect(all.every((i) => i.status !== HoldingStatus.UNKNOWN)).toBe(true);
    const bridget = instances.find((i) => /Bridget Jones/i.test(i.title));
    expect(parsed.get(bridget.id)!.map((i) => i.status).sort()).toEqual(['AVAILABLE', 'AVAILABLE', 'CHECKED_OUT']);
  });
});

describe('ILS_AVAILABILITY sources', () => {
  it('become endpoints: ILS-DI by default, RTAC when asked, anything else refused', () => {
    expect(ilsEndpointFromSource({ partnerId: 'p', url: 'https://koha.example/cgi-bin/koha/ilsdi.pl', options: {} })).toEqual({ partnerId: 'p', protocol: 'ILSDI', url: 'https://koha.example/cgi-bin/koha/ilsdi.pl' });
    expect(ilsEndpointFromSource({ partnerId: 'p', url: 'https://folio.example/rtac-batch', options: { protocol: 'rtac' } }).protocol).toBe('RTAC');
    expect(() => ilsEndpointFromSource({ partnerId: 'p', url: 'x', options: { protocol: 'SIP2' } })).toThrow('Unknown ILS availability protocol "SIP2": expected "ILSDI" or "RTAC"');
  });
});
