/**
 * Spread into every @ObjectType's options. type-graphql wraps each field that has no @FieldResolver in
 * a resolver that runs its middlewares and then reads the property; this project declares no
 * middlewares or @Authorized fields, so that wrapper only cost an object and a call per field and
 * kept graphql-jit from reading the property inline (issue 15). With it off the property is read
 * directly, as GraphQL's default resolver does; fields with a @FieldResolver are not affected.
 */
export const PLAIN_FIELDS = { simpleResolvers: true } as const;
