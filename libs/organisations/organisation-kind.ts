import { registerEnumType } from '@nestjs/graphql';

export enum OrganisationKind {
  MUNICIPALITY = 'MUNICIPALITY',
  REGION = 'REGION',
  STATE_AGENCY = 'STATE_AGENCY',
  COMPANY = 'COMPANY',
  /** Civil society: förening, church, Red Cross, sports club. */
  ASSOCIATION = 'ASSOCIATION',
}

registerEnumType(OrganisationKind, { name: 'OrganisationKind' });
