import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  ADMIN = 'ADMIN',
  COACH = 'COACH',
  EMPLOYER = 'EMPLOYER',
}

registerEnumType(Role, {
  name: 'Role',
  description:
    'ADMIN manages organisations, users and tracks; COACH works with participants; EMPLOYER is employer-side.',
});
