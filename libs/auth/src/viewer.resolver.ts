import { Context, Query, Resolver } from '@nestjs/graphql';
import type { Viewer } from '@pressroom/common';
import type { Role } from '@pressroom/database';
import { ViewerModel } from './models/viewer.model.js';

/**
 * `viewer`: the role and name of the token sent, null without one (a bad token is UNAUTHENTICATED
 * before any resolver runs). Lets a client learn what to offer without trying an ADMIN operation.
 */
@Resolver(() => ViewerModel)
export class ViewerResolver {
  @Query(() => ViewerModel, { nullable: true, description: 'The caller: its role and token name; null when anonymous' })
  viewer(@Context('viewer') viewer: Viewer): ViewerModel | null {
    if (!viewer.role || !viewer.name) return null;
    return { role: viewer.role as Role, name: viewer.name };
  }
}
