import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentUser, Role, type Principal } from '#libs/access-control';
import { mapPage, PageOf, type Page } from '#libs/pagination';
import { IdArg } from '#libs/validation';
import {
  AddTrackIntakeInput,
  CreateTrackInput,
  TrackEnrolmentsArgs,
  TracksArgs,
  UpdateTrackInput,
} from './dtos/track.inputs.js';
import { TrackEnrolmentType, TrackType } from './dtos/track.type.js';
import { TracksService } from './tracks.service.js';

const TrackPage = PageOf(TrackType, 'Track');
const TrackEnrolmentPage = PageOf(TrackEnrolmentType, 'TrackEnrolment');

@Resolver(() => TrackType)
export class TracksResolver {
  constructor(private readonly tracksService: TracksService) {}

  @Query(() => TrackPage, {
    description: 'Jobbspår tracks by name, with intakes and places left. Every signed-in role.',
  })
  @Allow(Role.ADMIN, Role.COACH, Role.EMPLOYER)
  async tracks(@Args() args: TracksArgs): Promise<Page<TrackType>> {
    const page = await this.tracksService.list(args);
    return { ...page, nodes: await this.tracksService.describe(page.nodes) };
  }

  @Query(() => TrackType, { description: 'Every signed-in role.' })
  @Allow(Role.ADMIN, Role.COACH, Role.EMPLOYER)
  async track(@IdArg() id: string): Promise<TrackType> {
    return this.describeOne(await this.tracksService.get(id));
  }

  @Mutation(() => TrackType, { description: 'Admins: a track of their own municipality organisation.' })
  @Allow(Role.ADMIN)
  async createTrack(
    @Args('input') input: CreateTrackInput,
    @CurrentUser() caller: Principal,
  ): Promise<TrackType> {
    return this.describeOne(await this.tracksService.create(caller, input));
  }

  @Mutation(() => TrackType, {
    description:
      "Admins of the track's organisation. A partner with PUBLISHED JOBBSPAR openings in the track's intakes " +
      'cannot be removed (CONFLICT).',
  })
  @Allow(Role.ADMIN)
  async updateTrack(
    @IdArg() id: string,
    @Args('input') input: UpdateTrackInput,
    @CurrentUser() caller: Principal,
  ): Promise<TrackType> {
    return this.describeOne(await this.tracksService.update(caller, id, input));
  }

  @Mutation(() => TrackType, { description: "Admins of the track's organisation. Returns the track." })
  @Allow(Role.ADMIN)
  async addTrackIntake(
    @IdArg('trackId') trackId: string,
    @Args('input') input: AddTrackIntakeInput,
    @CurrentUser() caller: Principal,
  ): Promise<TrackType> {
    return this.describeOne(await this.tracksService.addIntake(caller, trackId, input));
  }

  @Mutation(() => TrackEnrolmentType, {
    description:
      "Coaches and admins of the participant's organisation. Checks the prerequisites; CONFLICT when the " +
      'participant is already enrolled, holds a place in an overlapping intake of the same track, the intake has ' +
      'started or no place is left.',
  })
  @Allow(Role.ADMIN, Role.COACH)
  async enrolInTrackIntake(
    @IdArg('intakeId') intakeId: string,
    @IdArg('participantId') participantId: string,
    @CurrentUser() caller: Principal,
  ): Promise<TrackEnrolmentType> {
    return TrackEnrolmentType.from(await this.tracksService.enrol(caller, intakeId, participantId));
  }

  @Mutation(() => TrackEnrolmentType, {
    description:
      "Coaches and admins of the participant's organisation. Gives the place back. CONFLICT while the participant " +
      'has a PLANNED or ACTIVE Jobbspår placement in the intake.',
  })
  @Allow(Role.ADMIN, Role.COACH)
  async withdrawTrackEnrolment(
    @IdArg('enrolmentId') enrolmentId: string,
    @CurrentUser() caller: Principal,
  ): Promise<TrackEnrolmentType> {
    return TrackEnrolmentType.from(await this.tracksService.withdraw(caller, enrolmentId));
  }

  @Query(() => TrackEnrolmentPage, {
    description: "Coaches and admins: the intake's enrolments of their own organisation's participants only.",
  })
  @Allow(Role.ADMIN, Role.COACH)
  async trackEnrolments(
    @Args() args: TrackEnrolmentsArgs,
    @CurrentUser() caller: Principal,
  ): Promise<Page<TrackEnrolmentType>> {
    return mapPage(await this.tracksService.enrolments(caller, args), TrackEnrolmentType.from);
  }

  private async describeOne(track: Parameters<TracksService['describe']>[0][number]): Promise<TrackType> {
    const [described] = await this.tracksService.describe([track]);
    return described;
  }
}
