/** The repository root: apps/api/{src,dist}/config/ is four levels below it. */
export declare const REPO_ROOT: string;
export declare const DEFAULT_DATA_DIR: string;
export declare const SAMPLE_POSTS_DIR: string;
