import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '#libs/access-control';
import { todayInSweden } from '#libs/calendar';
import { AppError, isUniqueViolation, type FieldProblem } from '#libs/errors';
import { Organisation, OrganisationKind, OrganisationType } from '#libs/organisations';
import { paginate, type Page } from '#libs/pagination';
import { ParticipantAccess, ParticipantErasure, ProfileChanges } from '#libs/participants';
import { conceptFrom, TaxonomyKind, TaxonomyService } from '#libs/taxonomy';
import type {
  AddTrackIntakeInput,
  CreateTrackInput,
  TrackEnrolmentsArgs,
  TracksArgs,
  UpdateTrackInput,
} from './dtos/track.inputs.js';
import { TrackIntakeType, type TrackType } from './dtos/track.type.js';
import { TrackEnrolment } from './entities/track-enrolment.entity.js';
import { TrackIntake } from './entities/track-intake.entity.js';
import { Track } from './entities/track.entity.js';
import { unmetPrerequisites } from './prerequisites.js';

const TRACK_NAME_TAKEN = 'Your organisation already has a track with this name';
const INTAKE_START_TAKEN = 'This track already has an intake starting on that date';
const ALREADY_ENROLLED = 'The participant is already enrolled in this intake';
const NO_PLACES_LEFT = 'No places left in this intake';

type TrackChanges = Partial<CreateTrackInput>;

/** Partners a track change removes, and the track's intakes, for the features that depend on partnership. */
export interface PartnerRemoval {
  trackId: string;
  intakeIds: readonly string[];
  removedPartnerIds: readonly string[];
}

/**
 * Why another feature refuses the removal (a CONFLICT message), or null. Runs in the change's transaction after the
 * partners are written, so that it sees what a concurrent writer committed meanwhile.
 */
export type PartnerRemovalCheck = (removal: PartnerRemoval, manager: EntityManager) => Promise<string | null>;

/**
 * Why another feature refuses withdrawing the participant's enrolment in the intake (a CONFLICT message), or null.
 * Runs in the withdrawal's transaction with the enrolment locked.
 */
export type EnrolmentWithdrawalCheck = (
  enrolment: { intakeId: string; participantId: string },
  manager: EntityManager,
) => Promise<string | null>;

/** What a feature does, in the change's transaction, when a track changed (matching: rank its openings again). */
export type TrackChangeListener = (trackId: string, manager: EntityManager) => Promise<void>;

/**
 * Jobbspår tracks: admins of a municipality design them and add intakes; coaches enrol participants of their own
 * organisation. An intake's capacity holds under concurrency: a place is taken by one conditional UPDATE in the
 * enrolment's transaction, and the database refuses `places_taken > places` besides.
 */
@Injectable()
export class TracksService implements OnModuleInit {
  private readonly partnerRemovalChecks: PartnerRemovalCheck[] = [];
  private readonly trackChangeListeners: TrackChangeListener[] = [];
  private readonly withdrawalChecks: EnrolmentWithdrawalCheck[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyService,
    private readonly participantAccess: ParticipantAccess,
    private readonly erasure: ParticipantErasure,
    private readonly profileChanges: ProfileChanges,
  ) {}

  /** An erased participant's places go back to their intakes; the withdrawn enrolments stay as anonymous counts. */
  onModuleInit(): void {
    this.erasure.register('tracks', (participantId, manager) =>
      this.releaseEnrolmentsOf(participantId, manager),
    );
  }

  /**
   * Features that rely on a track's partners (openings: a published JOBBSPAR opening needs its organisation to be a
   * partner) register at start-up what refuses a partner's removal, without tracks depending on them.
   */
  onPartnerRemoval(check: PartnerRemovalCheck): void {
    this.partnerRemovalChecks.push(check);
  }

  /**
   * Features that rely on an enrolment (placements: a Jobbspår placement holds one of the intake's places) register at
   * start-up what refuses its withdrawal, without tracks depending on them. Erasure releases places regardless.
   */
  onEnrolmentWithdrawal(check: EnrolmentWithdrawalCheck): void {
    this.withdrawalChecks.push(check);
  }

  /**
   * Features that depend on what a track says (matching: its prerequisites are hard constraints of its JOBBSPAR
   * openings) register at start-up what follows a change, without tracks depending on them.
   */
  onTrackChange(listener: TrackChangeListener): void {
    this.trackChangeListeners.push(listener);
  }

  async create(caller: Principal, input: CreateTrackInput): Promise<Track> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const organisation = await manager.findOneBy(Organisation, { id: caller.organisationId });
        if (organisation?.kind !== OrganisationKind.MUNICIPALITY) {
          throw AppError.forbidden('Only a municipality organisation runs Jobbspår tracks');
        }
        await this.assertValid(input, manager);
        const { partnerOrganisationIds, ...fields } = input;
        const track = await manager.save(
          manager.create(Track, {
            ...fields,
            course: emptyToNull(fields.course),
            minimumSwedishLevel: fields.minimumSwedishLevel ?? null,
            minimumEducationLevelConceptId: fields.minimumEducationLevelConceptId ?? null,
            requiredDrivingLicenceConceptId: fields.requiredDrivingLicenceConceptId ?? null,
            organisationId: organisation.id,
            partners: partnerOrganisationIds.map((id) => ({ id }) as Organisation),
          }),
        );
        return track;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_tracks_organisation_name'))
        throw AppError.conflict(TRACK_NAME_TAKEN, 'input.name');
      throw error;
    }
  }

  async update(caller: Principal, id: string, input: UpdateTrackInput): Promise<Track> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const track = await this.getOwnTrack(caller, id, manager);
        await this.assertValid(input, manager);
        const { partnerOrganisationIds, ...fields } = input;
        const changes = Object.fromEntries(
          Object.entries(fields).filter(([, value]) => value !== undefined),
        ) as TrackChanges;
        if ('course' in changes) changes.course = emptyToNull(changes.course);
        manager.merge(Track, track, changes as Partial<Track>);
        let removedPartnerIds: string[] = [];
        if (partnerOrganisationIds) {
          const kept = new Set(partnerOrganisationIds);
          removedPartnerIds = (await this.partnerIdsOf(id, manager)).filter((partner) => !kept.has(partner));
          track.partners = partnerOrganisationIds.map((id) => ({ id }) as Organisation);
        }
        const saved = await manager.save(track);
        // After the write: a concurrent publish holds the partner row (see isPartner) until it commits, and then
        // the checks see its opening; a refusal rolls the whole change back.
        if (removedPartnerIds.length > 0) await this.assertPartnersRemovable(id, removedPartnerIds, manager);
        for (const listener of this.trackChangeListeners) await listener(id, manager);
        return saved;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_tracks_organisation_name'))
        throw AppError.conflict(TRACK_NAME_TAKEN, 'input.name');
      throw error;
    }
  }

  async addIntake(caller: Principal, trackId: string, input: AddTrackIntakeInput): Promise<Track> {
    try {
      await this.dataSource.transaction(async (manager) => {
        await this.getOwnTrack(caller, trackId, manager);
        // Enrolments close at an intake's start (enrol): one that has started could never be filled.
        if (input.startDate < todayInSweden()) {
          throw AppError.badInput(
            'input.startDate',
            'must not be before today: enrolments close at the start',
          );
        }
        await manager.insert(TrackIntake, { trackId, startDate: input.startDate, places: input.places });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_track_intakes_track_start'))
        throw AppError.conflict(INTAKE_START_TAKEN, 'input.startDate');
      throw error;
    }
    return this.get(trackId);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Track> {
    const track = await manager.findOneBy(Track, { id });
    if (!track) throw AppError.notFound('Track');
    return track;
  }

  async list(args: TracksArgs): Promise<Page<Track>> {
    if (args.municipalityConceptId) {
      await this.taxonomy.assertKnown([
        { kind: TaxonomyKind.MUNICIPALITY, field: 'municipalityConceptId', ids: args.municipalityConceptId },
      ]);
    }
    const query = this.dataSource.getRepository(Track).createQueryBuilder('track');
    if (args.municipalityConceptId) {
      query.andWhere('track.municipality_concept_id = :municipality', {
        municipality: args.municipalityConceptId,
      });
    }
    return paginate(query, args, { column: 'track.name', direction: 'ASC' });
  }

  /** The GraphQL view of `tracks`, with labels, partners and intakes loaded in a fixed number of queries. */
  async describe(tracks: Track[], manager: EntityManager = this.dataSource.manager): Promise<TrackType[]> {
    if (tracks.length === 0) return [];
    const trackIds = tracks.map((track) => track.id);
    const [municipalities, occupations, educationLevels, licences, organisations, partnerRows, intakes] =
      await Promise.all([
        this.taxonomy.concepts(
          TaxonomyKind.MUNICIPALITY,
          tracks.map((track) => track.municipalityConceptId),
          manager,
        ),
        this.taxonomy.concepts(
          TaxonomyKind.OCCUPATION,
          tracks.flatMap((track) => track.occupationConceptIds),
          manager,
        ),
        this.taxonomy.concepts(
          TaxonomyKind.EDUCATION_LEVEL,
          tracks.flatMap((track) => track.minimumEducationLevelConceptId ?? []),
          manager,
        ),
        this.taxonomy.concepts(
          TaxonomyKind.DRIVING_LICENCE,
          tracks.flatMap((track) => track.requiredDrivingLicenceConceptId ?? []),
          manager,
        ),
        manager.findBy(Organisation, { id: In([...new Set(tracks.map((track) => track.organisationId))]) }),
        manager.query(
          `SELECT tp.track_id AS "trackId", o.id FROM track_partners tp
           JOIN organisations o ON o.id = tp.organisation_id
           WHERE tp.track_id = ANY($1::uuid[]) ORDER BY o.name`,
          [trackIds],
        ) as Promise<{ trackId: string; id: string }[]>,
        manager.find(TrackIntake, { where: { trackId: In(trackIds) }, order: { startDate: 'ASC' } }),
      ]);
    const partnerOrganisations = await manager.findBy(Organisation, {
      id: In([...new Set(partnerRows.map((row) => row.id))]),
    });
    const organisationById = new Map(
      [...organisations, ...partnerOrganisations].map((organisation) => [organisation.id, organisation]),
    );
    return tracks.map((track) => ({
      id: track.id,
      organisation: OrganisationType.from(organisationById.get(track.organisationId)!),
      name: track.name,
      description: track.description,
      municipality: conceptFrom(municipalities, track.municipalityConceptId),
      occupations: track.occupationConceptIds.map((id) => conceptFrom(occupations, id)),
      praktikWeeks: track.praktikWeeks,
      sfiHoursPerWeek: track.sfiHoursPerWeek,
      vocationalSwedish: track.vocationalSwedish,
      course: track.course,
      minimumSwedishLevel: track.minimumSwedishLevel,
      minimumEducationLevel: track.minimumEducationLevelConceptId
        ? conceptFrom(educationLevels, track.minimumEducationLevelConceptId)
        : null,
      requiredDrivingLicence: track.requiredDrivingLicenceConceptId
        ? conceptFrom(licences, track.requiredDrivingLicenceConceptId)
        : null,
      partners: partnerRows
        .filter((row) => row.trackId === track.id)
        .map((row) => OrganisationType.from(organisationById.get(row.id)!)),
      intakes: intakes
        .filter((intake) => intake.trackId === track.id)
        .map((intake) => TrackIntakeType.from(intake, track.name)),
      createdAt: track.createdAt,
      updatedAt: track.updatedAt,
    }));
  }

  /**
   * Enrols a participant of the caller's organisation into an intake: checks the prerequisites against the
   * competence profile, refuses a second enrolment, one into an intake that has started and one while the participant
   * holds a place in an overlapping intake of the same track, and takes one place atomically.
   */
  async enrol(caller: Principal, intakeId: string, participantId: string): Promise<TrackEnrolment> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        // Locked: an erasure running at the same time waits, or this sees the participant erased.
        await this.participantAccess.getManaged(caller, participantId, manager, true);
        const intake = await manager.findOne(TrackIntake, {
          where: { id: intakeId },
          relations: { track: true },
        });
        if (!intake) throw AppError.notFound('Track intake');
        // A coach enrols before the intake starts (on its first day at the latest), not into one under way or over.
        if (intake.startDate < todayInSweden()) {
          throw AppError.conflict(
            `The intake started on ${intake.startDate}: enrolments closed then`,
            'intakeId',
          );
        }
        if (await manager.existsBy(TrackEnrolment, { intakeId, participantId, withdrawnAt: IsNull() })) {
          throw AppError.conflict(ALREADY_ENROLLED, 'participantId');
        }
        await this.assertNoOverlappingIntake(intake, participantId, manager);
        await this.assertPrerequisites(intake.track, participantId, manager);
        // UPDATE track_intakes SET places_taken = places_taken + 1 WHERE id = $1 AND places_taken < places:
        // concurrent enrolments queue on the row lock and re-check the condition, so no intake is overfilled.
        const taken = await manager
          .createQueryBuilder()
          .update(TrackIntake)
          .set({ placesTaken: () => 'places_taken + 1' })
          .where('id = :intakeId AND places_taken < places', { intakeId })
          .execute();
        if (taken.affected !== 1) throw AppError.conflict(NO_PLACES_LEFT, 'intakeId');
        const enrolment = await manager.save(
          manager.create(TrackEnrolment, { intakeId, participantId, enrolledBy: caller.userId }),
        );
        await this.enrolmentsChanged(participantId, manager);
        return enrolment;
      });
    } catch (error) {
      // The same participant enrolled twice at the same moment: the partial unique index decides.
      if (isUniqueViolation(error, 'uq_track_enrolments_intake_participant'))
        throw AppError.conflict(ALREADY_ENROLLED, 'participantId');
      throw error;
    }
  }

  /**
   * One intake of a track at a time: CONFLICT on participantId while the participant holds a place in another intake
   * of the same track whose praktik weeks overlap this one's (each runs `praktikWeeks` from its start, a week at
   * least), so that nobody keeps places in several intakes of a track while others wait. Once the earlier praktik is
   * over, the next intake is open to them. The participant's row is locked by the caller, so two enrolments of one
   * person queue.
   */
  private async assertNoOverlappingIntake(
    intake: TrackIntake,
    participantId: string,
    manager: EntityManager,
  ): Promise<void> {
    const [other] = (await manager.query(
      `SELECT i.start_date::text AS start_date
         FROM track_enrolments e JOIN track_intakes i ON i.id = e.intake_id
        WHERE e.participant_id = $1 AND e.withdrawn_at IS NULL AND i.track_id = $2 AND i.id <> $3
          AND abs(i.start_date - $4::date) < 7 * greatest($5, 1)
        ORDER BY i.start_date LIMIT 1`,
      [participantId, intake.trackId, intake.id, intake.startDate, intake.track.praktikWeeks],
    )) as Array<{ start_date: string }>;
    if (other) {
      throw AppError.conflict(
        `The participant holds a place in this track's intake starting ${other.start_date}, whose ${intake.track.praktikWeeks} weeks overlap this one; withdraw that enrolment first`,
        'participantId',
      );
    }
  }

  /**
   * Withdraws an enrolment of the caller's organisation and gives its place back; CONFLICT when a registered check
   * refuses (a PLANNED or ACTIVE Jobbspår placement in the intake).
   */
  async withdraw(caller: Principal, enrolmentId: string): Promise<TrackEnrolment> {
    return this.dataSource.transaction(async (manager) => {
      // Whose it is first, unlocked: another organisation's coach neither holds it nor learns more than FORBIDDEN.
      // Then the participant, locked, as enrolments and erasure take it first: a withdrawal and an erasure of the same
      // person queue (each would otherwise hold what the other waits for: the enrolment, the intake).
      const found = await manager.findOneBy(TrackEnrolment, { id: enrolmentId });
      if (!found) throw AppError.notFound('Track enrolment');
      await this.participantAccess.getManaged(caller, found.participantId, manager, true);
      const enrolment = await manager.findOneOrFail(TrackEnrolment, {
        where: { id: enrolmentId },
        lock: { mode: 'pessimistic_write' },
      });
      if (enrolment.withdrawnAt)
        throw AppError.conflict('This enrolment is already withdrawn', 'enrolmentId');
      for (const check of this.withdrawalChecks) {
        const refusal = await check(enrolment, manager);
        if (refusal) throw AppError.conflict(refusal, 'enrolmentId');
      }
      await this.withdrawEnrolments('id', enrolment.id, manager);
      await this.enrolmentsChanged(enrolment.participantId, manager);
      return manager.findOneByOrFail(TrackEnrolment, { id: enrolment.id });
    });
  }

  /**
   * Withdraws every active enrolment of the participant and gives the places back, in the caller's transaction:
   * for erasure (an erased participant must not keep a place). Returns how many were withdrawn.
   */
  releaseEnrolmentsOf(participantId: string, manager: EntityManager): Promise<number> {
    return this.withdrawEnrolments('participant_id', participantId, manager);
  }

  /**
   * Matching follows the participant's places in intakes (a JOBBSPAR opening takes only the participants of its
   * intake): their profile counts as changed, in the enrolment's transaction. Erasure records its own change.
   */
  private async enrolmentsChanged(participantId: string, manager: EntityManager): Promise<void> {
    const profiles: Array<{ id: string }> = await manager.query(
      'SELECT id FROM competence_profiles WHERE participant_id = $1',
      [participantId],
    );
    await this.profileChanges.changed(
      profiles.map((profile) => profile.id),
      manager,
    );
  }

  /** Enrolments in an intake of the caller's own organisation's participants (ids only, no personal data). */
  async enrolments(caller: Principal, args: TrackEnrolmentsArgs): Promise<Page<TrackEnrolment>> {
    if (!(await this.dataSource.manager.existsBy(TrackIntake, { id: args.intakeId })))
      throw AppError.notFound('Track intake');
    const query = this.dataSource
      .getRepository(TrackEnrolment)
      .createQueryBuilder('enrolment')
      .innerJoin('enrolment.participant', 'participant')
      .where('enrolment.intake_id = :intakeId', { intakeId: args.intakeId })
      .andWhere('participant.organisation_id = :organisationId', { organisationId: caller.organisationId });
    if (!args.includeWithdrawn) query.andWhere('enrolment.withdrawn_at IS NULL');
    return paginate(query, args, { column: 'enrolment.enrolled_at', direction: 'ASC' });
  }

  /** For JOBBSPAR openings: the intake with its track, or null when there is none with this id. */
  findIntake(
    intakeId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TrackIntake | null> {
    return manager.findOne(TrackIntake, { where: { id: intakeId }, relations: { track: true } });
  }

  /** Whether `organisationId` is a partner employer of the track; in a transaction, it stays one until it ends. */
  async isPartner(
    trackId: string,
    organisationId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    // FOR SHARE: a partner removal running at the same time waits for this transaction (see `update`).
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM track_partners WHERE track_id = $1 AND organisation_id = $2 FOR SHARE',
      [trackId, organisationId],
    );
    return rows.length > 0;
  }

  /** Intakes by id with their track's name, in one query. */
  async intakeSummaries(
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, TrackIntakeType>> {
    if (ids.length === 0) return new Map();
    const intakes = await manager.find(TrackIntake, {
      where: { id: In([...new Set(ids)]) },
      relations: { track: true },
    });
    return new Map(intakes.map((intake) => [intake.id, TrackIntakeType.from(intake, intake.track.name)]));
  }

  /**
   * Withdraws the active enrolments whose `column` is `value` (one enrolment by id, or every one of a participant)
   * and gives their places back to their intakes, in one statement of the caller's transaction. Returns how many.
   */
  private async withdrawEnrolments(
    column: 'id' | 'participant_id',
    value: string,
    manager: EntityManager,
  ): Promise<number> {
    // The intakes first, in id order: two erasures giving places back to the same intakes queue instead of each
    // holding one the other waits for.
    await manager.query(
      `SELECT 1 FROM track_intakes WHERE id IN (
         SELECT intake_id FROM track_enrolments WHERE ${column} = $1 AND withdrawn_at IS NULL)
       ORDER BY id FOR UPDATE`,
      [value],
    );
    const rows: { n: number }[] = await manager.query(
      `WITH released AS (
         UPDATE track_enrolments SET withdrawn_at = now()
         WHERE ${column} = $1 AND withdrawn_at IS NULL RETURNING intake_id
       ), per_intake AS (
         SELECT intake_id, count(*)::int AS n FROM released GROUP BY intake_id
       ), given_back AS (
         UPDATE track_intakes i SET places_taken = i.places_taken - p.n FROM per_intake p WHERE i.id = p.intake_id
       )
       SELECT coalesce(sum(n), 0)::int AS n FROM per_intake`,
      [value],
    );
    return rows[0]?.n ?? 0;
  }

  private async partnerIdsOf(trackId: string, manager: EntityManager): Promise<string[]> {
    const rows: { organisation_id: string }[] = await manager.query(
      'SELECT organisation_id FROM track_partners WHERE track_id = $1',
      [trackId],
    );
    return rows.map((row) => row.organisation_id);
  }

  /** CONFLICT on `input.partnerOrganisationIds` when a registered check refuses the removal. */
  private async assertPartnersRemovable(
    trackId: string,
    removedPartnerIds: string[],
    manager: EntityManager,
  ): Promise<void> {
    if (this.partnerRemovalChecks.length === 0) return;
    const intakeIds = (await manager.find(TrackIntake, { where: { trackId }, select: { id: true } })).map(
      (intake) => intake.id,
    );
    for (const check of this.partnerRemovalChecks) {
      const refusal = await check({ trackId, intakeIds, removedPartnerIds }, manager);
      if (refusal) throw AppError.conflict(refusal, 'input.partnerOrganisationIds');
    }
  }

  private async getOwnTrack(caller: Principal, id: string, manager: EntityManager): Promise<Track> {
    const track = await manager.findOne(Track, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!track) throw AppError.notFound('Track');
    if (track.organisationId !== caller.organisationId)
      throw AppError.forbidden("Only admins of the track's organisation may change it");
    return track;
  }

  /** Unknown concept ids, a lower-level SUN code and unknown partners, each on its own field; nothing written. */
  private async assertValid(input: Partial<CreateTrackInput>, manager: EntityManager): Promise<void> {
    await this.taxonomy.assertKnown(
      [
        {
          kind: TaxonomyKind.MUNICIPALITY,
          field: 'input.municipalityConceptId',
          ids: input.municipalityConceptId,
        },
        {
          kind: TaxonomyKind.OCCUPATION,
          field: 'input.occupationConceptIds',
          ids: input.occupationConceptIds,
        },
        {
          kind: TaxonomyKind.EDUCATION_LEVEL,
          field: 'input.minimumEducationLevelConceptId',
          ids: input.minimumEducationLevelConceptId,
        },
        {
          kind: TaxonomyKind.DRIVING_LICENCE,
          field: 'input.requiredDrivingLicenceConceptId',
          ids: input.requiredDrivingLicenceConceptId,
        },
      ],
      manager,
    );
    const problems: FieldProblem[] = [];
    if (
      input.minimumEducationLevelConceptId &&
      !(await this.taxonomy.isTopEducationLevel(input.minimumEducationLevelConceptId, manager))
    ) {
      problems.push({
        field: 'input.minimumEducationLevelConceptId',
        message: 'must be a top-level SUN education level (SUN code 0–6)',
      });
    }
    const partners = input.partnerOrganisationIds ?? [];
    if (partners.length > 0) {
      const found = new Set(
        (await manager.findBy(Organisation, { id: In(partners) })).map((organisation) => organisation.id),
      );
      partners.forEach((id, index) => {
        if (!found.has(id))
          problems.push({
            field: `input.partnerOrganisationIds[${index}]`,
            message: 'no organisation has this id',
          });
      });
    }
    if (problems.length > 0) throw AppError.badInputs(problems);
  }

  /** Each unmet prerequisite its own BAD_USER_INPUT problem on `participantId`; no profile is one too. */
  private async assertPrerequisites(
    track: Track,
    participantId: string,
    manager: EntityManager,
  ): Promise<void> {
    const profile = await this.participantAccess.profileOf(participantId, manager);
    if (!profile) {
      throw AppError.badInput(
        'participantId',
        'NO_COMPETENCE_PROFILE: the participant has no competence profile to check the track prerequisites against',
      );
    }
    const educationIds = [track.minimumEducationLevelConceptId, profile.educationLevelConceptId].filter(
      (id): id is string => !!id,
    );
    const [education, licences] = await Promise.all([
      this.taxonomy.concepts(TaxonomyKind.EDUCATION_LEVEL, educationIds, manager),
      this.taxonomy.concepts(
        TaxonomyKind.DRIVING_LICENCE,
        track.requiredDrivingLicenceConceptId ? [track.requiredDrivingLicenceConceptId] : [],
        manager,
      ),
    ]);
    const minimumEducation = track.minimumEducationLevelConceptId
      ? education.get(track.minimumEducationLevelConceptId)
      : undefined;
    const licenceId = track.requiredDrivingLicenceConceptId;
    const unmet = unmetPrerequisites(
      {
        minimumSwedishLevel: track.minimumSwedishLevel,
        minimumEducation: minimumEducation
          ? { sunCode: minimumEducation.code ?? '0', label: minimumEducation.label }
          : null,
        requiredDrivingLicence: licenceId
          ? { conceptId: licenceId, code: licences.get(licenceId)?.label ?? licenceId }
          : null,
      },
      {
        swedishLevel: profile.swedishLevel,
        educationSunCode: profile.educationLevelConceptId
          ? (education.get(profile.educationLevelConceptId)?.code ?? null)
          : null,
        drivingLicenceConceptIds: profile.drivingLicenceConceptIds,
      },
    );
    if (unmet.length > 0) {
      throw AppError.badInputs(
        unmet.map(({ rule, message }) => ({ field: 'participantId', message: `${rule}: ${message}` })),
      );
    }
  }
}

function emptyToNull(value: string | null | undefined): string | null {
  return value ? value : null;
}
