import { HoldingStatus } from '../../../src/datasources/shared/catalog-item';
import { IlsResponseError } from '../../../src/datasources/ils/ils-item';
import { itemStatus, parseIlsDiAvailability } from '../../../src/datasources/ils/ilsdi.parse';
import { parseRtacBatch } from '../../../src/datasources/ils/rtac.parse';

/** What real ILS answers send besides the textbook case: records without ids, bare items, repeated bibs. */
describe('ILS-DI answers with missing parts', () => {
  const wrap = (records: string) => `<?xml version="1.0"?><dlf:collections xmlns:dlf="http://diglib.org/ilsdi/1.1"><dlf:collection>${records}</dlf:collection></dlf:collections>`;

  it('skips a record whose bibliographic id is missing or blank, and merges a bib id answered twice', () => {
    const parsed = parseIlsDiAvailability(wrap(`
      <dlf:record><dlf:items><dlf:item id="900"/></dlf:items></dlf:record>
      <dlf:record><dlf:bibliographic id="  "/><dlf:items><dlf:item id="901"/></dlf:items></dlf:record>
      <dlf:record><dlf:bibliographic id=" 7 "/><dlf:items><dlf:item id="71"><dlf:simpleavailability><dlf:availabilitystatus>Available</dlf:availabilitystatus></dlf:simpleavailability></dlf:item></dlf:items></dlf:record>
      <dlf:record><dlf:bibliographic id="7"/><dlf:items><dlf:item id="72"><dlf:simpleavailability><dlf:availabilitystatus>available</dlf:availabilitystatus></dlf:simpleavailability></dlf:item></dlf:items></dlf:record>`));
    expect([...parsed.keys()]).toEqual(['7']);
    expect(parsed.get('7')!.map((i) => [i.itemId, i.status])).toEqual([['71', 'AVAILABLE'], ['72', 'AVAILABLE']]);
  });

  it('takes the item id from dlf:identifier when the item has no id attribute, and reads a bare item as unknown', () => {
    const parsed = parseIlsDiAvailability(wrap(`<dlf:record><dlf:bibliographic id="8"/><dlf:items>
      <dlf:item><dlf:simpleavailability><dlf:identifier> 81 </dlf:identifier><dlf:availabilitystatus>unknown</dlf:availabilitystatus></dlf:simpleavailability></dlf:item>
      <dlf:item/>
    </dlf:items></dlf:record>`));
    expect(parsed.get('8')).toEqual([
      { itemId: '81', barcode: null, callNumber: null, location: null, status: HoldingStatus.UNKNOWN, rawStatus: 'unknown', dueDate: null, holds: null },
      { itemId: null, barcode: null, callNumber: null, location: null, status: HoldingStatus.UNKNOWN, rawStatus: null, dueDate: null, holds: null },
    ]);
  });

  it('accepts a bare dlf:record root, and refuses an empty answer', () => {
    const parsed = parseIlsDiAvailability('<dlf:record xmlns:dlf="http://diglib.org/ilsdi/1.1"><dlf:bibliographic id="9"/><dlf:items/></dlf:record>');
    expect(parsed.get('9')).toEqual([]);
    expect(() => parseIlsDiAvailability('')).toThrow(new IlsResponseError('not an ILS-DI GetAvailability answer (expected dlf:collections)'));
  });

  it('reads "not available" as checked out only when no message explains otherwise', () => {
    expect(itemStatus('not available', null)).toBe(HoldingStatus.CHECKED_OUT);
    expect(itemStatus('not available', 'Ask at the desk')).toBe(HoldingStatus.UNKNOWN);
    expect(itemStatus('not available', 'In transit')).toBe(HoldingStatus.IN_TRANSIT);
    expect(itemStatus(null, null)).toBe(HoldingStatus.UNKNOWN);
  });
});

describe('FOLIO RTAC answers with missing parts', () => {
  it('refuses JSON null and a holdings field that is not a list', () => {
    expect(() => parseRtacBatch('null')).toThrow(new IlsResponseError('not an RTAC batch answer (expected { holdings: [...] })'));
    expect(() => parseRtacBatch('{"holdings":{"instanceId":"i1"}}')).toThrow('not an RTAC batch answer');
  });

  it('skips entries without an instanceId, reads an entry without holdings as no copies, merges repeated instances', () => {
    const parsed = parseRtacBatch(JSON.stringify({ holdings: [
      null,
      { holdings: [{ id: 'orphan', status: 'Available' }] },
      { instanceId: 'empty' },
      { instanceId: 'i2', holdings: [{}] },
      { instanceId: 'i2', holdings: [{ id: 'c', barcode: 'B-1', status: 'In transit', dueDate: '2026-12-24T17:00:00-0600', totalHoldRequests: 0 }] },
    ] }));
    expect([...parsed.keys()]).toEqual(['empty', 'i2']);
    expect(parsed.get('empty')).toEqual([]);
    expect(parsed.get('i2')).toEqual([
      { itemId: null, barcode: null, callNumber: null, location: null, status: HoldingStatus.UNKNOWN, rawStatus: null, dueDate: null, holds: null },
      { itemId: 'c', barcode: 'B-1', callNumber: null, location: null, status: HoldingStatus.IN_TRANSIT, rawStatus: 'In transit', dueDate: '2026-12-24T23:00:00.000Z', holds: 0 },
    ]);
  });
});
