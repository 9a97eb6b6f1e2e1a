import { Module } from '@nestjs/common';
import { CompetenceCertificatesModule } from '#libs/competence-certificates';
import { FollowUpsModule } from '#libs/follow-ups';
import { MatchingModule } from '#libs/matching';
import { OpeningsModule } from '#libs/openings';
import { OrganisationsModule } from '#libs/organisations';
import { ParticipantsModule } from '#libs/participants';
import { PlacementsModule } from '#libs/placements';
import { TaxonomyModule } from '#libs/taxonomy';
import { TracksModule } from '#libs/tracks';
import { UsersModule } from '#libs/users';
import { DemoDataService } from './demo-data.service.js';

@Module({
  imports: [
    OrganisationsModule,
    UsersModule,
    ParticipantsModule,
    TracksModule,
    OpeningsModule,
    TaxonomyModule,
    MatchingModule,
    PlacementsModule,
    FollowUpsModule,
    CompetenceCertificatesModule,
  ],
  providers: [DemoDataService],
  exports: [DemoDataService],
})
export class DemoDataModule {}
