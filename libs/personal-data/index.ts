export { PersonalDataModule } from './personal-data.module.js';
export { PersonalDataAccess } from './personal-data-access.entity.js';
export { PersonalDataAction } from './personal-data-action.js';
export { PersonalDataCipher } from './personal-data-cipher.js';
export { PersonalDataAuditLog, type PersonalDataAccessRecord } from './personal-data-audit.service.js';
