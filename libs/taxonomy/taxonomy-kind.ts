import { registerEnumType } from '@nestjs/graphql';

/** The JobTech concept types Matchbron stores, each in its own table. */
export enum TaxonomyKind {
  OCCUPATION_GROUP = 'OCCUPATION_GROUP',
  OCCUPATION = 'OCCUPATION',
  SKILL = 'SKILL',
  LANGUAGE = 'LANGUAGE',
  COUNTY = 'COUNTY',
  MUNICIPALITY = 'MUNICIPALITY',
  EDUCATION_LEVEL = 'EDUCATION_LEVEL',
  DRIVING_LICENCE = 'DRIVING_LICENCE',
}

registerEnumType(TaxonomyKind, { name: 'TaxonomyKind' });
