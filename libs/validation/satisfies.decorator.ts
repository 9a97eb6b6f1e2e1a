import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/**
 * Validates a property with a function that explains what is wrong (or returns null when nothing is),
 * so that the client gets the specific reason, not a generic "invalid".
 */
export function Satisfies(
  problem: (value: string) => string | null,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'satisfies',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && problem(value) === null,
        defaultMessage: (args?: ValidationArguments) =>
          typeof args?.value === 'string' ? (problem(args.value) ?? 'is invalid') : 'must be a string',
      },
    });
  };
}
