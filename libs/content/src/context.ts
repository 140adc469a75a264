import type { Viewer } from '@pressroom/common';
import type { ContentLoaders } from './loaders.js';

/** The GraphQL context every resolver receives. */
export interface GqlContext {
  viewer: Viewer;
  loaders: ContentLoaders;
}
