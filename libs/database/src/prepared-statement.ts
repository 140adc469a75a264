import { createHash } from 'node:crypto';

/**
 * A statement whose text never changes, which each connection prepares once: PostgreSQL then
 * skips parsing it on every later run, and, once a generic plan proves as good as the custom
 * ones (after five runs), planning it too. Measured on a title save (issue 15), parsing and
 * planning its one statement were about a third of PostgreSQL's CPU besides the search index.
 *
 * Every distinct text is a plan kept in each connection for its lifetime, so SQL assembled
 * from a request (selected fields, changed columns) goes through preparedWhileFew(), which
 * bounds them; and no statement whose best plan depends on its values is prepared (search: the
 * planner's guess of a word's frequency picks the index; lists filtered on values, whose
 * frequency picks the plan). The name is the text's hash, so two modules preparing one text
 * share it.
 */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

export function preparedStatement(text: string): PreparedStatement {
  return { name: `pressroom_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`, text };
}

/** How many texts one process prepares through preparedWhileFew(); any later one runs as it is. */
export const MAX_PREPARED_TEXTS = 100;
const preparedTexts = new Map<string, PreparedStatement>();

/**
 * `text` as a prepared statement while this process has prepared fewer than MAX_PREPARED_TEXTS
 * texts this way, else as it is. For statements assembled from a few parts (the columns an edit
 * changes, the fields a query selects) whose plan is the same for any values (a lookup by a
 * unique key): the shapes a front end and the console use come first and are prepared, and a
 * client sending ever new shapes cannot make the server keep a plan for each in every connection.
 */
export function preparedWhileFew(text: string): PreparedStatement | string {
  const known = preparedTexts.get(text);
  if (known) return known;
  if (preparedTexts.size >= MAX_PREPARED_TEXTS) return text;
  const statement = preparedStatement(text);
  preparedTexts.set(text, statement);
  return statement;
}
