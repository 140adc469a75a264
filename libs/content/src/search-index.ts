// `@pressroom/content/search-index`: the search document alone, without Nest or the database,
// for the importer's parse threads.
export { searchDocument, type SearchDocument, type SearchSource } from './search/search-document.js';
