import { normalizeHoldingStatus } from '../shared/catalog-item';
import { IlsResponseError, LiveItem } from './ils-item';

/**
 * FOLIO batch RTAC (mod-rtac `POST /rtac-batch`, schemas rtac-holdings-batch.json / rtac-holding.json):
 * `{ holdings: [{ instanceId, holdings: [{ id, barcode, location, callNumber, status, dueDate,
 * totalHoldRequests, ... }] }] }`. `status` is FOLIO's item status name ("Available", "Checked out",
 * "Awaiting pickup", "In transit", "Aged to lost", ...).
 */
interface RtacHolding {
  id?: string; barcode?: string; location?: string; callNumber?: string; status?: string; dueDate?: string; totalHoldRequests?: number;
}

export function parseRtacBatch(body: string): Map<string, LiveItem[]> {
  let json: { holdings?: { instanceId?: string; holdings?: RtacHolding[] }[] };
  try {
    json = JSON.parse(body);
  } catch {
    throw new IlsResponseError('RTAC answer is not JSON');
  }
  if (!json || !Array.isArray(json.holdings)) throw new IlsResponseError('not an RTAC batch answer (expected { holdings: [...] })');
  const result = new Map<string, LiveItem[]>();
  for (const entry of json.holdings) {
    if (!entry?.instanceId) continue;
    const items = (entry.holdings ?? []).map((h): LiveItem => ({
      itemId: h.id ?? null,
      barcode: h.barcode ?? null,
      callNumber: h.callNumber ?? null,
      location: h.location ?? null,
      status: normalizeHoldingStatus(h.status),
      rawStatus: h.status ?? null,
      dueDate: h.dueDate ? new Date(h.dueDate.replace(/([+-]\d\d)(\d\d)$/, '$1:$2')).toISOString() : null,
      holds: typeof h.totalHoldRequests === 'number' ? h.totalHoldRequests : null,
    }));
    result.set(entry.instanceId, [...(result.get(entry.instanceId) ?? []), ...items]);
  }
  return result;
}
