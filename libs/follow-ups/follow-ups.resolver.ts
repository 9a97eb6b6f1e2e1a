import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentUser, Role, type Principal } from '#libs/access-control';
import { todayInSweden } from '#libs/calendar';
import { PageOf, type Page } from '#libs/pagination';
import { IdArg } from '#libs/validation';
import {
  FollowUpFeedbackInput,
  FollowUpsArgs,
  RecordFollowUpInput,
  RecordOutcomeInput,
} from './dtos/follow-up.inputs.js';
import { EmployerFollowUpEntryType, FollowUpEntryType, FollowUpType } from './dtos/follow-up.type.js';
import type { FollowUpEntry } from './entities/follow-up-entry.entity.js';
import type { FollowUp } from './entities/follow-up.entity.js';
import { FollowUpEntriesService } from './follow-up-entries.service.js';
import { FollowUpStatus } from './follow-up-kind.js';
import { FollowUpsService } from './follow-ups.service.js';

const FollowUpPage = PageOf(FollowUpType, 'FollowUp');

@Resolver()
export class FollowUpsResolver {
  constructor(
    private readonly service: FollowUpsService,
    private readonly entries: FollowUpEntriesService,
  ) {}

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
    const today = todayInSweden();
    return { ...page, nodes: page.nodes.map((followUp) => view(followUp, today)) };
  }

  @Mutation(() => FollowUpEntryType, {
    description:
      "Your entry on how a placement of your organisation's participant goes (ACTIVE, COMPLETED or ENDED_EARLY); " +
      'answering a check-in makes it DONE. `coachNote` is never shown to the employer.',
  })
  @Allow(Role.ADMIN, Role.COACH)
  async recordFollowUp(
    @Args('input') input: RecordFollowUpInput,
    @CurrentUser() caller: Principal,
  ): Promise<FollowUpEntryType> {
    return coachEntry(await this.entries.recordAsCoach(caller, input));
  }

  @Mutation(() => EmployerFollowUpEntryType, {
    description: "Your feedback on how a placement in one of your organisation's openings goes.",
  })
  @Allow(Role.EMPLOYER)
  async recordEmployerFeedback(
    @Args('input') input: FollowUpFeedbackInput,
    @CurrentUser() caller: Principal,
  ): Promise<EmployerFollowUpEntryType> {
    return employerEntry(await this.entries.recordAsEmployer(caller, input));
  }

  @Mutation(() => FollowUpType, {
    description:
      'The status 90 days after a COMPLETED or ENDED_EARLY placement of your organisation’s participant ended, ' +
      'recorded from that day on (CONFLICT before). Recording again corrects it.',
  })
  @Allow(Role.ADMIN, Role.COACH)
  async recordOutcome(
    @Args('input') input: RecordOutcomeInput,
    @CurrentUser() caller: Principal,
  ): Promise<FollowUpType> {
    return view(await this.entries.recordOutcome(caller, input), todayInSweden());
  }

  @Query(() => [FollowUpEntryType], {
    description: "Both sides' entries on a placement of your organisation's participant, oldest first.",
  })
  @Allow(Role.ADMIN, Role.COACH)
  async followUpEntries(
    @IdArg('placementId') placementId: string,
    @CurrentUser() caller: Principal,
  ): Promise<FollowUpEntryType[]> {
    return (await this.entries.listForCoach(caller, placementId)).map(coachEntry);
  }

  @Query(() => [EmployerFollowUpEntryType], {
    description: "Your organisation's feedback on a placement in one of its openings, oldest first.",
  })
  @Allow(Role.EMPLOYER)
  async employerFollowUpEntries(
    @IdArg('placementId') placementId: string,
    @CurrentUser() caller: Principal,
  ): Promise<EmployerFollowUpEntryType[]> {
    return (await this.entries.listForEmployer(caller, placementId)).map(employerEntry);
  }
}

/** Only the fields an employer may see: no author, no side, never the coach's note. */
function employerEntry(entry: FollowUpEntry): EmployerFollowUpEntryType {
  return {
    id: entry.id,
    placementId: entry.placementId,
    followUpId: entry.followUpId,
    attendance: entry.attendance,
    tasksPerformed: entry.tasksPerformed,
    swedishProgress: entry.swedishProgress,
    satisfaction: entry.satisfaction,
    dropoutRisk: entry.dropoutRisk,
    text: entry.text,
    createdAt: entry.createdAt,
  };
}

function coachEntry(entry: FollowUpEntry): FollowUpEntryType {
  return { ...employerEntry(entry), side: entry.side, authorId: entry.authorId, coachNote: entry.coachNote };
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
    outcome: followUp.outcome,
    outcomeNote: followUp.outcomeNote,
  };
}
