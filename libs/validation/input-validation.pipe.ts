import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { AppError, type FieldProblem } from '#libs/errors';

const PRIMITIVES = new Set<unknown>([String, Boolean, Number, Array, Object]);

/**
 * Validates every decorated argument class (inputs, args) and refuses the whole request with BAD_USER_INPUT,
 * naming each wrong field by its path (`input.organisationNumber`), before any resolver code runs.
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { metatype } = metadata;
    // Only argument classes carry validation rules; enums (plain objects) and primitives pass through.
    if (
      typeof metatype !== 'function' ||
      PRIMITIVES.has(metatype) ||
      metadata.type === 'custom' ||
      value == null
    )
      return value;
    const instance = plainToInstance(metatype, value) as object;
    const errors = await validate(instance, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: false,
    });
    if (errors.length > 0) {
      // @Args() of an ArgsType has no name: its fields are top-level arguments.
      throw AppError.badInputs(fieldProblems(errors, metadata.data ?? ''));
    }
    return instance;
  }
}

export function fieldProblems(errors: ValidationError[], path: string): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = path ? `${path}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: stripPropertyName(message, error.property),
    }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/** class-validator starts its messages with the property name; the field path already says it. */
function stripPropertyName(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}
