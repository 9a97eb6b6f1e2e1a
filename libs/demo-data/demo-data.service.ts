import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, IsNull, type DataSource } from 'typeorm';
import { Role, type Principal } from '#libs/access-control';
import { addDays, isoDate, lastDayWithin, parseIsoDate, startOfDay, todayInSweden } from '#libs/calendar';
import {
  CompetenceCertificatesService,
  IssueCompetenceCertificateInput,
} from '#libs/competence-certificates';
import { AppError, ErrorCode } from '#libs/errors';
import {
  DropoutRisk,
  FollowUpEntriesService,
  FollowUpFeedbackInput,
  RecordFollowUpInput,
  RecordOutcomeInput,
} from '#libs/follow-ups';
import { ProposalsService, RequestIntroductionInput } from '#libs/matching';
import { CreateOpeningInput, Opening, OpeningsService, OpeningStatus } from '#libs/openings';
import { EndPlacementEarlyInput, PlacementLifecycle, PlacementsService } from '#libs/placements';
import { CreateOrganisationInput, Organisation, OrganisationsService } from '#libs/organisations';
import {
  CompetenceProfilesService,
  ConsentScope,
  CreateParticipantInput,
  hasConsent,
  ParticipantsService,
  ProfileStatus,
  UpdateCompetenceProfileInput,
} from '#libs/participants';
import { TaxonomyKind, TaxonomyService } from '#libs/taxonomy';
import {
  AddTrackIntakeInput,
  CreateTrackInput,
  Track,
  TrackEnrolment,
  TrackIntake,
  TracksService,
} from '#libs/tracks';
import { CreateUserInput, User, UsersService } from '#libs/users';
import { InputValidationPipe } from '#libs/validation';
import { PlacementKind, meetsSwedishLevel } from '#libs/vocabulary';
import {
  demoConceptIds,
  DRIVING_LICENCES,
  LANGUAGES,
  MUNICIPALITIES,
  OCCUPATIONS,
  SKILLS,
  type MunicipalityCode,
} from './demo-concepts.js';
import {
  allDemoUsers,
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  DEMO_USERS,
  type DemoOrganisationKey,
} from './demo-organisations.js';
import { generateDemoParticipants, type DemoParticipant } from './demo-participants.js';
import { DEMO_PLACEMENT_HISTORY, type DemoPlacementStory } from './demo-placement-history.js';
import {
  DEMO_OPENINGS,
  DEMO_TRACKS,
  type DemoOpening,
  type DemoOpeningStatus,
  type DemoTrack,
  type DemoTrackKey,
} from './demo-openings-and-tracks.js';

/** How many participants of Värmdö `npm start` loads (Nacka gets a tenth as many). */
export const DEFAULT_DEMO_PARTICIPANTS = 150;
/** The seed of the demo data; another seed gives other (equally valid) people. */
export const DEMO_SEED = 2026;

export interface DemoDataOptions {
  /** Participants of Värmdö (default 150); Nacka gets a tenth as many. */
  participants?: number;
  seed?: number;
  /** Dates (availability, etableringsperiod, openings, intakes) are relative to this day; default today. */
  today?: Date;
}

/** What one load added; a second load of the same size adds nothing. */
export interface DemoDataReport {
  organisationsCreated: number;
  usersCreated: number;
  participantsCreated: number;
  profilesPublished: number;
  tracksCreated: number;
  intakesCreated: number;
  enrolmentsCreated: number;
  openingsCreated: number;
  /** Placements of the past half year (DEMO_PLACEMENT_HISTORY), confirmed from an employer's request. */
  placementsCreated: number;
  /** Participants and openings an interrupted load had left half-way (say a DRAFT), carried on to their demo state. */
  resumed: number;
  durationMs: number;
}

/** One line for people: "25 organisations, 29 users, … added in 6.1 s" or "already loaded". */
export function describeDemoDataReport(report: DemoDataReport): string {
  const seconds = `${(report.durationMs / 1000).toFixed(1)} s`;
  const added = [
    [report.organisationsCreated, 'organisations'],
    [report.usersCreated, 'users'],
    [report.participantsCreated, `participants (${report.profilesPublished} profiles published)`],
    [report.tracksCreated, 'Jobbspår tracks'],
    [report.intakesCreated, 'intakes'],
    [report.enrolmentsCreated, 'enrolments'],
    [report.openingsCreated, 'openings'],
    [report.placementsCreated, 'past placements'],
    [report.resumed, 'half-loaded participants and openings completed'],
  ].filter(([count]) => count !== 0);
  return added.length === 0
    ? `already loaded, nothing added (${seconds})`
    : `${added.map(([count, what]) => `${count} ${what}`).join(', ')} added in ${seconds}`;
}

type OrganisationIds = Record<DemoOrganisationKey, string>;

const CONCURRENCY = 4;

/**
 * Loads the demo data through the same services as the API, acting as the demo admins, coaches and employers, every
 * input validated and transformed by the API's pipe first, so that validation, the outbox, the search index, the
 * audit log and the jobs see it like real data. Idempotent: what exists already (by organisationsnummer, email,
 * personnummer, track name, opening title and organisation) is not added again, so a second load adds nothing. The
 * services write one step per transaction (a participant, then their consent, profile and status; a track, then each
 * intake; an opening, then its status), so a load that stopped half-way is carried on from where it stopped.
 */
@Injectable()
export class DemoDataService {
  private readonly logger = new Logger(DemoDataService.name);
  private readonly validation = new InputValidationPipe();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisationsService: OrganisationsService,
    private readonly usersService: UsersService,
    private readonly participants: ParticipantsService,
    private readonly profiles: CompetenceProfilesService,
    private readonly tracks: TracksService,
    private readonly openings: OpeningsService,
    private readonly taxonomy: TaxonomyService,
    private readonly proposals: ProposalsService,
    private readonly placements: PlacementsService,
    private readonly lifecycle: PlacementLifecycle,
    private readonly followUpEntries: FollowUpEntriesService,
    private readonly certificates: CompetenceCertificatesService,
  ) {}

  async load(options: DemoDataOptions = {}): Promise<DemoDataReport> {
    const started = performance.now();
    const today = options.today ?? new Date();
    const report: DemoDataReport = {
      organisationsCreated: 0,
      usersCreated: 0,
      participantsCreated: 0,
      profilesPublished: 0,
      tracksCreated: 0,
      intakesCreated: 0,
      enrolmentsCreated: 0,
      openingsCreated: 0,
      placementsCreated: 0,
      resumed: 0,
      durationMs: 0,
    };
    await this.assertTaxonomyLoaded();
    const organisations = await this.loadOrganisations(report);
    const users = await this.loadUsers(organisations, report);
    const people = generateDemoParticipants(
      options.participants ?? DEFAULT_DEMO_PARTICIPANTS,
      options.seed ?? DEMO_SEED,
      today,
    );
    const participantIds = await this.loadParticipants(people, users, report);
    const intakes = await this.loadTracks(organisations, users, today, report);
    await this.enrol(people, participantIds, intakes, users, report);
    await this.loadOpenings(organisations, users, intakes, today, report);
    await this.loadPlacementHistory(organisations, users, people, participantIds, report);
    report.durationMs = Math.round(performance.now() - started);
    this.logger.log({ message: 'Demo data loaded', ...report });
    return report;
  }

  /** Every concept id the demo data uses must be in the taxonomy tables: the import runs first. */
  private async assertTaxonomyLoaded(): Promise<void> {
    const ids = demoConceptIds();
    const kinds: Array<[TaxonomyKind, string[]]> = [
      [TaxonomyKind.OCCUPATION, ids.occupations],
      [TaxonomyKind.SKILL, ids.skills],
      [TaxonomyKind.LANGUAGE, ids.languages],
      [TaxonomyKind.MUNICIPALITY, ids.municipalities],
      [TaxonomyKind.EDUCATION_LEVEL, ids.educationLevels],
      [TaxonomyKind.DRIVING_LICENCE, ids.drivingLicences],
    ];
    const missing: string[] = [];
    for (const [kind, wanted] of kinds) {
      const found = await this.taxonomy.concepts(kind, wanted);
      missing.push(...wanted.filter((id) => !found.has(id)).map((id) => `${kind} ${id}`));
    }
    if (missing.length > 0) {
      throw new Error(
        `The taxonomy lacks ${missing.length} concepts the demo data uses (${missing.slice(0, 3).join(', ')}…): ` +
          'import it first (npm run taxonomy:import).',
      );
    }
  }

  private async loadOrganisations(report: DemoDataReport): Promise<OrganisationIds> {
    const ids = {} as OrganisationIds;
    const repository = this.dataSource.getRepository(Organisation);
    for (const { key, kind, name, organisationNumber, municipalityCode } of DEMO_ORGANISATIONS) {
      let organisation = await repository.findOneBy({ organisationNumber });
      if (!organisation) {
        organisation = await this.organisationsService.create(
          await this.validated(CreateOrganisationInput, { kind, name, organisationNumber, municipalityCode }),
        );
        report.organisationsCreated++;
      }
      ids[key] = organisation.id;
    }
    return ids;
  }

  /** The demo accounts by email: the printed logins and the other employers' contact accounts. */
  private async loadUsers(
    organisations: OrganisationIds,
    report: DemoDataReport,
  ): Promise<Map<string, User>> {
    const repository = this.dataSource.getRepository(User);
    const wanted = allDemoUsers();
    const existing = new Set(
      (await repository.findBy({ email: In(wanted.map((user) => user.email)) })).map((user) => user.email),
    );
    for (const { organisation, ...user } of wanted) {
      if (existing.has(user.email)) continue;
      await this.usersService.create(
        null,
        await this.validated(CreateUserInput, {
          ...user,
          organisationId: organisations[organisation],
          password: DEMO_PASSWORD,
        }),
      );
      report.usersCreated++;
    }
    const users = await repository.findBy({ email: In(wanted.map((user) => user.email)) });
    return new Map(users.map((user) => [user.email, user]));
  }

  private async loadParticipants(
    people: DemoParticipant[],
    users: Map<string, User>,
    report: DemoDataReport,
  ): Promise<Map<DemoParticipant, string>> {
    const ids = new Map<DemoParticipant, string>();
    await forEachConcurrently(people, CONCURRENCY, async (person) => {
      const coach = principalOf(users.get(person.coachEmail)!);
      const id = await this.loadParticipant(coach, person, report);
      if (id) ids.set(person, id);
    });
    return ids;
  }

  /**
   * One participant as a coach registers them: register, record consent, write the profile, publish (and pause).
   * Each is its own transaction, so each is done when it is still to do: a load that stopped half-way is carried
   * on. A profile a coach took back (published once, or consent withdrawn) is left as it is.
   */
  private async loadParticipant(
    coach: Principal,
    person: DemoParticipant,
    report: DemoDataReport,
  ): Promise<string> {
    const { generated } = person;
    let participant = await this.participants.findByPersonnummer(coach, generated.participant.personnummer);
    const existed = participant !== null;
    if (!participant) {
      const input = await this.validated(CreateParticipantInput, generated.participant);
      participant = await this.participants.create(coach, input);
      report.participantsCreated++;
    }
    let resumed = false;
    if (generated.consentScopes && participant.consentGivenAt === null) {
      participant = await this.participants.recordConsent(coach, participant.id, generated.consentScopes);
      resumed = true;
    }
    let profile = await this.profiles.get(coach, participant.id);
    // Registration leaves an empty DRAFT profile; every generated profile has an availability.
    if (profile.status === ProfileStatus.DRAFT && profile.availableFrom === null) {
      profile = await this.profiles.update(
        coach,
        participant.id,
        await this.validated(UpdateCompetenceProfileInput, generated.profile),
      );
      resumed = true;
    }
    const publish =
      generated.status !== ProfileStatus.DRAFT &&
      profile.status === ProfileStatus.DRAFT &&
      profile.publishedAt === null &&
      hasConsent(participant, ConsentScope.ANONYMISED_PROFILE);
    if (publish) {
      profile = await this.profiles.setStatus(coach, participant.id, ProfileStatus.PUBLISHED);
      if (generated.status === ProfileStatus.PUBLISHED) report.profilesPublished++;
      resumed = true;
    }
    if (generated.status === ProfileStatus.PAUSED && profile.status === ProfileStatus.PUBLISHED) {
      await this.profiles.setStatus(coach, participant.id, ProfileStatus.PAUSED);
      resumed = true;
    }
    if (existed && resumed) report.resumed++;
    return participant.id;
  }

  /** Värmdö's three Jobbspår tracks with their intakes; returns each track's intakes by start date. */
  private async loadTracks(
    organisations: OrganisationIds,
    users: Map<string, User>,
    today: Date,
    report: DemoDataReport,
  ): Promise<Map<DemoTrackKey, TrackIntake[]>> {
    const admin = principalOf(users.get('admin@varmdo.example')!);
    const intakes = new Map<DemoTrackKey, TrackIntake[]>();
    const storedIntakes = (trackId: string) =>
      this.dataSource.getRepository(TrackIntake).find({ where: { trackId }, order: { startDate: 'ASC' } });
    for (const track of DEMO_TRACKS) {
      let row = await this.dataSource
        .getRepository(Track)
        .findOneBy({ organisationId: organisations.varmdo, name: track.name });
      if (!row) {
        row = await this.tracks.create(
          admin,
          await this.validated(CreateTrackInput, trackInput(track, organisations)),
        );
        report.tracksCreated++;
      }
      let stored = await storedIntakes(row.id);
      const missing = missingIntakes(track, stored, today);
      for (const intake of missing) {
        await this.tracks.addIntake(admin, row.id, await this.validated(AddTrackIntakeInput, intake));
        report.intakesCreated++;
      }
      if (missing.length > 0) stored = await storedIntakes(row.id);
      intakes.set(track.key, stored);
    }
    return intakes;
  }

  /**
   * Enrols some Värmdö participants who want Jobbspår, fit the track's field and meet its Swedish level into each
   * track's first intake, up to the track's demo number, as their coach would.
   */
  private async enrol(
    people: DemoParticipant[],
    participantIds: Map<DemoParticipant, string>,
    intakes: Map<DemoTrackKey, TrackIntake[]>,
    users: Map<string, User>,
    report: DemoDataReport,
  ): Promise<void> {
    const enrolled = new Set(
      (await this.dataSource.getRepository(TrackEnrolment).findBy({ withdrawnAt: IsNull() })).map(
        (enrolment) => enrolment.participantId,
      ),
    );
    // The first intake of each track that has not started (enrolments close at the start; a later load may find
    // the first one under way).
    const today = todayInSweden();
    for (const track of DEMO_TRACKS) {
      const intake = intakes.get(track.key)?.find((candidate) => candidate.startDate >= today);
      if (!intake) continue;
      let taken = intake.placesTaken;
      for (const person of people) {
        if (taken >= track.enrolInFirstIntake) break;
        const { generated } = person;
        const id = participantIds.get(person);
        const fits =
          person.organisation === 'varmdo' &&
          generated.status === ProfileStatus.PUBLISHED &&
          generated.profile.wantedKinds!.includes(PlacementKind.JOBBSPAR) &&
          track.fields.includes(generated.facts.field) &&
          meetsSwedishLevel(generated.profile.swedishLevel!, track.minimumSwedishLevel);
        if (!id || !fits || enrolled.has(id)) continue;
        await this.tracks.enrol(principalOf(users.get(person.coachEmail)!), intake.id, id);
        enrolled.add(id);
        taken++;
        report.enrolmentsCreated++;
      }
    }
  }

  private async loadOpenings(
    organisations: OrganisationIds,
    users: Map<string, User>,
    intakes: Map<DemoTrackKey, TrackIntake[]>,
    today: Date,
    report: DemoDataReport,
  ): Promise<void> {
    const repository = this.dataSource.getRepository(Opening);
    for (const [index, opening] of DEMO_OPENINGS.entries()) {
      const organisationId = organisations[opening.organisation];
      const employer = employerOf(opening.organisation, users);
      const caller = principalOf(employer);
      let row = await repository.findOne({
        where: { organisationId, title: opening.title },
        order: { createdAt: 'ASC' },
      });
      const existed = row !== null;
      if (!row) {
        const intake = opening.track ? intakes.get(opening.track.key)?.[opening.track.intake] : undefined;
        if (opening.track && !intake)
          throw new Error(`No intake ${opening.track.intake} of track ${opening.track.key}`);
        row = await this.openings.create(
          caller,
          await this.validated(CreateOpeningInput, openingInput(opening, index, employer, intake, today)),
        );
        report.openingsCreated++;
      }
      if ((await this.carryOpeningOn(caller, row, opening.status)) && existed) report.resumed++;
    }
  }

  /**
   * Värmdö's past placements (DEMO_PLACEMENT_HISTORY), each in a one-place opening of its own: the employer asks for
   * an introduction to a participant it can see, the coach confirms, and the placement is walked as far as its story
   * goes, every step through the services and only when it is still to do, so that a stopped load is carried on.
   */
  private async loadPlacementHistory(
    organisations: OrganisationIds,
    users: Map<string, User>,
    people: DemoParticipant[],
    participantIds: Map<DemoParticipant, string>,
    report: DemoDataReport,
  ): Promise<void> {
    const repository = this.dataSource.getRepository(Opening);
    // The services date-check every step against the day in Sweden: the history counts from it, whatever `today`.
    const today = parseIsoDate(todayInSweden());
    const varmdo = people.filter(
      (person) => participantIds.has(person) && person.coachEmail.endsWith('@varmdo.example'),
    );
    for (const [index, story] of DEMO_PLACEMENT_HISTORY.entries()) {
      const employer = employerOf(story.opening.organisation, users);
      const employerPrincipal = principalOf(employer);
      let opening = await repository.findOneBy({
        organisationId: organisations[story.opening.organisation],
        title: story.opening.title,
      });
      if (!opening) {
        opening = await this.openings.create(
          employerPrincipal,
          await this.validated(
            CreateOpeningInput,
            openingInput(story.opening, DEMO_OPENINGS.length + index, employer, undefined, today),
          ),
        );
        report.openingsCreated++;
      }
      let moved = await this.carryOpeningOn(employerPrincipal, opening, 'PUBLISHED');
      let placement = await this.placedIn(opening.id);
      const existed = placement !== undefined;
      if (!placement) {
        // Closed by an earlier load that found nobody to place: left as it is (only a PUBLISHED opening is placed in).
        if ((await repository.findOneByOrFail({ id: opening.id })).status === OpeningStatus.CLOSED) continue;
        if (!(await this.placeSomeone(opening.id, employerPrincipal, varmdo, participantIds, users))) {
          // Nobody to place (a small load, everyone withheld): not left open, backdated, for matching to fill.
          await this.openings.close(employerPrincipal, opening.id);
          this.logger.warn({
            message: 'No participant for a demo placement story',
            opening: story.opening.title,
          });
          continue;
        }
        report.placementsCreated++;
        placement = (await this.placedIn(opening.id))!;
      }
      const coach = await this.coachOf(placement.participant_id, users);
      moved = (await this.walk(story, placement, coach, employerPrincipal)) || moved;
      if (existed && moved) report.resumed++;
    }
  }

  /** The participant's responsible coach, from the database (a later load may generate fewer people). */
  private async coachOf(participantId: string, users: Map<string, User>): Promise<Principal> {
    const [row] = (await this.dataSource.query(
      'SELECT u.email FROM participants p JOIN users u ON u.id = p.coach_id WHERE p.id = $1',
      [participantId],
    )) as Array<{ email: string }>;
    const coach = row && users.get(row.email);
    if (!coach) throw new Error(`The demo participant ${participantId} has no demo coach`);
    return principalOf(coach);
  }

  /** The opening's first placement (the story's; a user may have placed someone since), unless cancelled. */
  private async placedIn(openingId: string): Promise<PlacedRow | undefined> {
    const [placement] = (await this.dataSource.query(
      `SELECT id, participant_id, status, start_date::text AS start_date
         FROM placements WHERE opening_id = $1 AND status <> 'CANCELLED' ORDER BY created_at LIMIT 1`,
      [openingId],
    )) as PlacedRow[];
    return placement;
  }

  /**
   * The first of `people` (in order) the employer may be introduced to for the opening, confirmed by their coach:
   * published, not placed before, visible to the employer. Returns the placement's id; none when nobody fits.
   */
  private async placeSomeone(
    openingId: string,
    employer: Principal,
    people: DemoParticipant[],
    participantIds: Map<DemoParticipant, string>,
    users: Map<string, User>,
  ): Promise<string | undefined> {
    for (const person of people) {
      const participantId = participantIds.get(person)!;
      const [profile] = (await this.dataSource.query(
        `SELECT p.public_id FROM competence_profiles p
          WHERE p.participant_id = $1 AND p.status = 'PUBLISHED'
            AND NOT EXISTS (SELECT 1 FROM placements pl WHERE pl.participant_id = p.participant_id)`,
        [participantId],
      )) as Array<{ public_id: string }>;
      if (!profile) continue;
      try {
        await this.proposals.requestIntroduction(
          employer,
          await this.validated(RequestIntroductionInput, {
            openingId,
            publicId: profile.public_id,
            message: 'Vi skulle gärna vilja träffa personen och berätta om platsen.',
          }),
        );
      } catch (error) {
        // Withheld from employers (k-anonymity) or already known to this one: the next person.
        if (error instanceof AppError && error.code === ErrorCode.NotFound) continue;
        throw error;
      }
      const [proposal] = (await this.dataSource.query(
        `SELECT id FROM match_proposals WHERE opening_id = $1 AND participant_id = $2`,
        [openingId, participantId],
      )) as Array<{ id: string }>;
      const placement = await this.placements.confirm(await this.coachOf(participantId, users), proposal!.id);
      return placement.id;
    }
    return undefined;
  }

  /** Walks the placement as far as its story goes, from where it stands; returns whether it took a step. */
  private async walk(
    story: DemoPlacementStory,
    placement: PlacedRow,
    coach: Principal,
    employer: Principal,
  ): Promise<boolean> {
    const placementId = placement.id;
    let stepped = false;
    if (placement.status === 'PLANNED') {
      placement.status = (await this.lifecycle.start(coach, placementId)).status;
      stepped = true;
    }
    const sides = new Set(
      (
        (await this.dataSource.query('SELECT DISTINCT side FROM follow_up_entries WHERE placement_id = $1', [
          placementId,
        ])) as Array<{ side: string }>
      ).map((row) => row.side),
    );
    const feedback = {
      placementId,
      attendance: story.feedback.attendance,
      tasksPerformed: '',
      swedishProgress: story.feedback.swedishProgress,
      satisfaction: story.feedback.satisfaction,
      dropoutRisk: story.feedback.satisfaction <= 2 ? DropoutRisk.HIGH : DropoutRisk.LOW,
      text: story.feedback.text,
    };
    if (!sides.has('EMPLOYER')) {
      stepped = true;
      await this.followUpEntries.recordAsEmployer(
        employer,
        await this.validated(FollowUpFeedbackInput, feedback),
      );
    }
    if (!sides.has('COACH')) {
      stepped = true;
      await this.followUpEntries.recordAsCoach(coach, await this.validated(RecordFollowUpInput, feedback));
    }
    const { end } = story;
    if (placement.status === 'ACTIVE' && end.kind === 'COMPLETED') {
      placement.status = (await this.lifecycle.complete(coach, placementId)).status;
      stepped = true;
    }
    if (placement.status === 'ACTIVE' && end.kind === 'ENDED_EARLY') {
      stepped = true;
      // The Thursday of the story's last week: a working day of the Monday–Thursday praktik.
      const lastDay = isoDate(addDays(parseIsoDate(placement.start_date), 7 * end.weeks - 4));
      placement.status = (
        await this.lifecycle.endEarly(
          coach,
          await this.validated(EndPlacementEarlyInput, {
            placementId,
            reason: end.reason,
            note: end.note,
            lastDay,
          }),
        )
      ).status;
    }
    if (end.kind === 'COMPLETED' && placement.status === 'COMPLETED') {
      const [issued] = await this.dataSource.query(
        'SELECT 1 FROM competence_certificates WHERE placement_id = $1',
        [placementId],
      );
      if (!issued) {
        stepped = true;
        await this.certificates.issue(
          employer,
          await this.validated(IssueCompetenceCertificateInput, {
            placementId,
            skillConceptIds: end.skillsShown.map((key) => SKILLS[key]),
          }),
        );
      }
    }
    if (story.outcome && (placement.status === 'COMPLETED' || placement.status === 'ENDED_EARLY')) {
      const [row] = (await this.dataSource.query(
        `SELECT outcome, pl.end_date + 90 <= $2::date AS due
           FROM placements pl LEFT JOIN follow_ups f ON f.placement_id = pl.id AND f.kind = 'OUTCOME'
          WHERE pl.id = $1`,
        [placementId, todayInSweden()],
      )) as Array<{ outcome: string | null; due: boolean }>;
      if (row && row.outcome === null && row.due) {
        stepped = true;
        await this.followUpEntries.recordOutcome(
          coach,
          await this.validated(RecordOutcomeInput, { placementId, outcome: story.outcome }),
        );
      }
    }
    return stepped;
  }

  /**
   * Publishes, then fills or closes the opening as far as its demo status asks, from where it stands: a load that
   * stopped between those steps left it behind. Returns whether it moved.
   */
  private async carryOpeningOn(
    caller: Principal,
    opening: Opening,
    wanted: DemoOpeningStatus,
  ): Promise<boolean> {
    if (wanted === 'DRAFT') return false;
    let status = opening.status;
    if (status === OpeningStatus.DRAFT) status = (await this.openings.publish(caller, opening.id)).status;
    if (status === OpeningStatus.PUBLISHED && wanted === 'FILLED')
      await this.openings.fill(caller, opening.id);
    else if (status === OpeningStatus.PUBLISHED && wanted === 'CLOSED')
      await this.openings.close(caller, opening.id);
    else return status !== opening.status;
    return true;
  }

  /** The input as the API would pass it on: validated and transformed by the same pipe. */
  private validated<T extends object>(metatype: new () => T, value: T): Promise<T> {
    return this.validation.transform(value, { type: 'body', metatype, data: 'input' }) as Promise<T>;
  }
}

/** A placement as the history walk reads it. */
interface PlacedRow {
  id: string;
  participant_id: string;
  status: string;
  start_date: string;
}

function principalOf(user: User): Principal {
  return { userId: user.id, role: user.role, organisationId: user.organisationId };
}

/** The employer account that posts an organisation's openings: its printed login, else its contact account. */
function employerOf(organisation: DemoOrganisationKey, users: Map<string, User>): User {
  const printed = DEMO_USERS.find(
    (user) => user.organisation === organisation && user.role === Role.EMPLOYER,
  );
  const definition = DEMO_ORGANISATIONS.find((o) => o.key === organisation)!;
  const email = printed?.email ?? ('contact' in definition ? definition.contact.email : undefined);
  const user = email ? users.get(email) : undefined;
  if (!user) throw new Error(`The demo organisation ${organisation} has no employer account`);
  return user;
}

function trackInput(track: DemoTrack, organisations: OrganisationIds): CreateTrackInput {
  return {
    name: track.name,
    description: track.description,
    municipalityConceptId: MUNICIPALITIES['0120'].conceptId,
    occupationConceptIds: track.occupations.map((key) => OCCUPATIONS[key].conceptId),
    praktikWeeks: track.praktikWeeks,
    sfiHoursPerWeek: track.sfiHoursPerWeek,
    vocationalSwedish: track.vocationalSwedish,
    course: track.course,
    minimumSwedishLevel: track.minimumSwedishLevel,
    minimumEducationLevelConceptId: null,
    requiredDrivingLicenceConceptId: null,
    partnerOrganisationIds: track.partners.map((key) => organisations[key]),
  };
}

function openingInput(
  opening: DemoOpening,
  index: number,
  employer: User,
  intake: TrackIntake | undefined,
  today: Date,
): CreateOpeningInput {
  const organisation = DEMO_ORGANISATIONS.find((o) => o.key === opening.organisation)!;
  const start = intake ? parseIsoDate(intake.startDate) : mondayIn(today, opening.startInWeeks);
  const track = opening.track ? DEMO_TRACKS.find((t) => t.key === opening.track!.key)! : undefined;
  const endDate = track
    ? isoDate(addDays(start, 7 * track.praktikWeeks - 1))
    : lastDayWithin(isoDate(start), opening.months ?? 3);
  return {
    kind: opening.kind,
    title: opening.title,
    occupationConceptId: OCCUPATIONS[opening.occupation].conceptId,
    requiredSkillConceptIds: (opening.required ?? []).map((key) => SKILLS[key]),
    niceToHaveSkillConceptIds: (opening.niceToHave ?? []).map((key) => SKILLS[key]),
    minimumSwedishLevel: opening.minimumSwedishLevel ?? null,
    usefulLanguageConceptIds: (opening.usefulLanguages ?? []).map((key) => LANGUAGES[key]),
    requiredDrivingLicenceConceptIds: opening.drivingLicenceB ? [DRIVING_LICENCES.B] : [],
    municipalityConceptId:
      MUNICIPALITIES[(opening.municipality ?? organisation.municipalityCode) as MunicipalityCode].conceptId,
    weekdays: [...opening.weekdays],
    hoursPerWeek: opening.hoursPerWeek,
    startDate: isoDate(start),
    endDate,
    places: opening.places,
    supervisorName: opening.supervisor ?? null,
    languageSupport: opening.languageSupport ?? null,
    disabilityAdaptations: opening.disabilityAdaptations ?? null,
    requirementSpecification: opening.requirementSpecification,
    contactName: employer.fullName,
    contactEmail: employer.email,
    // 08-465 004 00 … 99: Stockholm numbers the Swedish regulator (PTS) reserves for fiction.
    contactPhone: `08-465 004 ${String(index % 100).padStart(2, '0')}`,
    collectiveAgreementConfirmed: opening.collectiveAgreement ?? false,
    trackIntakeId: intake?.id ?? null,
  };
}

/** Runs `task` for every item, at most `limit` at a time; the first failure fails the whole. */
async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * The demo intakes of `track` that `stored` (the track's intakes by start date) lacks. Intakes are added one by one,
 * first to last, with dates counted from the day of the load, so a load that stopped half-way left the first ones:
 * a later load, maybe on another day, adds the last `wanted − stored` of those whose start date is not stored yet.
 */
function missingIntakes(track: DemoTrack, stored: TrackIntake[], today: Date): AddTrackIntakeInput[] {
  const lacking = track.intakes.length - stored.length;
  if (lacking <= 0) return [];
  const storedDates = new Set(stored.map((intake) => intake.startDate));
  return track.intakes
    .map(({ inWeeks, places }) => ({ startDate: isoDate(mondayIn(today, inWeeks)), places }))
    .filter((intake) => !storedDates.has(intake.startDate))
    .slice(-lacking);
}

/** The Monday `weeks` weeks after the first Monday from `today` on (today when it is a Monday). */
function mondayIn(today: Date, weeks: number): Date {
  const day = startOfDay(today);
  const toMonday = (8 - day.getUTCDay()) % 7;
  return addDays(day, toMonday + 7 * weeks);
}
