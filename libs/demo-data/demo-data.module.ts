import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Organisation, OrganisationsModule } from '#libs/organisations';
import { User, UsersModule } from '#libs/users';
import { DemoDataService } from './demo-data.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Organisation, User]), OrganisationsModule, UsersModule],
  providers: [DemoDataService],
  exports: [DemoDataService],
})
export class DemoDataModule {}
