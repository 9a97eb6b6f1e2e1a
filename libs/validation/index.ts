export { Satisfies } from './satisfies.decorator.js';
export { Trim, NormaliseEmail, Absent } from './transforms.js';
export { InputValidationPipe, fieldProblems } from './input-validation.pipe.js';
export { IdArg } from './id-arg.decorator.js';
