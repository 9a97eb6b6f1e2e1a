import { registerEnumType } from '@nestjs/graphql';

/** How well a participant speaks a language other than Swedish. */
export enum LanguageLevel {
  BASIC = 'BASIC',
  GOOD = 'GOOD',
  FLUENT = 'FLUENT',
  NATIVE = 'NATIVE',
}

registerEnumType(LanguageLevel, { name: 'LanguageLevel' });
