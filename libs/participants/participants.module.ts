import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CompetenceProfile } from './entities/competence-profile.entity.js';
import { Participant } from './entities/participant.entity.js';
import { ProfileLanguage } from './entities/profile-language.entity.js';
import { ProfileOccupation } from './entities/profile-occupation.entity.js';
import { ProfileSkill } from './entities/profile-skill.entity.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Participant,
      CompetenceProfile,
      ProfileOccupation,
      ProfileSkill,
      ProfileLanguage,
    ]),
  ],
  providers: [],
  exports: [],
})
export class ParticipantsModule {}
