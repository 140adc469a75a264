import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Names of the fields a query selects below the current field, following `path` (for a
 * connection: ['edges', 'node']), fragments included. Lets a resolver read only the columns
 * asked for: an article's body and HTML are most of its bytes, and a list rarely shows them.
 */
export function selectedFields(info: GraphQLResolveInfo, path: string[] = []): Set<string> {
  let sets = info.fieldNodes.map((f) => f.selectionSet).filter((s): s is SelectionSetNode => !!s);
  for (const name of path) {
    sets = fieldsOf(sets, info)
      .filter((f) => f.name.value === name)
      .map((f) => f.selectionSet)
      .filter((s): s is SelectionSetNode => !!s);
  }
  return new Set(fieldsOf(sets, info).map((f) => f.name.value));
}

function fieldsOf(sets: SelectionSetNode[], info: GraphQLResolveInfo, seen = new Set<string>()): FieldNode[] {
  return sets.flatMap((set) =>
    set.selections.flatMap((selection) => {
      if (selection.kind === Kind.FIELD) return [selection];
      if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsOf([selection.selectionSet], info, seen);
      const name = selection.name.value;
      const fragment = info.fragments[name];
      if (!fragment || seen.has(name)) return [];
      seen.add(name);
      return fieldsOf([fragment.selectionSet], info, seen);
    }),
  );
}

/** What a query asks of articles: their fields, and those of their authors and tags. */
export interface ArticleSelection {
  fields: ReadonlySet<string>;
  authors?: ReadonlySet<string>;
  tags?: ReadonlySet<string>;
}

/** The selection of the articles found at `path` below the current field. */
export function articleSelection(info: GraphQLResolveInfo, path: string[] = []): ArticleSelection {
  const fields = selectedFields(info, path);
  return {
    fields,
    authors: fields.has('authors') ? selectedFields(info, [...path, 'authors']) : undefined,
    tags: fields.has('tags') ? selectedFields(info, [...path, 'tags']) : undefined,
  };
}
