import { ValidateIf } from 'class-validator';
import { Transform } from 'class-transformer';

/** Trims surrounding whitespace of a string input. */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Trims and lower-cases, for email addresses. */
export const NormaliseEmail = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

/** Optional in an update: absent means "leave as it is"; null is validated (and refused) like any other value. */
export const Absent = () => ValidateIf((_object, value) => value !== undefined);
