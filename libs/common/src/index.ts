export * from './errors.js';
export * from './cursor.js';
export * from './connection.js';
export * from './page.js';
export * from './viewer.js';
export * from './field-visibility.js';
export * from './config/index.js';
