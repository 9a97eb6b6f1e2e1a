import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEmail, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { AppError, ErrorCode } from '#libs/errors';
import { InputValidationPipe } from './input-validation.pipe.js';
import { Trim } from './transforms.js';

@InputType()
class Address {
  @Field()
  @Length(4, 4)
  municipalityCode!: string;
}

@InputType()
class Input {
  @Field()
  @Trim()
  @Length(1, 5)
  name!: string;

  @Field()
  @IsEmail()
  email!: string;

  @Field(() => Address)
  @ValidateNested()
  @Type(() => Address)
  address!: Address;

  @Field(() => [Address], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => Address)
  previous?: Address[];
}

@ArgsType()
class SearchArgs {
  @Field()
  @IsString()
  @Length(1, 100)
  query!: string;
}

describe('InputValidationPipe', () => {
  const pipe = new InputValidationPipe();
  const validate = (value: unknown) =>
    pipe.transform(value, { type: 'body', metatype: Input, data: 'input' });

  it('returns the transformed input when it is valid', async () => {
    await expect(
      validate({ name: ' Kim ', email: 'kim@example.se', address: { municipalityCode: '0120' } }),
    ).resolves.toMatchObject({
      name: 'Kim',
    });
  });

  it('names every wrong field by its path from the argument, nested ones included', async () => {
    const error = await validate({
      name: 'too long',
      email: 'nope',
      address: { municipalityCode: '1' },
      extra: 1,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(ErrorCode.BadUserInput);
    expect((error as AppError).details.fields?.map((problem) => problem.field).sort()).toEqual([
      'input.address.municipalityCode',
      'input.email',
      'input.extra',
      'input.name',
    ]);
  });

  describe('the NUL character', () => {
    const refusal = async (promise: Promise<unknown>) => {
      const error = await promise.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe(ErrorCode.BadUserInput);
      return (error as AppError).details.fields ?? [];
    };
    const valid = { name: 'Kim', email: 'kim@example.se', address: { municipalityCode: '0120' } };

    it('is refused anywhere in the argument, nested objects and lists included, before validation', async () => {
      const fields = await refusal(
        validate({
          ...valid,
          // Too long as well: the NUL check comes first, alone.
          name: 'Kim\u0000 and more',
          address: { municipalityCode: '01\u000020' },
          previous: [{ municipalityCode: '0120' }, { municipalityCode: '\u0000' }],
        }),
      );
      expect(fields).toEqual([
        { field: 'input.name', message: 'must not contain the NUL character' },
        { field: 'input.address.municipalityCode', message: 'must not contain the NUL character' },
        { field: 'input.previous[1].municipalityCode', message: 'must not contain the NUL character' },
      ]);
    });

    it('is refused in unknown fields too, which validation would otherwise name', async () => {
      const fields = await refusal(validate({ ...valid, extra: { deep: ['\u0000'] } }));
      expect(fields.map((problem) => problem.field)).toEqual(['input.extra.deep[0]']);
    });

    it('names the field of an ArgsType without a prefix', async () => {
      const fields = await refusal(
        pipe.transform({ query: 'sjuk\u0000' }, { type: 'query', metatype: SearchArgs }),
      );
      expect(fields.map((problem) => problem.field)).toEqual(['query']);
    });

    it('is refused in a scalar string argument, which has no class to validate', async () => {
      const fields = await refusal(
        pipe.transform('a\u0000b', { type: 'query', metatype: String, data: 'status' }),
      );
      expect(fields.map((problem) => problem.field)).toEqual(['status']);
      await expect(pipe.transform('ab', { type: 'query', metatype: String, data: 'status' })).resolves.toBe(
        'ab',
      );
    });

    it('leaves values of custom decorators alone', async () => {
      await expect(
        pipe.transform('a\u0000b', { type: 'custom', metatype: String, data: undefined }),
      ).resolves.toBe('a\u0000b');
    });
  });
});
