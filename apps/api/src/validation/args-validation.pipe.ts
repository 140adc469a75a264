import { type ArgumentMetadata, type Type, ValidationPipe, type ValidationPipeOptions } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { CLASS_TYPE_METADATA } from '@nestjs/graphql';
import { LRUCache } from 'lru-cache';

/** How @nestjs/graphql marks `@ArgsType()` and `@InputType()` classes (its ClassType enum is not exported). */
const GRAPHQL_ARGUMENT_CLASSES = new Set(['args', 'inputType']);
/** Arguments longer than this as JSON (article bodies, imports) are validated every time, not remembered. */
export const MAX_REMEMBERED_ARGS_CHARS = 2000;
/** Characters of remembered arguments, all types together (about 2 MB of strings). */
const REMEMBERED_CHARS = 1_000_000;

/**
 * The global ValidationPipe (whitelist, forbidNonWhitelisted, transform), remembering which
 * GraphQL arguments passed. A page of a front end asks the same few argument values over and
 * over, and class-validator walks every rule of the class each time: 4-7% of a read's CPU in
 * the read benchmark's profile (issue 14). For GraphQL arguments the schema has already fixed
 * the type of every value, so an argument type and the arguments' JSON decide the outcome
 * (no rule here reads anything but the value); a value seen passing is only transformed again.
 * Failures are never remembered, so every refusal is computed, with its message, as before.
 * REST bodies and query strings, whose values the schema does not type, always go the full way.
 * (Nest passes resolver arguments to pipes as `body`, so the class says which is which.)
 */
export class ArgsValidationPipe extends ValidationPipe {
  private readonly passed = new LRUCache<string, true>({
    maxSize: REMEMBERED_CHARS,
    sizeCalculation: (_value, key) => key.length,
  });
  private readonly typeIds = new Map<Type<unknown>, number>();

  constructor(options: ValidationPipeOptions) {
    super(options);
    if (!options.transform) throw new Error('ArgsValidationPipe returns instances: it needs transform: true');
  }

  /** How many argument values are remembered as passing. */
  get remembered(): number {
    return this.passed.size;
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const key = this.keyFor(value, metadata);
    if (key === null) return super.transform(value, metadata);
    if (this.passed.has(key)) return plainToInstance(metadata.metatype!, value, this.transformOptions);
    const result: unknown = await super.transform(value, metadata);
    this.passed.set(key, true);
    return result;
  }

  /** Where the outcome may be remembered: arguments of a GraphQL argument or input class, small enough. */
  private keyFor(value: unknown, metadata: ArgumentMetadata): string | null {
    const metatype = metadata.metatype;
    if (!metatype || !this.toValidate(metadata) || !isGraphqlArgumentClass(metatype)) return null;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    let json: string;
    try {
      json = JSON.stringify(value);
    } catch {
      return null; // nested deeper than the stack: validated (and refused) the full way
    }
    if (json.length > MAX_REMEMBERED_ARGS_CHARS) return null;
    let id = this.typeIds.get(metatype);
    if (id === undefined) this.typeIds.set(metatype, (id = this.typeIds.size));
    return `${id}:${json}`;
  }
}

/**
 * A class the schema builds arguments from. Nest hands resolver arguments to pipes as `body`,
 * like a REST body; the class tells them apart (no REST DTO here is a GraphQL type).
 */
function isGraphqlArgumentClass(metatype: Type<unknown>): boolean {
  return GRAPHQL_ARGUMENT_CLASSES.has(Reflect.getMetadata(CLASS_TYPE_METADATA, metatype) as string);
}
