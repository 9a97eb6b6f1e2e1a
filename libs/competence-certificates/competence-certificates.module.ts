import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FollowUpsModule } from '#libs/follow-ups';
import { NotificationsModule } from '#libs/notifications';
import { ParticipantsModule } from '#libs/participants';
import { PersonalDataModule } from '#libs/personal-data';
import { TaxonomyModule } from '#libs/taxonomy';
import { CompetenceCertificatesResolver } from './competence-certificates.resolver.js';
import { CompetenceCertificatesService } from './competence-certificates.service.js';
import { CompetenceCertificateSkill } from './entities/competence-certificate-skill.entity.js';
import { CompetenceCertificate } from './entities/competence-certificate.entity.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([CompetenceCertificate, CompetenceCertificateSkill]),
    FollowUpsModule,
    NotificationsModule,
    ParticipantsModule,
    PersonalDataModule,
    TaxonomyModule,
  ],
  providers: [CompetenceCertificatesService, CompetenceCertificatesResolver],
  exports: [CompetenceCertificatesService],
})
export class CompetenceCertificatesModule {}
