import { Field, ID, ObjectType } from '@nestjs/graphql';
import { TaxonomyConceptType } from '#libs/taxonomy';

@ObjectType('CompetenceCertificate', {
  description:
    'A kompetensbevis: the skills the employer confirmed the person showed in a COMPLETED placement. The same for ' +
    'the coach and the employer: it holds nothing about the person.',
})
export class CompetenceCertificateType {
  @Field(() => ID)
  placementId!: string;

  @Field(() => [TaxonomyConceptType], { description: 'By label.' })
  skills!: TaxonomyConceptType[];

  @Field({ description: 'When the employer confirmed the skills (last corrected).' })
  issuedAt!: Date;
}
