/** Who is asking: an API token's role and name, or an anonymous reader (role null). */
export interface Viewer {
  role: 'ADMIN' | 'EDITOR' | null;
  /** The token's name, recorded as the author of revisions. */
  name: string | null;
  /** A preview token's article: `article(id|slug)` answers it whatever its status (issue 16). */
  previewArticleId?: string;
}

export const ANONYMOUS: Viewer = Object.freeze({ role: null, name: null });

/** Editors and admins see drafts, archived and scheduled articles; anonymous readers do not. */
export function canSeeUnpublished(viewer: Viewer): boolean {
  return viewer.role === 'EDITOR' || viewer.role === 'ADMIN';
}
