import { Extensions } from '@nestjs/graphql';
import { defaultFieldResolver, GraphQLObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { Viewer } from './viewer.js';

const EXTENSION = 'pressroomEditorsOnly';

/** What readers without an EDITOR or ADMIN token get instead of the value: null unless told. */
export type PublicView = (value: unknown) => unknown;

interface EditorsOnlyExtension {
  publicView?: PublicView;
}

/**
 * Marks a field of an object type as editors' (EDITOR or ADMIN token): everyone else reads
 * null, or `publicView(value)` when given. Enforced for every path to the type by
 * `enforceFieldVisibility`; see docs/decisions.md for which fields and why.
 */
export function EditorsOnly(publicView?: PublicView): PropertyDecorator & MethodDecorator {
  const extension: EditorsOnlyExtension = publicView ? { publicView } : {};
  return Extensions({ [EXTENSION]: extension }) as PropertyDecorator & MethodDecorator;
}

/** Whether the viewer holds an EDITOR or ADMIN token. */
export function isEditor(viewer: Viewer | undefined): boolean {
  return viewer?.role === 'EDITOR' || viewer?.role === 'ADMIN';
}

/**
 * Wraps the resolver of every field marked `@EditorsOnly`: the one place the rule is applied,
 * whichever query, nesting or schema transform reached the field. Run it after any transform
 * that replaces resolvers. Anonymous answers therefore never hold the values, so the response
 * cache (anonymous requests only) never stores them.
 */
export function enforceFieldVisibility(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const extension = field.extensions[EXTENSION] as EditorsOnlyExtension | undefined;
      if (extension) field.resolve = editorsOnly(field.resolve ?? defaultFieldResolver, extension.publicView);
    }
  }
  return schema;
}

function editorsOnly(
  resolve: GraphQLFieldResolver<unknown, { viewer?: Viewer }>,
  publicView: PublicView | undefined,
): GraphQLFieldResolver<unknown, { viewer?: Viewer }> {
  return (source, args, context, info) => {
    if (isEditor(context?.viewer)) return resolve(source, args, context, info);
    if (!publicView) return null;
    const value = resolve(source, args, context, info);
    return value instanceof Promise ? value.then(publicView) : publicView(value);
  };
}
