import type { Viewer } from '@pressroom/common';

/** Who a revision names: the token's name (mutations only run for a token with a role). */
export function actorOf(viewer: Viewer): string {
  return viewer.name ?? 'unknown';
}
