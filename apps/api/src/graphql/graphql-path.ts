/** Where Apollo answers GraphQL (POST, and GET for anonymous cacheable queries). */
export const GRAPHQL_PATH = '/graphql';
