import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PersonalDataModule } from '#libs/personal-data';
import { TaxonomyModule } from '#libs/taxonomy';
import { CompetenceProfile } from './entities/competence-profile.entity.js';
import { Participant } from './entities/participant.entity.js';
import { ProfileLanguage } from './entities/profile-language.entity.js';
import { ProfileOccupation } from './entities/profile-occupation.entity.js';
import { ProfileSkill } from './entities/profile-skill.entity.js';
import { ParticipantAccess } from './participant-access.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Participant,
      CompetenceProfile,
      ProfileOccupation,
      ProfileSkill,
      ProfileLanguage,
    ]),
    PersonalDataModule,
    TaxonomyModule,
  ],
  providers: [ParticipantAccess],
  exports: [ParticipantAccess],
})
export class ParticipantsModule {}
