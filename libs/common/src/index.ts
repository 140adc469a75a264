export * from './errors.js';
export * from './cursor.js';
export * from './connection.js';
export * from './page.js';
export * from './viewer.js';
export * from './config/index.js';
export * from './like.js';
export * from './logging/index.js';
