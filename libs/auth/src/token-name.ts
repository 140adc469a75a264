/** Token names appear in revisions and logs: short, no spaces, no markup. */
export const TOKEN_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@:-]{0,99}$/;
export const TOKEN_NAME_RULE = 'letters, digits and . _ @ : - (at most 100, starting with a letter or digit)';
