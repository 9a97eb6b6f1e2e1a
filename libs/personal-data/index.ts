export { PersonalDataModule } from './personal-data.module.js';
export { PersonalDataAccess } from './personal-data-access.entity.js';
export { PersonalDataAction } from './personal-data-action.js';
