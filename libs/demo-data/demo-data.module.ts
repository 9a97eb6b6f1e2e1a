import { Module } from '@nestjs/common';
import { OpeningsModule } from '#libs/openings';
import { OrganisationsModule } from '#libs/organisations';
import { ParticipantsModule } from '#libs/participants';
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
  ],
  providers: [DemoDataService],
  exports: [DemoDataService],
})
export class DemoDataModule {}
