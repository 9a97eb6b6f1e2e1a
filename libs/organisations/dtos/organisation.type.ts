import { Field, ID, ObjectType } from '@nestjs/graphql';
import { formatOrganisationNumber } from '#libs/identity-numbers';
import { OrganisationKind } from '../organisation-kind.js';
import type { Organisation } from '../organisation.entity.js';

@ObjectType('Organisation')
export class OrganisationType {
  @Field(() => ID)
  id!: string;

  @Field(() => OrganisationKind)
  kind!: OrganisationKind;

  @Field()
  name!: string;

  @Field({ description: 'Swedish organisationsnummer, written NNNNNN-NNNN.' })
  organisationNumber!: string;

  @Field({ description: 'Kommunkod of the home municipality.' })
  municipalityCode!: string;

  @Field()
  createdAt!: Date;

  static from(organisation: Organisation): OrganisationType {
    return {
      id: organisation.id,
      kind: organisation.kind,
      name: organisation.name,
      organisationNumber: formatOrganisationNumber(organisation.organisationNumber),
      municipalityCode: organisation.municipalityCode,
      createdAt: organisation.createdAt,
    };
  }
}
