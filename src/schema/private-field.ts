import { Extensions } from 'type-graphql';

/**
 * Marks a field that carries private data (registrants' names and emails, a partner's own settings).
 * The marker does not enforce anything (services do, through access.ts); it makes the field known to
 * the authorization matrix test, which fails until the field has a row for every role. Put it on
 * the object type's field: `@PrivateField() @Field(() => String) email!: string;`
 */
export const PrivateField = () => Extensions({ private: true });

export const isPrivateField = (extensions: Readonly<Record<string, unknown>> | null | undefined): boolean =>
  extensions?.private === true;
