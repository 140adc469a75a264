/** What a screen gets: where to draw, a signal aborted when the reader leaves it, the route's parts. */
export interface ViewContext {
  root: HTMLElement;
  signal: AbortSignal;
  params: string[];
  /** Goes to another screen (a hash route such as `#/articles`). */
  go: (hash: string) => void;
  /** While `unsaved()` is true, leaving the screen (link, language, sign-out, reload) asks first. */
  warnBeforeLeaving: (unsaved: () => boolean) => void;
}

export type View = (ctx: ViewContext) => Promise<void> | void;

/** Resolves after `ms`, or at once when the screen is left. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}
