/**
 * The query GraphiQL opens with. One field or short selection per line: GraphiQL neither wraps nor
 * scrolls into view, so a long line ran past the editor's edge, under the run button. About 39
 * characters fit beside the buttons in a 1024-pixel-wide window; lines are kept to 32.
 * test/edge/browser/graphiql-default-query.test.ts checks that, test/e2e/graphiql-browser.test.ts
 * measures it in Chromium.
 */
export const GRAPHIQL_DEFAULT_QUERY = `# Welcome to Community Graph
{
  events(first: 5) {
    totalCount
    edges {
      node {
        title
        startsAt
        organizer { name kind }
        location { name }
        registration {
          mode
          remaining
        }
      }
    }
  }
}
`;
