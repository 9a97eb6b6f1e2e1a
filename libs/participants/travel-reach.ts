import { registerEnumType } from '@nestjs/graphql';

/** How far a participant can travel to a placement. */
export enum TravelReach {
  HOME_MUNICIPALITY = 'HOME_MUNICIPALITY',
  HOME_COUNTY = 'HOME_COUNTY',
  ANYWHERE = 'ANYWHERE',
}

registerEnumType(TravelReach, { name: 'TravelReach' });
