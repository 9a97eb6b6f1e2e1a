import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentUser, Role, type Principal } from '#libs/access-control';
import { mapPage, PageOf, type Page } from '#libs/pagination';
import { PersonalDataAccessLogArgs } from './dtos/personal-data-access.args.js';
import { PersonalDataAccessType } from './dtos/personal-data-access.type.js';
import { PersonalDataAuditLog } from './personal-data-audit.service.js';

const PersonalDataAccessPage = PageOf(PersonalDataAccessType, 'PersonalDataAccess');

@Resolver()
export class PersonalDataResolver {
  constructor(private readonly auditLog: PersonalDataAuditLog) {}

  @Query(() => PersonalDataAccessPage, {
    description: "Admins: the audit log of personal data of their organisation's participants, newest first.",
  })
  @Allow(Role.ADMIN)
  async personalDataAccessLog(
    @Args() args: PersonalDataAccessLogArgs,
    @CurrentUser() caller: Principal,
  ): Promise<Page<PersonalDataAccessType>> {
    return mapPage(await this.auditLog.list(caller.organisationId, args), PersonalDataAccessType.from);
  }
}
