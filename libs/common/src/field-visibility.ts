import { Extensions } from '@nestjs/graphql';
import { defaultFieldResolver, GraphQLObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { UnauthenticatedError } from './errors.js';
import type { Viewer } from './viewer.js';

const EXTENSION = 'pressroomEditorsOnly';

/** What readers without an EDITOR or ADMIN token get instead of the value. */
export type PublicView = (value: unknown) => unknown;

interface EditorsOnlyExtension {
  otherwise?: PublicView | 'UNAUTHENTICATED';
}

/**
 * Marks a field of an object type as editors' (EDITOR or ADMIN token). Everyone else reads
 * null; or `otherwise(value)` when it is a function; or, with 'UNAUTHENTICATED', gets that
 * error (for fields that are operations of their own, such as a paged history). Enforced for
 * every path to the type by `enforceFieldVisibility`; see docs/decisions.md for which fields and why.
 */
export function EditorsOnly(otherwise?: PublicView | 'UNAUTHENTICATED'): PropertyDecorator & MethodDecorator {
  const extension: EditorsOnlyExtension = otherwise ? { otherwise } : {};
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
      if (extension) field.resolve = editorsOnly(field.resolve ?? defaultFieldResolver, extension.otherwise);
    }
  }
  return schema;
}

function editorsOnly(
  resolve: GraphQLFieldResolver<unknown, { viewer?: Viewer }>,
  otherwise: EditorsOnlyExtension['otherwise'],
): GraphQLFieldResolver<unknown, { viewer?: Viewer }> {
  return (source, args, context, info) => {
    if (isEditor(context?.viewer)) return resolve(source, args, context, info);
    if (otherwise === undefined) return null;
    if (otherwise === 'UNAUTHENTICATED') throw new UnauthenticatedError();
    const value = resolve(source, args, context, info);
    return value instanceof Promise ? value.then(otherwise) : otherwise(value);
  };
}
