export { CompetenceCertificatesModule } from './competence-certificates.module.js';
