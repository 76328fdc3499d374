import { DocumentNode, GraphQLError, GraphQLSchema, parse, validate, ValidationRule } from 'graphql';

/** Distinct query texts kept; a live page's widgets ask a handful, so a few hundred is plenty. */
const MAX_DOCUMENTS = 256;
/** Longer texts are parsed and validated every time (a widget's subscription is far shorter). */
const MAX_CACHED_TEXT = 16 * 1024;

export type Checked = { document: DocumentNode; errors?: undefined } | { document?: undefined; errors: readonly GraphQLError[] };

/**
 * graphql-ws's parse and validate, once per query text: every subscriber of one widget query shares
 * one DocumentNode (parsed with locations: shared delivery keys on `document.loc.source.body`), so
 * 10,000 idle subscribers hold one AST, not 10,000. Only documents that parsed and validated are kept
 * (least recently used first out); a text that fails is checked again each time and fails the same way.
 * The schema and rules are fixed for the server's life, so a document valid once stays valid.
 */
export class ValidatedDocuments {
  private readonly documents = new Map<string, DocumentNode>();

  constructor(private readonly schema: GraphQLSchema, private readonly rules: readonly ValidationRule[], private readonly max = MAX_DOCUMENTS) {}

  check(query: string): Checked {
    const known = this.documents.get(query);
    if (known) {
      // Most recently used last, so the first key is the one to evict.
      this.documents.delete(query);
      this.documents.set(query, known);
      return { document: known };
    }
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (error) {
      return { errors: [error as GraphQLError] };
    }
    const errors = validate(this.schema, document, this.rules);
    if (errors.length) return { errors };
    if (query.length <= MAX_CACHED_TEXT) {
      this.documents.set(query, document);
      if (this.documents.size > this.max) this.documents.delete(this.documents.keys().next().value!);
    }
    return { document };
  }

  size(): number {
    return this.documents.size;
  }
}
