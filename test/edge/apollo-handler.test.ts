import { parse } from 'node:url';
import { searchOf } from '../../src/edge/middleware/apollo-handler';

describe('apolloHandler: the query string Apollo is given', () => {
  // The integration it replaces handed Apollo `url.parse(req.url).search ?? ''`; the legacy parser is the reference.
  const urls = [
    '/graphql', '/graphql?', '/graphql?query=%7B__typename%7D', '/graphql?query={a}&variables=%7B%7D&operationName=A',
    '/graphql?a=1#frag', '/graphql#frag?not=query', '/graphql?a=b?c', '/?x', '/graphql/?q=1', '/graphql?%E2%9C%93=1',
    '/graphql?q="x"|y^`<>\'', '/graphql?q=a+b&q=c',
  ];
  // Apollo reads the string with URLSearchParams, so what must agree is what that reads from it
  // (the legacy parser also percent-escapes a few characters, which URLSearchParams decodes back).
  const read = (search: string) => [...new URLSearchParams(search)];
  it.each(urls)('gives Apollo what url.parse gave for %s', (url) => {
    expect(read(searchOf(url))).toEqual(read(parse(url).search ?? ''));
  });
});
