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
      'SSYK code, kommunkod, länskod, SUN code, ISO 639 code or licence class, where the kind has one.',
  })
  code!: string | null;
}
