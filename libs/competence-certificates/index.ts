export { CompetenceCertificatesModule } from './competence-certificates.module.js';
export { CompetenceCertificatesService } from './competence-certificates.service.js';
export { IssueCompetenceCertificateInput } from './dtos/competence-certificate.inputs.js';
