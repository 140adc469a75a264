import { SetMetadata } from '@nestjs/common';
import { ForbiddenError, UnauthenticatedError, type Viewer } from '@pressroom/common';

export type RoleName = 'ADMIN' | 'EDITOR';
export const ROLES_KEY = 'pressroom:roles';

/** The least role an operation needs; ADMIN can do everything EDITOR can. */
export const Roles = (role: RoleName) => SetMetadata(ROLES_KEY, role);

export function assertRole(viewer: Viewer, required: RoleName): void {
  if (!viewer.role) throw new UnauthenticatedError();
  if (required === 'ADMIN' && viewer.role !== 'ADMIN') throw new ForbiddenError(`This needs an ADMIN token`);
}
