import { AdapterError } from '../../../src/datasources/adapter';
import { readGraphqlMapping } from '../../../src/datasources/graphql/graphql.field-mapping';
import { parseGraphqlResponse } from '../../../src/datasources/graphql/graphql.parse';

/** What an operator who mistypes a GRAPHQL source's options is told, and what a half-GraphQL remote reads as. */
const custom = { query: '{ e { id t s } }', itemsPath: 'e', fields: { externalId: 'id', title: 't', startsAt: 's' } };

describe('GRAPHQL source options an operator gets wrong', () => {
  it.each([
    [{ filter: 'KIDS' }, 'GRAPHQL source option filter must be an EventFilter object, got "KIDS"'],
    [{ headers: ['x-api-key: 1'] }, 'GRAPHQL source option headers must be an object of strings, got ["x-api-key: 1"]'],
    [{ pageSize: 2.5 }, 'GRAPHQL source option pageSize must be a whole number 1-100, got 2.5'],
    [{ pageSize: '50' }, 'GRAPHQL source option pageSize must be a whole number 1-100, got "50"'],
    [{ ...custom, query: '  ' }, 'GRAPHQL source option query must be a GraphQL document, got "  "'],
    [{ ...custom, itemsPath: '' }, 'GRAPHQL source option itemsPath must be a dot path such as "events.items", got ""'],
    [{ ...custom, fields: ['id'] }, 'GRAPHQL source option fields must be an object of field → path, got ["id"]'],
    [{ ...custom, fields: { ...custom.fields, colour: 'c' } }, 'GRAPHQL source option fields.colour must be one of '],
    [{ ...custom, fields: { ...custom.fields, url: 3 } }, 'GRAPHQL source option fields.url must be a dot path, got 3'],
    [{ ...custom, fields: { externalId: 'id', title: 't' } }, 'GRAPHQL source option fields.startsAt must be a dot path (the field is required), got undefined'],
    [{ ...custom, optional: 'url' }, 'GRAPHQL source option optional must be a list of mapped field names, got "url"'],
    [{ ...custom, optional: ['colour'] }, 'GRAPHQL source option optional must be a list of mapped field names, got ["colour"]'],
    [{ ...custom, pagination: 'cursor' }, 'GRAPHQL source option pagination must be { endCursorPath, hasNextPagePath, afterVariable, maxPages? }, got "cursor"'],
    [{ ...custom, pagination: { endCursorPath: 'e.end', hasNextPagePath: 'e.more' } }, 'GRAPHQL source option pagination must be { endCursorPath, hasNextPagePath, afterVariable, maxPages? }'],
  ])('refuses %j, naming the option', (options, message) => {
    expect(() => readGraphqlMapping(options)).toThrow(AdapterError);
    expect(() => readGraphqlMapping(options)).toThrow(message);
  });

  it('reads a custom mapping with pagination, variables, headers and value maps, defaulting maxPages to 100', () => {
    const mapping = readGraphqlMapping({ ...custom, variables: { town: 'b' }, headers: { 'x-api-key': 'k' }, valueMaps: { status: { GONE: 'CANCELLED' } },
      pagination: { endCursorPath: 'e.end', hasNextPagePath: 'e.more', afterVariable: 'after' } });
    expect(mapping).toMatchObject({ variables: { town: 'b' }, headers: { 'x-api-key': 'k' }, valueMaps: { status: { GONE: 'CANCELLED' } }, optional: [],
      pagination: { endCursorPath: 'e.end', hasNextPagePath: 'e.more', afterVariable: 'after', maxPages: 100 }, catalog: null });
    expect(readGraphqlMapping({ ...custom, variables: 'x', headers: null, pagination: { endCursorPath: 'a', hasNextPagePath: 'b', afterVariable: 'c', maxPages: 3 } }))
      .toMatchObject({ variables: {}, headers: {}, valueMaps: {}, pagination: { maxPages: 3 } });
    expect(readGraphqlMapping({ headers: { authorization: 'Bearer t' }, filter: { audiences: ['KIDS'] } })).toMatchObject({ headers: { authorization: 'Bearer t' }, variables: { filter: { audiences: ['KIDS'] } } });
  });
});

describe('GraphQL responses that are only half right', () => {
  const url = 'http://town-b.example/graphql';
  const answer = (status: number, body: unknown) => parseGraphqlResponse(url, status, Buffer.from(JSON.stringify(body)));

  it('fails a 4xx/5xx that still carries data, with the remote\'s first three messages and a count of the rest', () => {
    const errors = [{ message: 'a', path: ['events', 0] }, { message: 'b', extensions: { code: 'X' } }, 'bare string', { message: 'd' }, { message: 'e' }];
    expect(() => answer(502, { data: { events: null }, errors })).toThrow(new AdapterError(`${url} answered HTTP 502: a (at events.0); b [X]; "bare string"; and 2 more`));
    expect(() => answer(500, { data: { events: null } })).toThrow(new AdapterError(`${url} answered HTTP 500`));
  });

  it('fails a response whose data is not an object and that has no errors, and reads a malformed error path as none', () => {
    expect(() => answer(200, { data: [1, 2] })).toThrow(new AdapterError(`${url} answered HTTP 200 with neither data nor errors`));
    expect(() => answer(200, { data: null, errors: [{ message: 'denied', path: [{ field: 'x' }] }] })).toThrow(new AdapterError(`${url} answered with GraphQL errors and no data: denied`));
    expect(() => answer(200, [{ data: {} }])).toThrow(new AdapterError(`${url} answered JSON without "data" or "errors" (HTTP 200): not a GraphQL endpoint?`));
  });
});
