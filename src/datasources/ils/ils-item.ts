import { HoldingStatus } from '../shared/catalog-item';

/** One copy as the ILS reports it right now. */
export interface LiveItem {
  /** The ILS item id (Koha itemnumber, FOLIO item UUID); matched to stored holdings by id or barcode. */
  itemId: string | null;
  barcode: string | null;
  callNumber: string | null;
  location: string | null;
  status: HoldingStatus;
  rawStatus: string | null;
  dueDate: string | null;
  /** Holds queued on the copy, when the ILS says (FOLIO totalHoldRequests). */
  holds: number | null;
}

export type IlsProtocol = 'ILSDI' | 'RTAC';

/** Where and how one library answers availability questions (an ILS_AVAILABILITY source). */
export interface IlsEndpoint {
  partnerId: string;
  protocol: IlsProtocol;
  /** ILS-DI: the ilsdi.pl URL; RTAC: the rtac-batch URL. */
  url: string;
}

export class IlsResponseError extends Error {}

/**
 * An ILS_AVAILABILITY source as an endpoint: `options.protocol` is "ILSDI" (default; Koha, Evergreen)
 * or "RTAC" (FOLIO). For the sync engine's source registry to build the availability directory.
 */
export function ilsEndpointFromSource(source: { partnerId: string; url: string; options: Record<string, unknown> }): IlsEndpoint {
  const protocol = String(source.options.protocol ?? 'ILSDI').toUpperCase();
  if (protocol !== 'ILSDI' && protocol !== 'RTAC') {
    throw new IlsResponseError(`Unknown ILS availability protocol ${JSON.stringify(source.options.protocol)}: expected "ILSDI" or "RTAC"`);
  }
  return { partnerId: source.partnerId, protocol, url: source.url };
}
