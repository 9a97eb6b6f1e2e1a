import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { AppError, type FieldProblem } from '#libs/errors';

const PRIMITIVES = new Set<unknown>([String, Boolean, Number, Array, Object]);

const NUL_MESSAGE = 'must not contain the NUL character';

/**
 * Validates every decorated argument class (inputs, args) and refuses the whole request with BAD_USER_INPUT,
 * naming each wrong field by its path (`input.organisationNumber`), before any resolver code runs.
 *
 * Before that, every string of an argument (nested objects and lists included) is checked for U+0000:
 * PostgreSQL cannot store it in text and would fail the statement.
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { metatype } = metadata;
    // Custom parameter decorators (@CurrentUser, @Context) are not client input.
    if (metadata.type === 'custom' || value == null) return value;
    // @Args() of an ArgsType has no name: its fields are top-level arguments.
    const path = metadata.data ?? '';
    // A scalar string argument (`@Args('q') q: string`) gets no class validation but may still hold a NUL.
    if (typeof value === 'string') {
      if (value.includes('\u0000')) throw AppError.badInput(path, NUL_MESSAGE);
      return value;
    }
    // Only argument classes carry validation rules; enums (plain objects) and primitives pass through.
    if (typeof metatype !== 'function' || PRIMITIVES.has(metatype)) return value;
    const nulFields = nulCharacterProblems(value, path);
    if (nulFields.length > 0) throw AppError.badInputs(nulFields);
    const instance = plainToInstance(metatype, value) as object;
    const errors = await validate(instance, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: false,
    });
    if (errors.length > 0) {
      throw AppError.badInputs(fieldProblems(errors, path));
    }
    return instance;
  }
}

/** Every string in `value` (walked through objects and arrays) that contains U+0000, by its path. */
export function nulCharacterProblems(value: unknown, path: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<object>();
  const walk = (current: unknown, at: string) => {
    if (typeof current === 'string') {
      if (current.includes('\u0000')) problems.push({ field: at, message: NUL_MESSAGE });
      return;
    }
    if (current === null || typeof current !== 'object' || seen.has(current)) return;
    seen.add(current);
    if (Array.isArray(current)) current.forEach((item, index) => walk(item, childPath(at, index)));
    else for (const [key, item] of Object.entries(current)) walk(item, childPath(at, key));
  };
  walk(value, path);
  return problems;
}

/** A field's path as GraphQL writes it: `input.name`, an item of a list `input.occupations[0]`. */
function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/**
 * The problems of class-validator's errors, each on its field's path as GraphQL writes it: `input.name`, and an item
 * of a list `input.occupations[0].occupationConceptId`.
 */
export function fieldProblems(errors: ValidationError[], path: string): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = childPath(path, /^\d+$/.test(error.property) ? Number(error.property) : error.property);
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
