import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '#libs/access-control';
import { OrganisationType } from '#libs/organisations';
import type { User } from '../user.entity.js';

@ObjectType('User')
export class UserType {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field()
  fullName!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => OrganisationType)
  organisation!: OrganisationType;

  @Field()
  active!: boolean;

  @Field(() => Date, { nullable: true })
  lastLoginAt!: Date | null;

  @Field()
  createdAt!: Date;

  /** `user` must have its organisation loaded. */
  static from(user: User): UserType {
    return {
      id: user.id,
      email: user.email,
      fullName: user.fullName,
      role: user.role,
      organisation: OrganisationType.from(user.organisation),
      active: user.active,
      lastLoginAt: user.lastLoginAt,
      createdAt: user.createdAt,
    };
  }
}
