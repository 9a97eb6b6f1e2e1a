import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentUser, Role, type Principal } from '#libs/access-control';
import { mapPage, PageOf, type Page } from '#libs/pagination';
import { IdArg } from '#libs/validation';
import { CreateUserInput, UsersArgs } from './dtos/user.inputs.js';
import { UserType } from './dtos/user.type.js';
import { UsersService } from './users.service.js';

const UserPage = PageOf(UserType, 'User');

@Resolver(() => UserType)
export class UsersResolver {
  constructor(private readonly usersService: UsersService) {}

  @Query(() => UserType, { description: 'The caller.' })
  @Allow(Role.ADMIN, Role.COACH, Role.EMPLOYER)
  async me(@CurrentUser() caller: Principal): Promise<UserType> {
    return UserType.from(await this.usersService.get(caller.userId));
  }

  @Query(() => UserPage, {
    description:
      "Admins: their own organisation's users and employer organisations' users (never another municipality's); coaches: the users of their own organisation.",
  })
  @Allow(Role.ADMIN, Role.COACH)
  async users(@Args() args: UsersArgs, @CurrentUser() caller: Principal): Promise<Page<UserType>> {
    return mapPage(await this.usersService.list(caller, args), UserType.from);
  }

  @Query(() => UserType, {
    description:
      "A user of the admin's own organisation or of an employer organisation; another municipality's is FORBIDDEN.",
  })
  @Allow(Role.ADMIN)
  async user(@IdArg() id: string, @CurrentUser() caller: Principal): Promise<UserType> {
    return UserType.from(await this.usersService.getFor(caller, id));
  }

  @Mutation(() => UserType)
  @Allow(Role.ADMIN)
  async createUser(
    @Args('input') input: CreateUserInput,
    @CurrentUser() caller: Principal,
  ): Promise<UserType> {
    return UserType.from(await this.usersService.create(caller, input));
  }

  @Mutation(() => UserType, {
    description: 'The account can no longer log in; its tokens stop working at once.',
  })
  @Allow(Role.ADMIN)
  async deactivateUser(@IdArg() id: string, @CurrentUser() caller: Principal): Promise<UserType> {
    return UserType.from(await this.usersService.deactivate(caller, id));
  }
}
