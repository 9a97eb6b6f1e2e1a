import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Opening } from './entities/opening.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Opening])],
  providers: [],
  exports: [],
})
export class OpeningsModule {}
