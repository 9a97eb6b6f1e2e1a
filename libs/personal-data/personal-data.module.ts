import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PersonalDataAccess } from './personal-data-access.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([PersonalDataAccess])],
  providers: [],
  exports: [],
})
export class PersonalDataModule {}
