import type { ApolloServerPlugin } from '@apollo/server';
import { IDE_ASSETS_PATH } from './ide-assets.js';

/**
 * GraphiQL as Apollo's landing page (GET /graphql from a browser), loading React and GraphiQL
 * from this server rather than a CDN, so it works without internet access.
 */
export function offlineIdePlugin(graphqlPath: string): ApolloServerPlugin {
  const html = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Pressroom GraphQL</title>
    <style>body { margin: 0; } #graphiql { height: 100vh; }</style>
    <link rel="stylesheet" href="${IDE_ASSETS_PATH}/graphiql.css" />
    <script src="${IDE_ASSETS_PATH}/react.js"></script>
    <script src="${IDE_ASSETS_PATH}/react-dom.js"></script>
    <script src="${IDE_ASSETS_PATH}/graphiql.js"></script>
  </head>
  <body>
    <div id="graphiql">Loading…</div>
    <script>
      const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(graphqlPath)} });
      ReactDOM.createRoot(document.getElementById('graphiql')).render(
        React.createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true, shouldPersistHeaders: false }),
      );
    </script>
  </body>
</html>`;
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}
