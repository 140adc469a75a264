// `@pressroom/common/graphql`: what only a GraphQL schema needs (the Relay object types, the
// editors-only field rule). Kept out of `@pressroom/common`, whose importers include every
// service and the CLI: loading @nestjs/graphql's decorators cost the CLI a second (issue 15).
export { ConnectionArgs, ConnectionType, PageInfo } from './connection.js';
export { EditorsOnly, enforceFieldVisibility, isEditor, type PublicView } from './field-visibility.js';
