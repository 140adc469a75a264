// `@pressroom/content/search-index`: what the importer's parse threads compute for the bulk
// writer (the search document, the encoded columns), without Nest or the database.
export { searchDocument, type SearchDocument, type SearchSource } from './search/search-document.js';
export { importColumns, type ImportColumns, type ImportColumnsSource } from './articles/import-columns.js';
