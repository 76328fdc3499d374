import { ApolloServer, BaseContext, HeaderMap, HTTPGraphQLRequest } from '@apollo/server';
import { Request, RequestHandler, Response } from 'express';

/**
 * Apollo's HTTP entry point as one Express handler, in place of @as-integrations/express5 (the same
 * glue, minus three costs a lookup paid on every request, issue 15): request headers go straight
 * into Apollo's HeaderMap, the query string is cut from the URL instead of going through the legacy
 * `url.parse`, and a complete answer is written with `res.end`. Apollo has already set the answer's
 * Content-Type; Express's `res.send` would parse it again, re-add its charset and check the
 * request's freshness, none of which applies to a GraphQL answer.
 */
export function apolloHandler<C extends BaseContext>(apollo: ApolloServer<C>, context: (req: Request) => Promise<C>): RequestHandler {
  apollo.assertStarted('apolloHandler()');
  return (req, res, next) => {
    answer(apollo, context, req, res).catch(next);
  };
}

async function answer<C extends BaseContext>(apollo: ApolloServer<C>, context: (req: Request) => Promise<C>, req: Request, res: Response): Promise<void> {
  if (!('body' in req)) {
    // The stack always reads the body first; this is a wiring mistake, said as the integration said it.
    res.status(500).send('`req.body` is not set: the JSON body middleware must run before Apollo.');
    return;
  }
  const headers = new HeaderMap();
  for (const name in req.headers) {
    const value = req.headers[name];
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const request: HTTPGraphQLRequest = { method: req.method.toUpperCase(), headers, search: searchOf(req.url), body: req.body };
  const response = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: () => context(req) });
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    const text = response.body.string;
    res.setHeader('content-length', Buffer.byteLength(text));
    res.end(req.method === 'HEAD' ? undefined : text);
    return;
  }
  // Incremental delivery (@defer, @stream): each part as Apollo yields it, past any compression buffer.
  const flush = (res as Response & { flush?: () => void }).flush;
  for await (const chunk of response.body.asyncIterator) {
    res.write(chunk);
    flush?.call(res);
  }
  res.end();
}

/** The query string with its `?` ('' when none), without any fragment: what `url.parse(url).search` gave. */
export function searchOf(url: string): string {
  const hash = url.indexOf('#');
  const path = hash < 0 ? url : url.slice(0, hash);
  const question = path.indexOf('?');
  return question < 0 ? '' : path.slice(question);
}
