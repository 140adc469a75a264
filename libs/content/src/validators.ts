import { Matches, ValidateIf, type ValidationOptions } from 'class-validator';
import { SLUG_PATTERN } from './slugs.js';

/**
 * For update inputs: the field may be left out, but when given it must pass the other rules.
 * (`@IsOptional` would also let `null` through, which would clear a required column.)
 */
export function IfPresent(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}

export function IsSlug(options: ValidationOptions = {}): PropertyDecorator {
  return Matches(SLUG_PATTERN, {
    message: '$property must be lower-case letters or digits in words joined by single dashes',
    ...options,
  });
}

/** A BCP 47 language tag such as `en`, `zh-Hans` or `pt-BR`. */
export const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/** An http(s) URL with its scheme; the options class-validator's IsUrl needs for that. */
export const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true };
