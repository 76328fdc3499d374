import { ApolloServer } from '@apollo/server';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { Context } from '../../../src/context';
import { registerRateLimitPlugin } from '../../../src/edge/rate-limit/register-rate-limit.plugin';
import { createRateLimits, rateLimitedGraphQLError } from '../../../src/edge/rate-limit/rate-limit';

// A stand-in schema with a `register` mutation: the real one arrives with registrations (issue 6);
// the plugin only looks at top-level field names.
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      ok: { type: GraphQLString, resolve: () => 'ok' },
      myRegistration: { type: GraphQLString, args: { code: { type: GraphQLString } }, resolve: () => 'mine' },
    },
  }),
  mutation: new GraphQLObjectType({
    name: 'Mutation',
    fields: {
      register: { type: GraphQLString, resolve: () => 'registered' },
      respondToSurvey: { type: GraphQLString, resolve: () => 'answered' },
      other: { type: GraphQLString, resolve: () => 'done' },
    },
  }),
});

describe('the stricter rate limit for register', () => {
  const config = { enabled: true, perIp: 100, perKey: 100, registerPerIp: 2, authFailuresPerIp: 5, windowSeconds: 60, keyPrefix: 'test' };

  async function run(apollo: ApolloServer<Context>, query: string, clientIp: string) {
    const response = await apollo.executeOperation({ query }, { contextValue: { clientIp } as Context });
    return { status: response.http.status, retryAfter: response.http.headers.get('retry-after'), body: response.body.kind === 'single' ? response.body.singleResult : null };
  }

  it('counts each register field per client address and answers 429 with Retry-After past the budget', async () => {
    const apollo = new ApolloServer<Context>({ schema, plugins: [registerRateLimitPlugin(createRateLimits(config, null))] });
    await apollo.start();
    try {
      expect((await run(apollo, 'mutation { register }', '10.0.0.1')).body!.data).toEqual({ register: 'registered' });
      expect((await run(apollo, 'mutation { other }', '10.0.0.1')).body!.data).toEqual({ other: 'done' });
      expect((await run(apollo, 'mutation { register }', '10.0.0.1')).body!.data).toEqual({ register: 'registered' });
      const refused = await run(apollo, 'mutation { register }', '10.0.0.1');
      expect(refused.status).toBe(429);
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
      expect(refused.body!.errors![0]).toMatchObject({
        message: `Rate limit exceeded: 2 requests per 60 s for register, holdSeats, respondToSurvey and myRegistration from this client address (limit "register"). Retry after ${refused.retryAfter} s.`,
        extensions: { code: 'RATE_LIMITED', limit: 'register' },
      });
      const aliased = await run(apollo, 'mutation { a: register b: register c: register }', '10.0.0.2');
      expect(aliased.status).toBe(429);
      expect((await run(apollo, 'mutation { register }', '10.0.0.3')).body!.data).toEqual({ register: 'registered' });
      // A survey answer needs no token from a drop-in, so it spends the same budget.
      expect((await run(apollo, 'mutation { respondToSurvey }', '10.0.0.3')).body!.data).toEqual({ respondToSurvey: 'answered' });
      expect((await run(apollo, 'mutation { respondToSurvey }', '10.0.0.3')).status).toBe(429);
      expect((await run(apollo, '{ ok }', '10.0.0.1')).body!.data).toEqual({ ok: 'ok' });
    } finally {
      await apollo.stop();
    }
  });

  it('charges myRegistration queries to the same budget, with the same refusal, aliases and root fragments included', async () => {
    const apollo = new ApolloServer<Context>({ schema, plugins: [registerRateLimitPlugin(createRateLimits(config, null))] });
    await apollo.start();
    try {
      expect((await run(apollo, 'mutation { register }', '10.0.1.1')).body!.data).toEqual({ register: 'registered' });
      expect((await run(apollo, '{ myRegistration(code: "x") }', '10.0.1.1')).body!.data).toEqual({ myRegistration: 'mine' });
      const refused = await run(apollo, '{ myRegistration(code: "y") }', '10.0.1.1');
      expect(refused.status).toBe(429);
      expect(refused.body!.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'register' });
      expect((await run(apollo, 'mutation { register }', '10.0.1.1')).status).toBe(429);
      expect((await run(apollo, '{ ok }', '10.0.1.1')).body!.data).toEqual({ ok: 'ok' });

      expect((await run(apollo, '{ a: myRegistration(code: "x") b: myRegistration(code: "y") c: myRegistration(code: "z") }', '10.0.1.2')).status).toBe(429);
      expect((await run(apollo, '{ ... on Query { a: myRegistration } ...F } fragment F on Query { b: myRegistration c: myRegistration }', '10.0.1.3')).status).toBe(429);
      expect((await run(apollo, 'mutation { ... on Mutation { a: register b: register c: register } }', '10.0.1.4')).status).toBe(429);
    } finally {
      await apollo.stop();
    }
  });

  it('gives WebSocket transports the same refusal as a typed GraphQL error', async () => {
    const limits = createRateLimits({ ...config, registerPerIp: 1 }, null);
    expect((await limits.consume('register', 'ws-client')).allowed).toBe(true);
    const decision = await limits.consume('register', 'ws-client');
    expect(decision).toMatchObject({ allowed: false, limit: 'register', points: 1, windowSeconds: 60 });
    const error = rateLimitedGraphQLError(decision);
    expect(error.extensions).toEqual({ code: 'RATE_LIMITED', limit: 'register', retryAfterSeconds: decision.retryAfterSeconds });
  });
});
