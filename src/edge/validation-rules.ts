import { NoSchemaIntrospectionCustomRule, ValidationRule } from 'graphql';

/**
 * The validation rules every GraphQL transport runs (HTTP through Apollo, graphql-ws, /subgraph): the
 * query limits, and with introspection off graphql-js's own rule refusing `__schema` and `__type`. One
 * list, so a closed schema cannot be read over the socket while HTTP refuses it. (Apollo's own
 * `introspection: false` would add a second, differently worded rule to HTTP only, so Apollo is told
 * introspection is on and this list decides.)
 */
export function requestValidationRules(limits: readonly ValidationRule[], introspection: boolean): ValidationRule[] {
  return [...limits, ...(introspection ? [] : [NoSchemaIntrospectionCustomRule])];
}

const SUGGESTION = / ?Did you mean .*$/s;

/**
 * graphql-js ends many validation messages with "Did you mean …?", naming fields, arguments, types and
 * enum values close to a typo: with introspection off that would enumerate the schema one guess at a
 * time. Applied where errors leave the server, on every transport.
 */
export function withoutSuggestion(message: string): string {
  return SUGGESTION.test(message) ? message.replace(SUGGESTION, ' [Suggestion hidden]') : message;
}
