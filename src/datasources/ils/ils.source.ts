import { HttpClient } from '../adapter';
import { FetchError } from '../shared/http';
import { IlsEndpoint, IlsResponseError, LiveItem } from './ils-item';
import { parseIlsDiAvailability } from './ilsdi.parse';
import { parseRtacBatch } from './rtac.parse';

/** The HttpClient fails on any status >= 400; it reads as the ILS's answer, like a non-200 does. */
const explain = (protocol: string) => (error: unknown): never => {
  if (error instanceof FetchError && error.status !== null) throw new IlsResponseError(`${protocol} answered HTTP ${error.status}`);
  throw error;
};

/**
 * One upstream call for many bibliographic ids: ILS-DI `GetAvailability&id=1+2+3&id_type=bib`, or
 * FOLIO `POST rtac-batch { instanceIds }`. Ids the ILS does not mention come back with no items.
 */
export async function fetchAvailability(http: HttpClient, endpoint: IlsEndpoint, ids: string[]): Promise<Map<string, LiveItem[]>> {
  let parsed: Map<string, LiveItem[]>;
  if (endpoint.protocol === 'ILSDI') {
    const url = new URL(endpoint.url);
    url.searchParams.set('service', 'GetAvailability');
    url.searchParams.set('id_type', 'bib');
    // ILS-DI separates ids with '+' (a space once decoded); URLSearchParams would escape it as %2B.
    const query = `${url.search}&id=${ids.map(encodeURIComponent).join('+')}`;
    const response = await http.fetch(`${url.origin}${url.pathname}${query}`, { headers: { accept: 'application/xml, text/xml' } })
      .catch(explain('ILS-DI'));
    if (response.status !== 200) throw new IlsResponseError(`ILS-DI answered HTTP ${response.status}`);
    parsed = parseIlsDiAvailability(response.body.toString('utf8'));
  } else {
    const response = await http.fetch(endpoint.url, {
      method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ instanceIds: ids, fullPeriodicals: false }),
    }).catch(explain('RTAC'));
    if (response.status !== 200) throw new IlsResponseError(`RTAC answered HTTP ${response.status}`);
    parsed = parseRtacBatch(response.body.toString('utf8'));
  }
  return new Map(ids.map((id) => [id, parsed.get(id) ?? []]));
}
