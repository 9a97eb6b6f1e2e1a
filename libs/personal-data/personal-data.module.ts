import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PersonalDataAccess } from './personal-data-access.entity.js';
import { PersonalDataAuditLog } from './personal-data-audit.service.js';
import { PersonalDataCipher } from './personal-data-cipher.js';
import { PersonalDataResolver } from './personal-data.resolver.js';

@Module({
  imports: [TypeOrmModule.forFeature([PersonalDataAccess])],
  providers: [PersonalDataCipher, PersonalDataAuditLog, PersonalDataResolver],
  exports: [PersonalDataCipher, PersonalDataAuditLog],
})
export class PersonalDataModule {}
