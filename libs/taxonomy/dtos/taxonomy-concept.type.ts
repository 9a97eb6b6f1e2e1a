import { Field, ObjectType } from '@nestjs/graphql';

/** A JobTech concept as clients show it: the id to send back, the Swedish label and the human code if any. */
@ObjectType('TaxonomyConcept')
export class TaxonomyConceptType {
  @Field({ description: 'JobTech concept id.' })
  conceptId!: string;

  @Field({ description: 'Swedish label.' })
  label!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'SSYK code (occupations and groups), kommunkod, länskod, SUN code, ISO 639-1 or else ISO 639-3 code ' +
      '(languages) or licence class, where the kind has one; null for skills.',
  })
  code!: string | null;

  @Field(() => String, { nullable: true, description: 'Municipalities only: the county (län).' })
  countyLabel?: string | null;
}

/** A concept from a `TaxonomyService.concepts` map; an id the taxonomy lacks shows as itself rather than failing a page. */
export function conceptFrom(concepts: Map<string, TaxonomyConceptType>, id: string): TaxonomyConceptType {
  return concepts.get(id) ?? { conceptId: id, label: id, code: null };
}
