export { Role } from './role.js';
export type { Principal } from './principal.js';
export {
  Public,
  Allow,
  CurrentUser,
  ACCESS_POLICY,
  requestOf,
  type AccessPolicy,
} from './access.decorators.js';
