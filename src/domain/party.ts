/**
 * The kinds of people a party is counted by (issue 19: attendance by party makeup). Keys are what a
 * registration stores and reports group by; labels are what registrants read. Here, below the model,
 * because events and registrations store them; the rules live in src/features/events/party-categories.ts
 * and src/features/registrations/party-makeup.ts.
 */
export interface PartyCategory {
  key: string;
  label: string;
}

/** How many people of one category a party brings (RegisterInput.party, Registration.party). */
export interface PartyCountEntry {
  category: string;
  count: number;
}
