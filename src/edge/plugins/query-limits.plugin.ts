import { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import { QueryLimits } from '../../config';
import { Context } from '../../context';
import { LimitCode } from '../request-rejection';

/** A query over a configured limit; format-error turns it into its own code (Apollo says GRAPHQL_VALIDATION_FAILED). */
export class QueryLimitError extends GraphQLError {
  constructor(readonly code: LimitCode, readonly variable: string, readonly max: number, readonly found: number | null, what: string) {
    super(`${what}${found === null ? '' : ` ${found}`} exceeds the limit of ${max} (${variable}).`, {
      extensions: { limit: { name: variable, max }, ...(found === null ? {} : { found }) },
    });
  }
}

type Reject = (ctx: ValidationContext | null, error: GraphQLError) => void;

/** graphql-armor finds the violation; we report it with our code and a message naming the limit. */
function reporter(code: LimitCode, variable: string, max: number, what: string): Reject {
  return (ctx, error) => {
    const found = /found (\d+)/.exec(error.message);
    ctx?.reportError(new QueryLimitError(code, variable, max, found ? Number(found[1]) : null, what));
  };
}

/**
 * Depth, alias, directive and cost limits as validation rules (they run before execution, on
 * HTTP and WebSocket alike). Suggestions are hidden where errors are formatted (validation-rules.ts),
 * not by armor's Apollo-only plugin, so graphql-ws hides them too.
 */
export function queryLimits(limits: QueryLimits): { validationRules: ValidationRule[]; plugins: ApolloServerPlugin<Context>[] } {
  const common = { exposeLimits: true, propagateOnRejection: false };
  const armor = new ApolloArmor({
    maxDepth: { ...common, n: limits.maxDepth, onReject: [reporter(LimitCode.MAX_DEPTH_EXCEEDED, 'MAX_QUERY_DEPTH', limits.maxDepth, 'Query depth')] },
    maxAliases: { ...common, n: limits.maxAliases, onReject: [reporter(LimitCode.MAX_ALIASES_EXCEEDED, 'MAX_QUERY_ALIASES', limits.maxAliases, 'Alias count')] },
    maxDirectives: { ...common, n: limits.maxDirectives, onReject: [reporter(LimitCode.MAX_DIRECTIVES_EXCEEDED, 'MAX_QUERY_DIRECTIVES', limits.maxDirectives, 'Directive count')] },
    costLimit: { ...common, maxCost: limits.maxCost, onReject: [reporter(LimitCode.MAX_COST_EXCEEDED, 'MAX_QUERY_COST', limits.maxCost, 'Query cost')] },
    // Token counting happens before parsing, in the query guard middleware.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
  const { validationRules, plugins } = armor.protect();
  return { validationRules, plugins: plugins as ApolloServerPlugin<Context>[] };
}
