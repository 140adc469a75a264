export * from './errors.js';
export * from './cursor.js';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './page-size.js';
// Types only: the classes behind them carry GraphQL decorators (@pressroom/common/graphql).
export type { Connection, ConnectionArgs, Edge, PageInfo } from './connection.js';
export * from './page.js';
export * from './viewer.js';
export * from './config/index.js';
export * from './like.js';
export * from './logging/index.js';
