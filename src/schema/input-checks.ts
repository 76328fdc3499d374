import {
  defaultFieldResolver, GraphQLArgument, GraphQLField, GraphQLFieldResolver, GraphQLInputField, GraphQLInputObjectType,
  GraphQLInputType, GraphQLSchema, GraphQLID, GraphQLString, isInputObjectType, isInterfaceType, isListType,
  isNonNullType, isObjectType,
} from 'graphql';
import { InvalidArgumentError } from '../domain/errors';
import { STATEMENTS_PER_SURVEY } from '../domain/survey';
import {
  MAX_ALLOWED_ORIGINS, MAX_EVENT_CATEGORIES, MAX_IMPACT_DIMENSIONS, MAX_LIST_VALUES, MAX_PARTY_CATEGORIES, MAX_SUBSCRIBED_EVENT_IDS,
} from '../domain/input-bounds';

/** Lists bounded tighter or looser than MAX_LIST_VALUES, by schema coordinate; an unknown coordinate fails the build. */
const LIST_BOUNDS: Record<string, number> = {
  'Mutation.setPartnerAllowedOrigins(origins:)': MAX_ALLOWED_ORIGINS,
  'Subscription.registrationCounts(eventIds:)': MAX_SUBSCRIBED_EVENT_IDS,
  'CreateEventInput.categories': MAX_EVENT_CATEGORIES,
  'CreateEventSeriesInput.categories': MAX_EVENT_CATEGORIES,
  'UpdateEventInput.categories': MAX_EVENT_CATEGORIES,
  'CreateEventInput.partyCategories': MAX_PARTY_CATEGORIES,
  'CreateEventSeriesInput.partyCategories': MAX_PARTY_CATEGORIES,
  'UpdateEventInput.partyCategories': MAX_PARTY_CATEGORIES,
  'RegisterInput.party': MAX_PARTY_CATEGORIES,
  'Mutation.checkIn(party:)': MAX_PARTY_CATEGORIES,
  'Mutation.addWalkIns(party:)': MAX_PARTY_CATEGORIES,
  'Mutation.setHeadCount(party:)': MAX_PARTY_CATEGORIES,
  'Query.impact(groupBy:)': MAX_IMPACT_DIMENSIONS,
  'RespondToSurveyInput.ratings': STATEMENTS_PER_SURVEY,
};

/**
 * C0 controls other than tab, line feed and carriage return (PostgreSQL text cannot hold U+0000 at
 * all; the others have no place in names, emails or search words), and UTF-16 surrogates without
 * their pair, which UTF-8 storage cannot hold (drivers would silently store U+FFFD instead).
 */
const UNSAFE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSAFE_TEXT_EXPECTED = 'text without control characters (U+0000 to U+001F, except tab, line feed and carriage return) or unpaired surrogates';

/** Throws BAD_USER_INPUT naming `argument` when the value breaks a bound; `argument` is the path (filter.formats). */
type Check = (value: unknown, argument: string) => void;

function textCheck(value: unknown, argument: string): void {
  if (typeof value === 'string' && UNSAFE_TEXT.test(value)) throw new InvalidArgumentError(argument, value.slice(0, 40), UNSAFE_TEXT_EXPECTED);
}

/**
 * Builds the checks of every argument once, from the schema: text and list bounds are the schema's
 * to enforce, so no field can forget them, whether it is reached over HTTP or WebSocket, by graphql-js
 * or graphql-jit. Checks run on coerced values (variables already substituted), before the resolver.
 */
class InputChecks {
  private readonly objects = new Map<GraphQLInputObjectType, Check | null>();
  private readonly used = new Set<string>();

  /** The check of a value of `type` (null when nothing in it is bounded); `max` bounds the outer list. */
  checkFor(type: GraphQLInputType, coordinate: string, describe: (bound: number) => void): Check | null {
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) {
      const max = this.boundFor(coordinate);
      describe(max);
      const item = this.checkFor(inner.ofType, `${coordinate}[]`, () => undefined);
      return (value, argument) => {
        if (!Array.isArray(value)) return;
        if (value.length > max) throw new InvalidArgumentError(argument, `${value.length} values`, `at most ${max} values`);
        if (item) for (const entry of value) item(entry, argument);
      };
    }
    if (inner === GraphQLString || inner === GraphQLID) return textCheck;
    if (isInputObjectType(inner)) return this.objectCheck(inner);
    return null;
  }

  /** Names the coordinates of LIST_BOUNDS that named no list, so a renamed argument cannot drop its bound. */
  unused(): string[] {
    return Object.keys(LIST_BOUNDS).filter((coordinate) => !this.used.has(coordinate));
  }

  private boundFor(coordinate: string): number {
    if (coordinate in LIST_BOUNDS) this.used.add(coordinate);
    return LIST_BOUNDS[coordinate] ?? MAX_LIST_VALUES;
  }

  private objectCheck(type: GraphQLInputObjectType): Check | null {
    if (this.objects.has(type)) return this.objects.get(type)!;
    // A self-referencing input type finds its own (lazy) check while its fields are being built.
    let fieldChecks: [string, Check][] = [];
    const check: Check = (value, argument) => {
      if (value === null || typeof value !== 'object') return;
      for (const [name, fieldCheck] of fieldChecks) {
        const field = (value as Record<string, unknown>)[name];
        if (field !== undefined && field !== null) fieldCheck(field, `${argument}.${name}`);
      }
    };
    this.objects.set(type, check);
    fieldChecks = Object.values(type.getFields()).flatMap((field) => {
      const fieldCheck = this.checkFor(field.type, `${type.name}.${field.name}`, (bound) => describeBound(field, bound));
      return fieldCheck ? [[field.name, fieldCheck] as [string, Check]] : [];
    });
    if (!fieldChecks.length) this.objects.set(type, null);
    return fieldChecks.length ? check : null;
  }
}

function describeBound(target: GraphQLArgument | GraphQLInputField, bound: number): void {
  const note = `At most ${bound} values.`;
  if (target.description?.includes(note)) return;
  target.description = target.description ? `${target.description.trimEnd()} ${note}` : note;
}

function argumentChecks(checks: InputChecks, typeName: string, field: GraphQLField<unknown, unknown>): [string, Check][] {
  return field.args.flatMap((arg) => {
    const check = checks.checkFor(arg.type, `${typeName}.${field.name}(${arg.name}:)`, (bound) => describeBound(arg, bound));
    return check ? [[arg.name, check] as [string, Check]] : [];
  });
}

function guarded<T extends GraphQLFieldResolver<unknown, unknown>>(resolver: T, checks: [string, Check][]): T {
  return ((source, args, context, info) => {
    for (const [name, check] of checks) {
      const value = (args as Record<string, unknown>)[name];
      if (value !== undefined && value !== null) check(value, name);
    }
    return resolver(source, args, context, info);
  }) as T;
}

/**
 * Every argument of every field (and every input field below it) checked at the schema's edge:
 * strings (String and ID) hold no control characters or unpaired surrogates, lists hold at most
 * MAX_LIST_VALUES (or their LIST_BOUNDS) values, each bound printed in its description. A violation
 * is BAD_USER_INPUT naming the argument, raised before the resolver (no database work, no write).
 */
export function useInputChecks(schema: GraphQLSchema): GraphQLSchema {
  const checks = new InputChecks();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isInterfaceType(type)) for (const field of Object.values(type.getFields())) argumentChecks(checks, type.name, field);
    if (isInputObjectType(type)) checks.checkFor(type, type.name, () => undefined);
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const fieldChecks = argumentChecks(checks, type.name, field);
      if (!fieldChecks.length) continue;
      field.resolve = guarded(field.resolve ?? defaultFieldResolver, fieldChecks);
      if (field.subscribe) field.subscribe = guarded(field.subscribe, fieldChecks);
    }
  }
  const unused = checks.unused();
  if (unused.length) throw new Error(`LIST_BOUNDS names no list argument or input field: ${unused.join(', ')}`);
  return schema;
}
