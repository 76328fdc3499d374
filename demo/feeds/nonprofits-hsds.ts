import { dayIn } from './week';

/**
 * The two Millbrook nonprofits' listings as an HSDS 3 publisher (a 211 directory or their own
 * HSDA API) serves them: full nested services with locations, hours (weekly, monthly 2nd/last
 * weekday), languages, taxonomy terms, ages, fees, and one-off sessions. Invented for the demo.
 */
const pantry = {
  id: 'fs-loc-pantry', name: 'Food Share Pantry', location_type: 'physical', latitude: 41.4893, longitude: -90.5811,
  addresses: [{ id: 'fs-addr-1', address_1: '78 Mill Road', city: 'Millbrook', state_province: 'IA', postal_code: '52799', country: 'US', address_type: 'physical' }],
  accessibility: [{ id: 'fs-acc-1', description: 'Step-free entrance from the parking lot.', details: 'Volunteers can carry groceries to your car.' }],
  languages: [{ name: 'Spanish', code: 'es' }],
};
const learningCenter = {
  id: 'rl-loc-center', name: 'Riverbend Learning Center', location_type: 'physical', latitude: 41.4935, longitude: -90.6215,
  addresses: [{ id: 'rl-addr-1', address_1: '9 Ferry Street', city: 'Millbrook', state_province: 'IA', postal_code: '52799', country: 'US', address_type: 'physical' }],
  accessibility: [{ id: 'rl-acc-1', description: 'Ground floor, accessible restroom.', details: 'Large-print materials on request.' }],
};
const term = (id: string, name: string, code: string) => ({ id: `${id}-attr`, taxonomy_term: { id, name, code, taxonomy: 'Open Eligibility' } });
const org = (id: string, name: string, website: string) => ({ id, name, website, description: null });

export function foodShareServices(now: Date): object[] {
  const organization = org('fs-org', 'Millbrook Food Share', 'https://foodshare.millbrook.example');
  return [
    {
      id: 'fs-svc-pantry', name: 'Emergency Food Pantry', status: 'active', organization,
      description: 'Free groceries for any Millbrook household, once a week. No documents needed.',
      url: 'https://foodshare.millbrook.example/pantry', email: 'pantry@foodshare.millbrook.example',
      eligibility_description: 'Any household in Millbrook or Riverbend county.', fees_description: 'Free.',
      languages: [{ name: 'English', code: 'en' }, { name: 'Spanish', code: 'es' }],
      attributes: [term('oe-food-pantry', 'Food Pantry', '1102'), term('oe-families', 'Families', '1201')],
      phones: [{ id: 'fs-ph-1', number: '555-0140', type: 'voice', languages: [{ name: 'Spanish', code: 'es' }] }],
      contacts: [{ id: 'fs-c-1', name: 'Pantry desk', email: 'pantry@foodshare.millbrook.example', phones: [] }],
      service_at_locations: [{ id: 'fs-sal-1', location: pantry, schedules: [
        { id: 'fs-h-weekly', freq: 'WEEKLY', byday: 'TU,TH', opens_at: '10:00', closes_at: '14:00', description: 'Tuesdays and Thursdays 10 am to 2 pm' },
        { id: 'fs-h-saturday', freq: 'MONTHLY', byday: '2SA,-1SA', opens_at: '09:00', closes_at: '12:00', description: 'Second and last Saturday mornings' },
      ] }],
      schedules: [{ id: 'fs-drive', dtstart: dayIn(now, 3, 6), opens_at: '09:00', closes_at: '13:00', description: 'Holiday food drive: drop off canned goods' }],
      last_modified: '2026-11-02T15:00:00Z',
    },
    {
      id: 'fs-svc-snap', name: 'SNAP Application Help', status: 'active', organization,
      description: 'One-on-one help applying for SNAP food benefits. Bring ID and proof of income if you have them.',
      minimum_age: 18, languages: [{ name: 'English', code: 'en' }, { name: 'Spanish', code: 'es' }],
      attributes: [term('oe-benefits', 'Benefits Assistance', '1103')],
      cost_options: [{ id: 'fs-cost-1', option: 'Everyone', amount: 0, currency: 'USD', amount_description: 'Free' }],
      service_at_locations: [{ id: 'fs-sal-2', location: pantry, schedules: [
        { id: 'fs-h-snap', freq: 'MONTHLY', byday: '1WE', opens_at: '13:00', closes_at: '16:00' },
      ] }],
      last_modified: '2026-10-15T15:00:00Z',
    },
  ];
}

export function literacyServices(now: Date): object[] {
  const organization = org('rl-org', 'Riverbend Literacy Council', 'https://literacy.riverbend.example');
  return [
    {
      id: 'rl-svc-tutoring', name: 'Adult Literacy Tutoring', status: 'active', organization,
      description: 'Free one-to-one reading and writing tutoring for adults, matched with a trained volunteer.',
      minimum_age: 18, eligibility_description: 'Adults 18 and over who want to improve their reading.',
      languages: [{ name: 'English', code: 'en' }],
      attributes: [term('oe-literacy', 'Literacy', '1401')],
      service_at_locations: [{ id: 'rl-sal-1', location: learningCenter, schedules: [
        { id: 'rl-h-tutoring', freq: 'WEEKLY', byday: 'MO,WE', opens_at: '17:00', closes_at: '20:00' },
      ] }],
      // An HSDS 3.1-style `events` list: dated sessions of the service.
      events: [{ id: 'rl-family-night', name: 'Family Reading Night', dtstart: dayIn(now, 2, 4), opens_at: '18:00', closes_at: '19:30', description: 'Stories and free books for the whole family.' }],
      last_modified: '2026-11-10T15:00:00Z',
    },
    {
      id: 'rl-svc-ged', name: 'GED Preparation', status: 'active', organization,
      description: 'Small-group study for the four GED tests, with practice exams.', minimum_age: 16,
      languages: [{ name: 'English', code: 'en' }, { name: 'Spanish', code: 'es' }],
      attributes: [term('oe-adult-ed', 'Adult Education', '1402')],
      fees_description: 'Classes are free; the GED tests themselves cost $30 each.',
      service_at_locations: [{ id: 'rl-sal-2', location: learningCenter, schedules: [
        { id: 'rl-h-ged', freq: 'WEEKLY', byday: 'TU,TH', opens_at: '18:00', closes_at: '20:00', valid_from: dayIn(now, -8, 1) },
      ] }],
      last_modified: '2026-09-01T15:00:00Z',
    },
    {
      id: 'rl-svc-citizenship', name: 'Citizenship Class', status: 'temporarily closed', organization,
      description: 'Preparation for the naturalization interview and civics test. Paused until spring.',
      minimum_age: 18, attributes: [term('oe-citizenship', 'Citizenship', '1403')],
      service_at_locations: [{ id: 'rl-sal-3', location: learningCenter }],
      last_modified: '2026-11-20T15:00:00Z',
    },
  ];
}
