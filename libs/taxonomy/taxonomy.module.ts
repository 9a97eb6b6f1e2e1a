import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { County } from './entities/county.entity.js';
import { DrivingLicence } from './entities/driving-licence.entity.js';
import { EducationLevel } from './entities/education-level.entity.js';
import { Language } from './entities/language.entity.js';
import { Municipality } from './entities/municipality.entity.js';
import { OccupationGroup } from './entities/occupation-group.entity.js';
import { OccupationSubstitution } from './entities/occupation-substitution.entity.js';
import { Occupation } from './entities/occupation.entity.js';
import { Skill } from './entities/skill.entity.js';
import { TaxonomyImport } from './entities/taxonomy-import.entity.js';
import { TaxonomyResolver } from './taxonomy.resolver.js';
import { TaxonomyService } from './taxonomy.service.js';

export const TAXONOMY_ENTITIES = [
  OccupationGroup,
  Occupation,
  OccupationSubstitution,
  Skill,
  Language,
  County,
  Municipality,
  EducationLevel,
  DrivingLicence,
  TaxonomyImport,
];

@Module({
  imports: [TypeOrmModule.forFeature(TAXONOMY_ENTITIES)],
  providers: [TaxonomyService, TaxonomyResolver],
  exports: [TaxonomyService],
})
export class TaxonomyModule {}
