/**
 * Snippet data attributes → feed query parameters. Every EventFilter option is available; values are
 * passed through unchanged, so the server's validation (and its plain-language 400 message) applies.
 */
const ATTRIBUTES: Record<string, string> = {
  partner: 'partner', partners: 'partner',
  kinds: 'kinds', kind: 'kinds',
  audience: 'audiences', audiences: 'audiences',
  categories: 'categories', category: 'categories',
  status: 'status', text: 'text', from: 'from', to: 'to', near: 'near', limit: 'limit',
};

export function feedParams(dataset: Record<string, string | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(dataset)) {
    const name = ATTRIBUTES[key];
    const value = dataset[key];
    if (name && value != null && value.trim() !== '') params.append(name, value.trim());
  }
  if (!params.has('limit')) params.set('limit', '10');
  return params;
}
