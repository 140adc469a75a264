// `@pressroom/importer/graphql`: the importer's resolvers, apart from `@pressroom/importer` so
// that the CLI, which imports from the latter, never loads a GraphQL type (issue 15).
export { ImporterGraphqlModule } from './importer-graphql.module.js';
