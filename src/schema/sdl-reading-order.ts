import {
  GraphQLNamedType, GraphQLObjectType, GraphQLSchema, isIntrospectionType, isSpecifiedScalarType, printType,
} from 'graphql';

/** One feature's part of the API: its root fields (in reading order) and the types it owns. */
export interface SdlFeature {
  name: string;
  /** One line printed above the feature's types in schema.graphql. */
  summary: string;
  query?: readonly string[];
  mutation?: readonly string[];
  subscription?: readonly string[];
  types: readonly string[];
}

/**
 * The committed SDL is read as the API's specification, so it is printed the way a reader learns the
 * API: the root types first (their fields grouped by feature, in this order), then each feature's
 * types, the shared building blocks last. Fields, arguments and enum values inside a type stay
 * alphabetical, so a diff of the file shows only real changes.
 */
export const SDL_FEATURES: readonly SdlFeature[] = [
  {
    name: 'Events',
    summary: 'Events: every partner\'s programs, one occurrence per Event, searchable and live.',
    query: ['events', 'event'],
    mutation: ['createEvent', 'updateEvent', 'cancelEvent'],
    subscription: ['eventChanges'],
    types: [
      'Event', 'EventConnection', 'EventEdge', 'EventFilter', 'EventStatus', 'AttendanceMode', 'Audience', 'Offer',
      'EventProvenance', 'CreateEventInput', 'UpdateEventInput', 'EventChange', 'EventChangeType',
    ],
  },
  {
    name: 'Registrations',
    summary: 'Registrations: seats at NATIVE events, the waitlist, check-in and live seat counts.',
    mutation: ['register', 'cancelRegistration', 'checkIn'],
    subscription: ['registrationCounts'],
    types: [
      'RegistrationInfo', 'RegistrationMode', 'Registration', 'RegistrationStatus', 'RegisterInput', 'RegisterPayload',
      'RegistrationTicket', 'RegistrationRejected', 'RegistrationRejectionCode', 'CancelRegistrationInput',
      'CancelPayload', 'RegistrationCounts',
    ],
  },
  {
    name: 'Catalog',
    summary: 'Catalog: the libraries\' bibliographic records, their copies and live availability.',
    query: ['catalog', 'catalogRecords', 'record'],
    types: [
      'CatalogRecord', 'CatalogRecordConnection', 'CatalogRecordEdge', 'CatalogFilter', 'CatalogFormat', 'Isbn',
      'CatalogLink', 'Holding', 'HoldingStatus', 'Availability', 'CatalogRecordProvenance',
    ],
  },
  {
    name: 'Listings',
    summary: 'Listings: nonprofits\' services (Open Referral HSDS), with opening hours and contacts.',
    query: ['services', 'service'],
    types: [
      'Service', 'ServiceConnection', 'ServiceEdge', 'ServiceFilter', 'ServiceStatus', 'OpeningHours', 'ServicePhone',
      'ServiceContact', 'ServiceCostOption',
    ],
  },
  {
    name: 'Partners',
    summary: 'Partners: the organizations whose data the graph carries, and their places.',
    query: ['partners', 'partner'],
    mutation: ['addPartner'],
    types: ['Partner', 'PartnerKind', 'Location', 'AddPartnerInput'],
  },
  {
    name: 'Sources',
    summary: 'Sources: the partners\' feeds, how their syncs go, and what one sync did.',
    mutation: ['addSource', 'removeSource', 'syncSource'],
    types: ['Source', 'SourceFormat', 'SourceStatus', 'AddSourceInput', 'SyncReport', 'SyncStatus', 'SkippedItem', 'SyncSkips', 'SyncSkip'],
  },
  {
    name: 'Embeds',
    summary: 'Embeds: which web origins may frame a partner\'s pages and read its feeds (Partner.allowedOrigins).',
    mutation: ['setPartnerAllowedOrigins'],
    types: [],
  },
  {
    name: 'Shared',
    summary: 'Shared: global ids, pagination, geographic filters and scalars.',
    query: ['node'],
    types: ['Node', 'PageInfo', 'NearFilter', 'DateTime', 'JSONObject'],
  },
];

type RootKey = 'query' | 'mutation' | 'subscription';

const rootsOf = (schema: GraphQLSchema): [RootKey, GraphQLObjectType | null | undefined][] => [
  ['query', schema.getQueryType()], ['mutation', schema.getMutationType()], ['subscription', schema.getSubscriptionType()],
];

const ownTypes = (schema: GraphQLSchema): GraphQLNamedType[] => Object.values(schema.getTypeMap())
  .filter((type) => !isIntrospectionType(type) && !isSpecifiedScalarType(type));

/** Schema elements SDL_FEATURES does not place, and names it lists that the schema does not have. */
export function readingOrderGaps(schema: GraphQLSchema): { unplaced: string[]; unknown: string[] } {
  const rootNames = new Set(rootsOf(schema).map(([, root]) => root?.name));
  const actual = new Set<string>();
  for (const type of ownTypes(schema)) if (!rootNames.has(type.name)) actual.add(type.name);
  for (const [, root] of rootsOf(schema)) for (const field of Object.keys(root?.getFields() ?? {})) actual.add(`${root!.name}.${field}`);
  const listed = new Set<string>();
  for (const feature of SDL_FEATURES) {
    for (const type of feature.types) listed.add(type);
    for (const [key, root] of rootsOf(schema)) for (const field of feature[key] ?? []) listed.add(`${root?.name ?? key}.${field}`);
  }
  return {
    unplaced: [...actual].filter((name) => !listed.has(name)).sort(),
    unknown: [...listed].filter((name) => !actual.has(name)).sort(),
  };
}

/** A root type with its fields in feature order; fields no feature lists follow, in schema order. */
function inFeatureOrder(root: GraphQLObjectType, key: RootKey): GraphQLObjectType {
  const config = root.toConfig();
  const order = SDL_FEATURES.flatMap((feature) => feature[key] ?? []).filter((name) => name in config.fields);
  const names = [...order, ...Object.keys(config.fields).filter((name) => !order.includes(name))];
  return new GraphQLObjectType({ ...config, fields: Object.fromEntries(names.map((name) => [name, config.fields[name]])) });
}

/**
 * The SDL in reading order: root types, then each feature's types under a `#` heading, then any type
 * no feature lists yet (the SDL test names them), so printing never drops a type.
 */
export function printInReadingOrder(schema: GraphQLSchema): string {
  const blocks: string[] = [];
  for (const [key, root] of rootsOf(schema)) if (root) blocks.push(printType(inFeatureOrder(root, key)));
  const placed = new Set(rootsOf(schema).map(([, root]) => root?.name));
  for (const feature of SDL_FEATURES) {
    const types = feature.types.map((name) => schema.getType(name)).filter((type): type is GraphQLNamedType => !!type);
    if (!types.length) continue;
    blocks.push(`# ${feature.summary}`);
    for (const type of types) { blocks.push(printType(type)); placed.add(type.name); }
  }
  const rest = ownTypes(schema).filter((type) => !placed.has(type.name));
  if (rest.length) blocks.push('# Not yet placed in a feature (src/schema/sdl-reading-order.ts).', ...rest.map((type) => printType(type)));
  return blocks.join('\n\n');
}
