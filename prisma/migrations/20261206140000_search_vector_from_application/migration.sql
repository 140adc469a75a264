-- The search vector has one source: searchDocument() in @pressroom/content, which every writer
-- (the import and the editor's writes) sends as pressroom_search_vector(...) (issue 13). The
-- trigger and the SQL copies of HTML-to-text and CJK segmentation it used go: kept, they drifted
-- from the application's text (tags and entities read differently), and an article's vector
-- would depend on which path wrote it. Vectors already stored stay as they are until the article
-- is next written.
DROP TRIGGER IF EXISTS "Article_search" ON "Article";
DROP FUNCTION IF EXISTS pressroom_article_search_trigger();
DROP FUNCTION IF EXISTS pressroom_article_search_vector(text, text, text);
DROP FUNCTION IF EXISTS pressroom_search_plain_text(text);
DROP FUNCTION IF EXISTS pressroom_search_bigrams(text);
DROP FUNCTION IF EXISTS pressroom_search_words(text);
DROP FUNCTION IF EXISTS pressroom_search_segment(text);
