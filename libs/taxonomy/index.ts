export { TaxonomyModule } from './taxonomy.module.js';
export { County } from './entities/county.entity.js';
export { DrivingLicence } from './entities/driving-licence.entity.js';
export { EducationLevel } from './entities/education-level.entity.js';
export { Language } from './entities/language.entity.js';
export { Municipality } from './entities/municipality.entity.js';
export { Occupation } from './entities/occupation.entity.js';
export { OccupationGroup } from './entities/occupation-group.entity.js';
export { OccupationSubstitution } from './entities/occupation-substitution.entity.js';
export { Skill } from './entities/skill.entity.js';
export { TaxonomyImport } from './entities/taxonomy-import.entity.js';
export {
  TaxonomyService,
  malformedConcepts,
  type ConceptReference,
  type MunicipalityInfo,
} from './taxonomy.service.js';
export { TaxonomyKind } from './taxonomy-kind.js';
export { TaxonomyConceptType, conceptFrom } from './dtos/taxonomy-concept.type.js';
export { SEARCHABLE_KINDS } from './taxonomy-search.js';
export {
  importTaxonomy,
  taxonomyFingerprint,
  formatTaxonomyReport,
  TAXONOMY_FILES,
  type TaxonomyImportOptions,
  type TaxonomyImportReport,
  type TaxonomyTableReport,
} from './import/taxonomy-importer.js';
export { TaxonomyImportError } from './import/taxonomy-import-error.js';
export { consoleProgress, type TaxonomyImportProgress } from './import/taxonomy-import-progress.js';
export {
  resolveTaxonomySource,
  builtInTaxonomyDirectory,
  sharedTaxonomyDirectory,
  describeSource,
  type TaxonomySource,
} from './import/taxonomy-source.js';
