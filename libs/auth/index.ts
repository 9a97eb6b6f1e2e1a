export { AuthModule } from './auth.module.js';
export { AccessPolicyCheck } from './access-policy.check.js';
export { AuthService } from './auth.service.js';
