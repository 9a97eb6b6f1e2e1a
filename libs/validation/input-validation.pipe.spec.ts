import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEmail, Length, ValidateNested } from 'class-validator';
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
});
