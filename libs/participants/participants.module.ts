import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PersonalDataModule } from '#libs/personal-data';
import { TaxonomyModule } from '#libs/taxonomy';
import { CompetenceProfile } from './entities/competence-profile.entity.js';
import { Participant } from './entities/participant.entity.js';
import { ProfileLanguage } from './entities/profile-language.entity.js';
import { ProfileOccupation } from './entities/profile-occupation.entity.js';
import { ProfileSkill } from './entities/profile-skill.entity.js';
import { AnonymisedPopulation } from './anonymisation/anonymised-population.js';
import { AnonymisedProfilesResolver } from './anonymisation/anonymised-profiles.resolver.js';
import { AnonymisedProfilesService } from './anonymisation/anonymised-profiles.service.js';
import { ProfilesKnownToEmployers } from './anonymisation/profiles-known-to-employers.js';
import { CompetenceProfilesResolver } from './competence-profiles.resolver.js';
import { CompetenceProfilesService } from './competence-profiles.service.js';
import { ParticipantAccess } from './participant-access.js';
import { ParticipantErasure } from './participant-erasure.js';
import { ProfileChanges } from './profile-changes.js';
import { ParticipantsResolver } from './participants.resolver.js';
import { ParticipantsService } from './participants.service.js';
import { ProfileSearchSignature } from './search/profile-search-signature.entity.js';
import { ProfileSearchProjection } from './search/profile-search.projection.js';
import { ProfileSearchResolver } from './search/profile-search.resolver.js';
import { ProfileSearchService } from './search/profile-search.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Participant,
      CompetenceProfile,
      ProfileOccupation,
      ProfileSkill,
      ProfileLanguage,
      ProfileSearchSignature,
    ]),
    PersonalDataModule,
    TaxonomyModule,
  ],
  providers: [
    ParticipantAccess,
    ParticipantErasure,
    ProfileChanges,
    ParticipantsService,
    CompetenceProfilesService,
    AnonymisedPopulation,
    AnonymisedProfilesService,
    ProfilesKnownToEmployers,
    ProfileSearchProjection,
    ProfileSearchService,
    ParticipantsResolver,
    CompetenceProfilesResolver,
    AnonymisedProfilesResolver,
    ProfileSearchResolver,
  ],
  exports: [
    ParticipantAccess,
    ParticipantErasure,
    ProfileChanges,
    ParticipantsService,
    CompetenceProfilesService,
    AnonymisedProfilesService,
  ],
})
export class ParticipantsModule {}
