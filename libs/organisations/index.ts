export { OrganisationsModule } from './organisations.module.js';
export { OrganisationsService } from './organisations.service.js';
export { Organisation } from './organisation.entity.js';
export { OrganisationKind } from './organisation-kind.js';
export { OrganisationType } from './dtos/organisation.type.js';
export { CreateOrganisationInput } from './dtos/organisation.inputs.js';
export { municipalityCodeProblem } from './municipality-code.js';
