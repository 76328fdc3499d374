import path from 'node:path';
import express, { Router } from 'express';
import { GRAPHIQL_DEFAULT_QUERY } from './graphiql-default-query';

/** The installed packages GraphiQL runs from; served by us so the page works offline (no CDN). */
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

function packageFile(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Community Graph · GraphiQL</title>
  <link rel="icon" href="/favicon.ico" type="image/svg+xml">
  <link rel="stylesheet" href="/graphiql/graphiql.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql/react.js"></script>
  <script src="/graphiql/react-dom.js"></script>
  <script src="/graphiql/graphiql.js"></script>
  <script src="/graphiql/start.js"></script>
</body>
</html>`;

// Fetches with a JSON content type, which also satisfies the CSRF preflight rule.
const START = `(function () {
  var url = location.pathname === '/' ? '/graphql' : location.pathname;
  var fetcher = GraphiQL.createFetcher({ url: url });
  var defaultQuery = ${JSON.stringify(GRAPHIQL_DEFAULT_QUERY)};
  ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: defaultQuery }));
})();`;

export function wantsHtml(accept: string | undefined): boolean {
  return !!accept && accept.includes('text/html');
}

export function graphiqlRouter(): Router {
  const router = express.Router();
  router.get('/graphiql/start.js', (_req, res) => {
    res.type('text/javascript').send(START);
  });
  for (const [name, asset] of Object.entries(ASSETS)) {
    const file = packageFile(asset.pkg, asset.file);
    router.get(`/graphiql/${name}`, (_req, res) => {
      res.type(asset.type).set('Cache-Control', 'public, max-age=86400').sendFile(file);
    });
  }
  return router;
}

export const graphiqlPage = (): string => PAGE;
