import { Args, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Allow, CurrentUser, Role, type Principal } from '#libs/access-control';
import { PageOf, type Page } from '#libs/pagination';
import { IdArg } from '#libs/validation';
import { CompetenceProfilesService } from './competence-profiles.service.js';
import {
  CreateParticipantInput,
  FindParticipantArgs,
  ParticipantsArgs,
  RecordConsentInput,
  UpdateParticipantInput,
} from './dtos/participant.inputs.js';
import { ParticipantType } from './dtos/participant.type.js';
import type { Participant } from './entities/participant.entity.js';
import { ParticipantsService } from './participants.service.js';
import {
  requestedCoachOnlyFields,
  requestedPersonalFields,
  selectedFieldNames,
} from './requested-personal-fields.js';

const ParticipantPage = PageOf(ParticipantType, 'Participant');

/** Participants and their personal data: coaches and admins of the owning organisation only. */
@Resolver(() => ParticipantType)
export class ParticipantsResolver {
  constructor(
    private readonly participantsService: ParticipantsService,
    private readonly profilesService: CompetenceProfilesService,
  ) {}

  @Query(() => ParticipantType, { description: 'One participant of your organisation. Audit-logged.' })
  @Allow(Role.ADMIN, Role.COACH)
  async participant(
    @IdArg() id: string,
    @CurrentUser() caller: Principal,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ParticipantType> {
    const participant = await this.participantsService.get(caller, id);
    const [shown] = await this.show(caller, [participant], info, 'query participant');
    return shown!;
  }

  @Query(() => ParticipantPage, {
    description:
      "Your organisation's participants, newest registration first (not by name: a cursor must not carry one). Audit-logged.",
  })
  @Allow(Role.ADMIN, Role.COACH)
  async participants(
    @Args() args: ParticipantsArgs,
    @CurrentUser() caller: Principal,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<ParticipantType>> {
    const page = await this.participantsService.list(caller, args);
    // The filter tells whose etableringsperiod ends soon: a read of that coach-only field.
    const filteredOn = args.establishmentPeriodEnding ? ['establishmentPeriodEndsOn'] : [];
    return { ...page, nodes: await this.show(caller, page.nodes, info, 'query participants', filteredOn) };
  }

  @Query(() => ParticipantType, {
    nullable: true,
    description: 'Looks up a participant of your organisation by personnummer. Audit-logged.',
  })
  @Allow(Role.ADMIN, Role.COACH)
  async findParticipant(
    @Args() args: FindParticipantArgs,
    @CurrentUser() caller: Principal,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ParticipantType | null> {
    const participant = await this.participantsService.lookUpByPersonnummer(
      caller,
      args.personnummer,
      'query findParticipant',
    );
    if (!participant) return null;
    const [shown] = await this.show(caller, [participant], info, 'query findParticipant');
    return shown!;
  }

  @Mutation(() => ParticipantType, {
    description: 'Registers a participant of your organisation with a DRAFT profile.',
  })
  @Allow(Role.ADMIN, Role.COACH)
  async createParticipant(
    @Args('input') input: CreateParticipantInput,
    @CurrentUser() caller: Principal,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ParticipantType> {
    const participant = await this.participantsService.create(caller, input);
    const [shown] = await this.show(caller, [participant], info, 'mutation createParticipant');
    return shown!;
  }

  @Mutation(() => ParticipantType)
  @Allow(Role.ADMIN, Role.COACH)
  async updateParticipant(
    @IdArg() id: string,
    @Args('input') input: UpdateParticipantInput,
    @CurrentUser() caller: Principal,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ParticipantType> {
    const participant = await this.participantsService.update(caller, id, input);
    const [shown] = await this.show(caller, [participant], info, 'mutation updateParticipant');
    return shown!;
  }

  @Mutation(() => ParticipantType, { description: 'Records what the participant consented to, now.' })
  @Allow(Role.ADMIN, Role.COACH)
  async recordConsent(
    @IdArg('participantId') participantId: string,
    @Args('input') input: RecordConsentInput,
    @CurrentUser() caller: Principal,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ParticipantType> {
    const participant = await this.participantsService.recordConsent(caller, participantId, input.scopes);
    const [shown] = await this.show(caller, [participant], info, 'mutation recordConsent');
    return shown!;
  }

  @Mutation(() => ParticipantType, {
    description: 'Withdraws consent; a published profile is unpublished at once.',
  })
  @Allow(Role.ADMIN, Role.COACH)
  async withdrawConsent(
    @IdArg('participantId') participantId: string,
    @CurrentUser() caller: Principal,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ParticipantType> {
    const participant = await this.participantsService.withdrawConsent(caller, participantId);
    const [shown] = await this.show(caller, [participant], info, 'mutation withdrawConsent');
    return shown!;
  }

  @Mutation(() => Boolean, {
    description:
      'GDPR erasure: removes the personal data and the profile everywhere; anonymous counts remain.',
  })
  @Allow(Role.ADMIN, Role.COACH)
  async eraseParticipant(@IdArg() id: string, @CurrentUser() caller: Principal): Promise<boolean> {
    await this.participantsService.erase(caller, id);
    return true;
  }

  /** Decrypts and audit-logs only the personal fields the query asks for; loads profiles in one batch if asked. */
  private async show(
    caller: Principal,
    participants: Participant[],
    info: GraphQLResolveInfo,
    purpose: string,
    filteredOn: string[] = [],
  ): Promise<ParticipantType[]> {
    const names = selectedFieldNames(info);
    const fields = [
      ...new Set([
        ...requestedPersonalFields(info),
        ...(names.has('profile') ? requestedCoachOnlyFields(info) : []),
        ...filteredOn,
      ]),
    ];
    const shown = await this.participantsService.reveal(caller, participants, fields, purpose);
    if (!names.has('profile')) return shown;
    const profiles = await this.profilesService.toType(
      await this.profilesService.profilesOf(participants.map((participant) => participant.id)),
    );
    const byParticipant = new Map(profiles.map((profile) => [profile.participantId, profile]));
    return shown.map((participant) => ({
      ...participant,
      profile: byParticipant.get(participant.id) ?? null,
    }));
  }
}
