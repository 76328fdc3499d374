import { buildSchema, GraphQLError, specifiedRules } from 'graphql';
import { ValidatedDocuments } from '../../src/edge/validated-documents';

const schema = buildSchema('type Query { a: Int, b: Int } type Subscription { counts: Int }');

describe('ValidatedDocuments (graphql-ws parse and validate, once per query text)', () => {
  it('gives every sender of one text the same document, with its locations (shared delivery keys on loc.source.body)', () => {
    const documents = new ValidatedDocuments(schema, specifiedRules);
    const text = 'subscription { counts }';
    const first = documents.check(text);
    const second = documents.check(`${text}`);
    expect(first.errors).toBeUndefined();
    expect(second.document).toBe(first.document);
    expect(first.document?.loc?.source.body).toBe(text);
    expect(documents.size()).toBe(1);
  });

  it('keeps nothing that fails to parse or validate, and fails it the same way every time', () => {
    const documents = new ValidatedDocuments(schema, specifiedRules);
    for (let i = 0; i < 2; i++) {
      const syntax = documents.check('subscription {');
      expect(syntax.document).toBeUndefined();
      expect(syntax.errors).toHaveLength(1);
      expect(syntax.errors![0]).toBeInstanceOf(GraphQLError);
      expect(syntax.errors![0].message).toMatch(/^Syntax Error/);
      const invalid = documents.check('subscription { nope }');
      expect(invalid.document).toBeUndefined();
      expect(invalid.errors!.map((e) => e.message)).toEqual(['Cannot query field "nope" on type "Subscription".']);
    }
    expect(documents.size()).toBe(0);
  });

  it('is bounded: past its size the least recently used text is parsed again', () => {
    const documents = new ValidatedDocuments(schema, specifiedRules, 2);
    const a = documents.check('{ a }').document;
    const b = documents.check('{ b }').document;
    expect(documents.check('{ a }').document).toBe(a); // a is now the most recent
    documents.check('{ a b }'); // evicts b
    expect(documents.size()).toBe(2);
    expect(documents.check('{ a }').document).toBe(a);
    const bAgain = documents.check('{ b }').document;
    expect(bAgain).not.toBe(b);
    expect(bAgain?.loc?.source.body).toBe('{ b }');
  });

  it('does not keep a very long text', () => {
    const documents = new ValidatedDocuments(schema, specifiedRules);
    const long = `{ a ${' '.repeat(20_000)}}`;
    expect(documents.check(long).document).toBeDefined();
    expect(documents.size()).toBe(0);
  });
});
