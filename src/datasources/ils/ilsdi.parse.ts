import { parseDocument, DomUtils } from 'htmlparser2';
import { HoldingStatus, normalizeHoldingStatus } from '../shared/catalog-item';
import { IlsResponseError, LiveItem } from './ils-item';

/**
 * ILS-DI GetAvailability answers (DLF ILS Discovery Interface recommendation, 2008, section 6.3.1;
 * the XML Koha's ilsdi.pl and Evergreen's SuperCat send): `dlf:collections/dlf:collection/dlf:record`,
 * each with `dlf:bibliographic@id` and `dlf:items/dlf:item/dlf:simpleavailability`.
 * `availabilitystatus` is only available / not available / unknown: the free-text `availabilitymsg`
 * ("Checked out", "In transit", "Not for loan") says why, so it drives the normalized status.
 */
type Element = Extract<ReturnType<typeof parseDocument>['children'][number], { attribs: Record<string, string> }>;

const local = (el: Element) => el.name.slice(el.name.indexOf(':') + 1).toLowerCase();
const children = (el: Element, name: string) => DomUtils.getElements({ tag_name: (n: string) => n.slice(n.indexOf(':') + 1).toLowerCase() === name }, el.children, true) as Element[];
const textOf = (el: Element | undefined) => (el ? DomUtils.textContent(el).trim() || null : null);

export function itemStatus(availability: string | null, message: string | null): HoldingStatus {
  const fromMessage = normalizeHoldingStatus(message);
  if (fromMessage !== HoldingStatus.UNKNOWN) return fromMessage;
  if (availability === 'available') return HoldingStatus.AVAILABLE;
  if (availability === 'not available') return message ? HoldingStatus.UNKNOWN : HoldingStatus.CHECKED_OUT;
  return HoldingStatus.UNKNOWN;
}

export function parseIlsDiAvailability(xml: string): Map<string, LiveItem[]> {
  const doc = parseDocument(xml, { xmlMode: true });
  const roots = doc.children.filter((n): n is Element => n.type === 'tag');
  if (!roots.length || !['collections', 'collection', 'record'].includes(local(roots[0]))) {
    throw new IlsResponseError('not an ILS-DI GetAvailability answer (expected dlf:collections)');
  }
  const result = new Map<string, LiveItem[]>();
  for (const record of children(doc as unknown as Element, 'record')) {
    const bib = children(record, 'bibliographic')[0];
    const id = bib?.attribs.id?.trim();
    if (!id) continue;
    const items = children(record, 'item').map((item): LiveItem => {
      const simple = children(item, 'simpleavailability')[0];
      const availability = textOf(simple && children(simple, 'availabilitystatus')[0])?.toLowerCase() ?? null;
      const message = textOf(simple && children(simple, 'availabilitymsg')[0]);
      const due = /\b(\d{4}-\d{2}-\d{2})\b/.exec(message ?? '')?.[1] ?? null;
      return {
        itemId: item.attribs.id?.trim() || textOf(simple && children(simple, 'identifier')[0]),
        barcode: null,
        callNumber: null,
        location: textOf(simple && children(simple, 'location')[0]),
        status: itemStatus(availability, message),
        rawStatus: message ?? availability,
        dueDate: due,
        holds: null,
      };
    });
    result.set(id, [...(result.get(id) ?? []), ...items]);
  }
  return result;
}
