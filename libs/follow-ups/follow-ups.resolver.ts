import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentUser, Role, type Principal } from '#libs/access-control';
import { isoDate } from '#libs/calendar';
import { PageOf, type Page } from '#libs/pagination';
import { FollowUpsArgs } from './dtos/follow-up.inputs.js';
import { FollowUpType } from './dtos/follow-up.type.js';
import type { FollowUp } from './entities/follow-up.entity.js';
import { FollowUpStatus } from './follow-up-kind.js';
import { FollowUpsService } from './follow-ups.service.js';

const FollowUpPage = PageOf(FollowUpType, 'FollowUp');

@Resolver()
export class FollowUpsResolver {
  constructor(private readonly service: FollowUpsService) {}

  @Query(() => FollowUpPage, {
    description:
      "Follow-ups of your organisation's participants' placements, earliest due first; `overdueOnly` for those " +
      'DUE whose day has passed.',
  })
  @Allow(Role.ADMIN, Role.COACH)
  async followUps(
    @Args() args: FollowUpsArgs,
    @CurrentUser() caller: Principal,
  ): Promise<Page<FollowUpType>> {
    const page = await this.service.list(caller, args);
    const today = isoDate(new Date());
    return { ...page, nodes: page.nodes.map((followUp) => view(followUp, today)) };
  }
}

function view(followUp: FollowUp, today: string): FollowUpType {
  return {
    id: followUp.id,
    placementId: followUp.placementId,
    kind: followUp.kind,
    dueOn: followUp.dueOn,
    status: followUp.status,
    becameDueAt: followUp.becameDueAt,
    overdue: followUp.status === FollowUpStatus.DUE && followUp.dueOn < today,
  };
}
