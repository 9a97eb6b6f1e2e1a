import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsEnum, IsIn, IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { Trim } from '#libs/validation';
import { SEARCHABLE_KINDS } from '../taxonomy-search.js';
import { TaxonomyKind } from '../taxonomy-kind.js';

@ArgsType()
export class SearchTaxonomyArgs {
  @Field(() => TaxonomyKind, { description: 'OCCUPATION, SKILL, LANGUAGE or MUNICIPALITY.' })
  @IsEnum(TaxonomyKind)
  @IsIn(SEARCHABLE_KINDS, { message: `must be one of ${SEARCHABLE_KINDS.join(', ')}` })
  kind!: TaxonomyKind;

  @Field({
    description:
      'What the user typed, with at least one letter or digit: a prefix of the label or of one of its words, ' +
      'typo tolerant; å ä ö may be typed as a a o. Municipalities also match their kommunkod, languages their ISO code.',
  })
  @Trim()
  @IsString()
  @Length(1, 100)
  // Punctuation alone (% _ \) has no trigram to use an index with, so it would scan every label.
  @Matches(/[\p{L}\p{N}]/u, { message: 'must contain a letter or a digit' })
  query!: string;

  @Field(() => Int, { defaultValue: 10 })
  @IsInt()
  @Min(1)
  @Max(50)
  first: number = 10;
}
