import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { todayInSweden } from '#libs/calendar';
import { rowVersionSql } from '#libs/database';
import { Role, type Principal } from '#libs/access-control';
import { AppError, type FieldProblem } from '#libs/errors';
import { Organisation } from '#libs/organisations';
import { Outbox, enqueueJob } from '#libs/outbox';
import { paginate, type Page } from '#libs/pagination';
import { JobName } from '#libs/queue';
import { TaxonomyKind, TaxonomyService } from '#libs/taxonomy';
import { TracksService, type PartnerRemoval } from '#libs/tracks';
import { PlacementKind } from '#libs/vocabulary';
import type { CreateOpeningInput, OpeningsArgs, UpdateOpeningInput } from './dtos/opening.inputs.js';
import { eligibilityProblems } from './eligibility.js';
import { Opening } from './entities/opening.entity.js';
import { assertEditable, assertTransition } from './opening-lifecycle.js';
import { OpeningStatus } from './opening-status.js';

/** What coaches and admins see of other organisations' openings. */
export const COACH_VISIBLE_STATUSES: readonly OpeningStatus[] = [
  OpeningStatus.PUBLISHED,
  OpeningStatus.FILLED,
];

/** Text fields where an empty string means "none". */
const NULLABLE_TEXTS = ['supervisorName', 'languageSupport', 'disabilityAdaptations'] as const;

type OpeningFields = Partial<CreateOpeningInput>;

/**
 * Openings (placement requests). Employers — companies, public employers and associations alike — manage their own
 * organisation's openings; coaches and admins see every organisation's PUBLISHED and FILLED ones. An opening that
 * exists but is not the caller's to see or change is FORBIDDEN; an unknown id is NOT_FOUND.
 */
@Injectable()
export class OpeningsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyService,
    private readonly tracks: TracksService,
    private readonly outbox: Outbox,
  ) {}

  /** A published JOBBSPAR opening needs its organisation to stay a partner of the track (JOBBSPAR_TRACK_PARTNER). */
  onModuleInit(): void {
    this.tracks.onPartnerRemoval((removal, manager) => this.partnerRemovalRefusal(removal, manager));
  }

  /** A new DRAFT of the caller's organisation. Eligibility waits for publishing: a draft may be incomplete. */
  async create(caller: Principal, input: CreateOpeningInput): Promise<Opening> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertValidFields(
        input,
        { startDate: input.startDate, endDate: input.endDate ?? null },
        manager,
      );
      const opening = manager.create(Opening, {
        ...normaliseTexts(input),
        minimumSwedishLevel: input.minimumSwedishLevel ?? null,
        endDate: input.endDate ?? null,
        trackIntakeId: input.trackIntakeId ?? null,
        organisationId: caller.organisationId,
        createdBy: caller.userId,
        status: OpeningStatus.DRAFT,
      });
      return manager.save(opening);
    });
  }

  /** Changes a DRAFT or PUBLISHED opening; a PUBLISHED one must still be eligible afterwards. */
  async update(caller: Principal, id: string, input: UpdateOpeningInput): Promise<Opening> {
    return this.dataSource.transaction(async (manager) => {
      const opening = await this.getOwned(caller, id, manager);
      assertEditable(opening.status);
      const changes = Object.fromEntries(
        Object.entries(normaliseTexts(input)).filter(([, value]) => value !== undefined),
      ) as OpeningFields;
      assertPlacesKeepTheirKind(opening, changes);
      await this.assertValidFields(
        changes,
        {
          startDate: changes.startDate ?? opening.startDate,
          endDate: changes.endDate === undefined ? opening.endDate : changes.endDate,
          placesTaken: opening.placesTaken,
          requiredSkillConceptIds: changes.requiredSkillConceptIds ?? opening.requiredSkillConceptIds,
          niceToHaveSkillConceptIds: changes.niceToHaveSkillConceptIds ?? opening.niceToHaveSkillConceptIds,
        },
        manager,
      );
      manager.merge(Opening, opening, changes as Partial<Opening>);
      if (opening.status === OpeningStatus.PUBLISHED) {
        await this.assertEligible(opening, 'input.', manager);
        // Places brought down to those taken leave none: FILLED, as taking the last place makes it.
        if (opening.places === opening.placesTaken) opening.status = OpeningStatus.FILLED;
      }
      const saved = await manager.save(opening);
      if (saved.status !== OpeningStatus.DRAFT) await this.publishedOpeningChanged(manager, saved);
      return saved;
    });
  }

  /** DRAFT → PUBLISHED, when the opening meets every eligibility rule of its kind. */
  async publish(caller: Principal, id: string): Promise<Opening> {
    return this.dataSource.transaction(async (manager) => {
      const opening = await this.getOwned(caller, id, manager);
      assertTransition(opening.status, OpeningStatus.PUBLISHED);
      await this.assertEligible(opening, '', manager);
      opening.status = OpeningStatus.PUBLISHED;
      opening.publishedAt = new Date();
      const saved = await manager.save(opening);
      await this.publishedOpeningChanged(manager, saved);
      return saved;
    });
  }

  /** PUBLISHED → FILLED: every place is given. */
  fill(caller: Principal, id: string): Promise<Opening> {
    return this.transition(caller, id, OpeningStatus.FILLED);
  }

  /** PUBLISHED → CLOSED: withdrawn by the employer. */
  close(caller: Principal, id: string): Promise<Opening> {
    return this.transition(caller, id, OpeningStatus.CLOSED);
  }

  /** An opening the caller may see. */
  async get(caller: Principal, id: string): Promise<Opening> {
    const opening = await this.dataSource.manager.findOneBy(Opening, { id });
    if (!opening) throw AppError.notFound('Opening');
    if (caller.role === Role.EMPLOYER) {
      if (opening.organisationId !== caller.organisationId) throw notYours();
    } else if (!COACH_VISIBLE_STATUSES.includes(opening.status)) {
      throw AppError.forbidden('Coaches and admins see published and filled openings only');
    }
    return opening;
  }

  /**
   * Employers: their own organisation's openings in any status. Coaches and admins: the PUBLISHED and FILLED
   * openings of every organisation. Newest first; filters by status, kind, municipality, county, organisation.
   */
  async list(caller: Principal, args: OpeningsArgs): Promise<Page<Opening>> {
    await this.taxonomy.assertKnown([
      { kind: TaxonomyKind.MUNICIPALITY, field: 'municipalityConceptId', ids: args.municipalityConceptId },
      { kind: TaxonomyKind.COUNTY, field: 'countyConceptId', ids: args.countyConceptId },
    ]);
    const query = this.dataSource.getRepository(Opening).createQueryBuilder('opening');
    if (caller.role === Role.EMPLOYER) {
      if (args.organisationId && args.organisationId !== caller.organisationId) throw notYours();
      query.where('opening.organisation_id = :own', { own: caller.organisationId });
    } else {
      query.where('opening.status IN (:...visible)', { visible: COACH_VISIBLE_STATUSES });
      if (args.organisationId)
        query.andWhere('opening.organisation_id = :organisationId', { organisationId: args.organisationId });
    }
    if (args.status) query.andWhere('opening.status = :status', { status: args.status });
    if (args.kind) query.andWhere('opening.kind = :kind', { kind: args.kind });
    if (args.municipalityConceptId) {
      query.andWhere('opening.municipality_concept_id = :municipality', {
        municipality: args.municipalityConceptId,
      });
    }
    if (args.countyConceptId) {
      query.andWhere(
        'opening.municipality_concept_id IN (SELECT concept_id FROM taxonomy_municipalities WHERE county_concept_id = :county)',
        { county: args.countyConceptId },
      );
    }
    return paginate(query, args, { column: 'opening.created_at', direction: 'DESC' });
  }

  /** Why the partners cannot leave the track: their published JOBBSPAR openings in its intakes; or null. */
  private async partnerRemovalRefusal(
    { intakeIds, removedPartnerIds }: PartnerRemoval,
    manager: EntityManager,
  ): Promise<string | null> {
    if (intakeIds.length === 0) return null;
    const published = await manager.count(Opening, {
      where: {
        kind: PlacementKind.JOBBSPAR,
        status: OpeningStatus.PUBLISHED,
        trackIntakeId: In([...intakeIds]),
        organisationId: In([...removedPartnerIds]),
      },
    });
    if (published === 0) return null;
    const openings =
      published === 1 ? '1 published JOBBSPAR opening' : `${published} published JOBBSPAR openings`;
    return (
      `The partners you remove have ${openings} in this track's intakes; ` +
      'they must be filled or closed before their organisations stop being partners'
    );
  }

  private transition(caller: Principal, id: string, to: OpeningStatus): Promise<Opening> {
    return this.dataSource.transaction(async (manager) => {
      const opening = await this.getOwned(caller, id, manager);
      assertTransition(opening.status, to);
      opening.status = to;
      const saved = await manager.save(opening);
      await this.publishedOpeningChanged(manager, saved);
      return saved;
    });
  }

  /** The opening, locked for the change, when it belongs to the caller's organisation. */
  private async getOwned(caller: Principal, id: string, manager: EntityManager): Promise<Opening> {
    const opening = await manager.findOne(Opening, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!opening) throw AppError.notFound('Opening');
    if (caller.role !== Role.EMPLOYER || opening.organisationId !== caller.organisationId) throw notYours();
    return opening;
  }

  /**
   * The checks of the given fields that need the database or several fields: known concept ids, a known track
   * intake, the end not before the start, places not below those taken, no skill both required and nice to have.
   * Every problem is reported at once, each on its input field; nothing has been written yet.
   */
  private async assertValidFields(
    fields: OpeningFields,
    merged: {
      startDate: string;
      endDate: string | null;
      placesTaken?: number;
      requiredSkillConceptIds?: readonly string[];
      niceToHaveSkillConceptIds?: readonly string[];
    },
    manager: EntityManager,
  ): Promise<void> {
    const problems: FieldProblem[] = [];
    await this.taxonomy
      .assertKnown(
        [
          {
            kind: TaxonomyKind.OCCUPATION,
            field: 'input.occupationConceptId',
            ids: fields.occupationConceptId,
          },
          {
            kind: TaxonomyKind.SKILL,
            field: 'input.requiredSkillConceptIds',
            ids: fields.requiredSkillConceptIds,
          },
          {
            kind: TaxonomyKind.SKILL,
            field: 'input.niceToHaveSkillConceptIds',
            ids: fields.niceToHaveSkillConceptIds,
          },
          {
            kind: TaxonomyKind.LANGUAGE,
            field: 'input.usefulLanguageConceptIds',
            ids: fields.usefulLanguageConceptIds,
          },
          {
            kind: TaxonomyKind.DRIVING_LICENCE,
            field: 'input.requiredDrivingLicenceConceptIds',
            ids: fields.requiredDrivingLicenceConceptIds,
          },
          {
            kind: TaxonomyKind.MUNICIPALITY,
            field: 'input.municipalityConceptId',
            ids: fields.municipalityConceptId,
          },
        ],
        manager,
      )
      .catch((error: unknown) => {
        if (!(error instanceof AppError)) throw error;
        problems.push(...(error.details.fields ?? []));
      });
    if (fields.trackIntakeId && !(await this.tracks.findIntake(fields.trackIntakeId, manager))) {
      problems.push({ field: 'input.trackIntakeId', message: 'is not a known track intake' });
    }
    if (merged.endDate && merged.endDate < merged.startDate) {
      problems.push(
        fields.endDate !== undefined || fields.startDate === undefined
          ? { field: 'input.endDate', message: `must be on or after the start date (${merged.startDate})` }
          : { field: 'input.startDate', message: `must be on or before the end date (${merged.endDate})` },
      );
    }
    if (
      fields.places !== undefined &&
      merged.placesTaken !== undefined &&
      fields.places < merged.placesTaken
    ) {
      problems.push({
        field: 'input.places',
        message: `cannot be fewer than the ${merged.placesTaken} places already taken`,
      });
    }
    const required = merged.requiredSkillConceptIds ?? fields.requiredSkillConceptIds ?? [];
    const niceToHave = merged.niceToHaveSkillConceptIds ?? fields.niceToHaveSkillConceptIds ?? [];
    // Blame the list the caller sent: the nice-to-have one when given, else the required one.
    const [blamed, other, name] =
      fields.niceToHaveSkillConceptIds !== undefined || fields.requiredSkillConceptIds === undefined
        ? [niceToHave, new Set(required), 'niceToHaveSkillConceptIds']
        : [required, new Set(niceToHave), 'requiredSkillConceptIds'];
    blamed.forEach((id, index) => {
      if (other.has(id))
        problems.push({
          field: `input.${name}[${index}]`,
          message: 'is in both required and nice-to-have skills',
        });
    });
    if (problems.length > 0) throw AppError.badInputs(problems);
  }

  /**
   * A place of the opening given back (its placement cancelled, ended early, its participant erased). A FILLED
   * opening whose places were all taken is PUBLISHED again while it still runs (no last day, or one not passed) and
   * meets the eligibility rules of its kind still: its organisation may have changed kind, or left the track, while
   * the opening was FILLED (those checks count published openings only).
   */
  async placeGivenBack(openingId: string, manager: EntityManager): Promise<void> {
    const opening = await manager.findOneOrFail(Opening, {
      where: { id: openingId },
      lock: { mode: 'pessimistic_write' },
    });
    const reopens =
      opening.status === OpeningStatus.FILLED &&
      opening.placesTaken === opening.places &&
      (opening.endDate === null || opening.endDate >= todayInSweden()) &&
      (await this.eligibilityProblemsOf(opening, '', manager)).length === 0;
    await manager.query(
      `UPDATE openings SET status = $2::opening_status, places_taken = places_taken - 1, updated_at = now()
        WHERE id = $1`,
      [openingId, reopens ? OpeningStatus.PUBLISHED : opening.status],
    );
  }

  /** BAD_USER_INPUT listing every eligibility rule the opening breaks (see eligibility.ts). */
  private async assertEligible(opening: Opening, fieldPrefix: string, manager: EntityManager): Promise<void> {
    const problems = await this.eligibilityProblemsOf(opening, fieldPrefix, manager);
    if (problems.length > 0) throw AppError.badInputs(problems);
  }

  /**
   * The eligibility rules the opening breaks. The organisation is read FOR SHARE, so that a change of its kind
   * (which locks it, then counts its openings) waits for this write instead of missing it.
   */
  private async eligibilityProblemsOf(
    opening: Opening,
    fieldPrefix: string,
    manager: EntityManager,
  ): Promise<FieldProblem[]> {
    const organisation = await manager.findOneOrFail(Organisation, {
      where: { id: opening.organisationId },
      lock: { mode: 'pessimistic_read' },
    });
    let partnerOfTrack: boolean | null = null;
    if (opening.trackIntakeId) {
      const intake = await this.tracks.findIntake(opening.trackIntakeId, manager);
      partnerOfTrack =
        !!intake && (await this.tracks.isPartner(intake.trackId, opening.organisationId, manager));
    }
    return eligibilityProblems(
      {
        kind: opening.kind,
        organisationKind: organisation.kind,
        hoursPerWeek: opening.hoursPerWeek,
        startDate: opening.startDate,
        endDate: opening.endDate,
        supervisorName: opening.supervisorName,
        collectiveAgreementConfirmed: opening.collectiveAgreementConfirmed,
        trackIntakeId: opening.trackIntakeId,
        partnerOfTrack,
      },
      fieldPrefix,
    );
  }

  /**
   * The opening was published, a published opening changed, or it was filled or closed: matching ranks it again
   * (or expires its proposals), through a job recorded in this same transaction. The job id carries the row's
   * updated_at, so each version is matched once. (Matching depends on openings, so openings records the job itself.)
   */
  private async publishedOpeningChanged(manager: EntityManager, opening: Opening): Promise<void> {
    const [row] = (await manager.query(
      `SELECT ${rowVersionSql('updated_at')} AS version FROM openings WHERE id = $1`,
      [opening.id],
    )) as Array<{ version: string }>;
    await this.outbox.record(manager, [
      enqueueJob({ name: JobName.MatchOpening, payload: { openingId: opening.id, version: row!.version } }),
    ]);
  }
}

function notYours(): AppError {
  return AppError.forbidden("Only your own organisation's openings are yours to see and change");
}

/** Trimmed empty texts become null, so that "no supervisor" is one value. */
function normaliseTexts<T extends OpeningFields>(fields: T): T {
  const copy: Record<string, unknown> = { ...fields };
  for (const key of NULLABLE_TEXTS) if (copy[key] === '') copy[key] = null;
  return copy as T;
}

/**
 * Once a place is taken, the opening's kind and (Jobbspår) track intake are what its placements were confirmed
 * under: a JOBBSPAR placement holds a place in that intake (confirmProposal checks the enrolment, and the enrolment
 * cannot be withdrawn while the placement is on). CONFLICT on the field, with nothing written.
 */
function assertPlacesKeepTheirKind(opening: Opening, changes: OpeningFields): void {
  if (opening.placesTaken === 0) return;
  if (changes.kind !== undefined && changes.kind !== opening.kind) {
    throw AppError.conflict(
      `${opening.placesTaken} place(s) of this opening are taken: its kind stays ${opening.kind}`,
      'input.kind',
    );
  }
  if (changes.trackIntakeId !== undefined && changes.trackIntakeId !== opening.trackIntakeId) {
    throw AppError.conflict(
      `${opening.placesTaken} place(s) of this opening are taken: its track intake stays the same`,
      'input.trackIntakeId',
    );
  }
}
