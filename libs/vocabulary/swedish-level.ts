import { registerEnumType } from '@nestjs/graphql';

/** Swedish for immigrants courses A–D, then Swedish as a second language. Declared in ascending order. */
export enum SwedishLevel {
  SFI_A = 'SFI_A',
  SFI_B = 'SFI_B',
  SFI_C = 'SFI_C',
  SFI_D = 'SFI_D',
  SVA = 'SVA',
}

registerEnumType(SwedishLevel, {
  name: 'SwedishLevel',
  description: 'SFI course A, B, C, D, then Swedish as a second language (SVA); in ascending order.',
});

export const SWEDISH_LEVELS_ASCENDING: readonly SwedishLevel[] = Object.values(SwedishLevel);

/** Whether `level` is at least `minimum` (no minimum: always). */
export function meetsSwedishLevel(level: SwedishLevel, minimum: SwedishLevel | null | undefined): boolean {
  return !minimum || SWEDISH_LEVELS_ASCENDING.indexOf(level) >= SWEDISH_LEVELS_ASCENDING.indexOf(minimum);
}
