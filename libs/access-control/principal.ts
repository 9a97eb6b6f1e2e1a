import type { Role } from './role.js';

/** The authenticated caller of a request, as the auth guard resolved it from a valid token and an active user. */
export interface Principal {
  userId: string;
  role: Role;
  organisationId: string;
}
