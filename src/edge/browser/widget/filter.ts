/**
 * Snippet data attributes → feed query parameters. Every EventFilter option is available; values are
 * passed through unchanged, so the server's validation (and its plain-language 400 message) applies.
 */
const ATTRIBUTES: Record<string, string> = {
  partner: 'partner', partners: 'partner',
  kinds: 'kinds', kind: 'kinds',
  audience: 'audiences', audiences: 'audiences',
  categories: 'categories', category: 'categories',
  status: 'status', text: 'text', from: 'from', to: 'to', near: 'near',
};

/** A recurring program is one card with its next few dates. */
export const DATES_PER_CARD = 4;
const DEFAULT_CARDS = 10;
/** The JSON feed's largest `limit`. */
const FEED_MAX = 200;

/** How many cards `data-limit` asks for (programs and single events); the default when it is not a whole number. */
export function cardsWanted(dataset: Record<string, string | undefined>): number {
  const raw = (dataset.limit || '').trim();
  return /^\d+$/.test(raw) && Number(raw) > 0 ? Number(raw) : DEFAULT_CARDS;
}

export function feedParams(dataset: Record<string, string | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(dataset)) {
    const name = ATTRIBUTES[key];
    const value = dataset[key];
    if (name && value != null && value.trim() !== '') params.append(name, value.trim());
  }
  // Enough occurrences for that many cards, each series at most DATES_PER_CARD of them.
  const raw = (dataset.limit || '').trim();
  const limit = /^\d+$/.test(raw) || !raw ? String(Math.min(FEED_MAX, cardsWanted(dataset) * DATES_PER_CARD)) : raw;
  params.set('limit', limit);
  params.set('per_series', String(DATES_PER_CARD));
  return params;
}
