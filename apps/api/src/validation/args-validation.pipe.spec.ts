import 'reflect-metadata';
import { type ArgumentMetadata, ValidationPipe, type ValidationPipeOptions } from '@nestjs/common';
import { ArgsType, InputType } from '@nestjs/graphql';
import { ConnectionArgs } from '@pressroom/common/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsDate, IsOptional, IsString, Length, Max, MaxLength, ValidateNested } from 'class-validator';
import { validationError } from '../errors/to-app-error.js';
import { ArgsValidationPipe, MAX_REMEMBERED_ARGS_CHARS } from './args-validation.pipe.js';

// The shape of the repository's list arguments: a page, a nested filter that nests itself,
// arrays with size limits, dates.
@InputType()
class WhereInput {
  @IsOptional() @IsString({ each: true }) @MaxLength(20, { each: true }) @ArrayMaxSize(3) tagSlugs?: string[];
  @IsOptional() @IsString() @Length(1, 200) text?: string;
  @IsOptional() @IsDate() publishedAfter?: Date;
  @IsOptional() @ValidateNested({ each: true }) @Type(() => WhereInput) @ArrayMaxSize(2) AND?: WhereInput[];
}
@ArgsType()
class ListArgs extends ConnectionArgs {
  @IsOptional() @ValidateNested() @Type(() => WhereInput) where?: WhereInput;
}
/** The same rules on a class GraphQL does not know: a REST body's DTO. */
class ListBody {
  @IsOptional() @Max(100) first?: number;
}

const OPTIONS: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: validationError,
};
// Nest hands resolver arguments to pipes as `body`, as it does REST bodies.
const GRAPHQL_ARGS: ArgumentMetadata = { type: 'body', metatype: ListArgs };
const REST_BODY: ArgumentMetadata = { type: 'body', metatype: ListBody };

/** Counts the walks through class-validator, to see which calls were answered from memory. */
class CountingPipe extends ArgsValidationPipe {
  validations = 0;
  protected override validate(...args: Parameters<ValidationPipe['validate']>) {
    this.validations++;
    return super.validate(...args);
  }
}

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    (value) => ({ value, type: (value as object).constructor }),
    (error: Error & { extensions?: unknown }) => ({ error: error.message, extensions: error.extensions }),
  );

const CASES: [string, Record<string, unknown>][] = [
  ['a page', { first: 20 }],
  ['a full page', { first: 100 }],
  ['one over the page size', { first: 101 }],
  ['a tag filter', { first: 20, where: { tagSlugs: ['tag-1'] } }],
  ['too many tags', { where: { tagSlugs: ['a', 'b', 'c', 'd'] } }],
  ['a tag slug too long', { where: { tagSlugs: ['x'.repeat(21)] } }],
  ['an empty text', { where: { text: '' } }],
  ['a date', { where: { publishedAfter: new Date('2024-01-01T00:00:00Z') } }],
  ['a nested filter', { where: { AND: [{ text: 'a' }, { tagSlugs: ['b'] }] } }],
  ['a bad nested filter', { where: { AND: [{ text: 'a' }, { text: '' }] } }],
  ['a key the class does not declare', { first: 1, bogus: true }],
];

describe('ArgsValidationPipe', () => {
  it.each(CASES)('answers %s as Nest’s ValidationPipe does, the first time and the next', async (_name, args) => {
    const reference = await outcome(new ValidationPipe(OPTIONS).transform(structuredClone(args), GRAPHQL_ARGS));
    const pipe = new ArgsValidationPipe(OPTIONS);
    for (let i = 0; i < 3; i++)
      expect(await outcome(pipe.transform(structuredClone(args), GRAPHQL_ARGS))).toEqual(reference);
  });

  it('validates GraphQL arguments once per value, and returns a new instance each time', async () => {
    const pipe = new CountingPipe(OPTIONS);
    const args = { first: 20, where: { tagSlugs: ['tag-1'], AND: [{ text: 'x' }] } };
    const first = await pipe.transform(structuredClone(args), GRAPHQL_ARGS);
    const second = (await pipe.transform(structuredClone(args), GRAPHQL_ARGS)) as ListArgs;
    expect(pipe.validations).toBe(1);
    expect(second).not.toBe(first);
    expect(second).toBeInstanceOf(ListArgs);
    expect(second.where).toBeInstanceOf(WhereInput);
    expect(second.where?.AND?.[0]).toBeInstanceOf(WhereInput);
    await pipe.transform({ first: 21 }, GRAPHQL_ARGS);
    expect(pipe.validations).toBe(2);
  });

  it('validates every refusal, REST bodies and long arguments each time', async () => {
    const pipe = new CountingPipe(OPTIONS);
    for (let i = 0; i < 2; i++) await expect(pipe.transform({ first: 101 }, GRAPHQL_ARGS)).rejects.toThrow('first');
    expect(pipe.validations).toBe(2);
    for (let i = 0; i < 2; i++) await pipe.transform({ first: 5 }, REST_BODY);
    expect(pipe.validations).toBe(4);
    const long = {
      where: { text: 'x'.repeat(200), tagSlugs: ['y'.repeat(20)] },
      after: 'z'.repeat(MAX_REMEMBERED_ARGS_CHARS),
    };
    for (let i = 0; i < 2; i++)
      await expect(pipe.transform(structuredClone(long), GRAPHQL_ARGS)).rejects.toThrow('after');
    const longValid = { after: 'z'.repeat(1000), before: 'z'.repeat(1000) };
    for (let i = 0; i < 2; i++) await pipe.transform(structuredClone(longValid), GRAPHQL_ARGS);
    expect(pipe.validations).toBe(8);
  });
});
