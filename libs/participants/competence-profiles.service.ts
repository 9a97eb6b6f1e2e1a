import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, QueryDeepPartialEntity } from 'typeorm';
import { advisoryXactLock } from '#libs/database';
import type { Principal } from '#libs/access-control';
import { AppError, type FieldProblem } from '#libs/errors';
import { PersonalDataAction, PersonalDataAuditLog } from '#libs/personal-data';
import { conceptFrom, TaxonomyKind, TaxonomyService } from '#libs/taxonomy';
import {
  generalisedFactsInSummary,
  personalDataInSummary,
  type GeneralisedFacts,
} from './anonymisation/summary-check.js';
import { ConsentScope, hasConsent } from './consent-scope.js';
import { PROFILE_SKILLS_MAX, type UpdateCompetenceProfileInput } from './dtos/competence-profile.inputs.js';
import type { CompetenceProfileType } from './dtos/competence-profile.type.js';
import { CompetenceProfile } from './entities/competence-profile.entity.js';
import type { Participant } from './entities/participant.entity.js';
import { ProfileLanguage } from './entities/profile-language.entity.js';
import { ProfileOccupation } from './entities/profile-occupation.entity.js';
import { ProfileSkill } from './entities/profile-skill.entity.js';
import { ParticipantAccess } from './participant-access.js';
import { ProfileChanges } from './profile-changes.js';
import { ProfileStatus } from './profile-status.js';
import { newPublicId } from './public-id.js';
import { COACH_ONLY_FIELDS } from './requested-personal-fields.js';
import { ProfileSearchProjection } from './search/profile-search.projection.js';
import { verifiedSkillIds } from './verified-skills.js';

/** Which status a profile may move to from each status. */
const TRANSITIONS: Record<ProfileStatus, readonly ProfileStatus[]> = {
  [ProfileStatus.DRAFT]: [ProfileStatus.PUBLISHED, ProfileStatus.ARCHIVED],
  [ProfileStatus.PUBLISHED]: [
    ProfileStatus.DRAFT,
    ProfileStatus.PAUSED,
    ProfileStatus.PLACED,
    ProfileStatus.ARCHIVED,
  ],
  [ProfileStatus.PAUSED]: [ProfileStatus.PUBLISHED, ProfileStatus.DRAFT, ProfileStatus.ARCHIVED],
  [ProfileStatus.PLACED]: [ProfileStatus.PUBLISHED, ProfileStatus.ARCHIVED],
  [ProfileStatus.ARCHIVED]: [],
};

/** What a profile's summary is checked against: its home municipality, and its languages (null: as stored). */
interface SummaryFacts {
  profileId: string;
  municipalityId: string | null;
  languageIds: string[] | null;
}

/** A published profile must say at least this much for employers and matching to use it. */
const NEEDED_TO_PUBLISH: ReadonlyArray<[keyof CompetenceProfile, string]> = [
  ['swedishLevel', 'swedishLevel'],
  ['educationLevelConceptId', 'educationLevelConceptId'],
  ['homeMunicipalityConceptId', 'homeMunicipalityConceptId'],
  ['availableFrom', 'availableFrom'],
  ['hoursPerWeek', 'hoursPerWeek'],
];

@Injectable()
export class CompetenceProfilesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ParticipantAccess,
    private readonly taxonomy: TaxonomyService,
    private readonly auditLog: PersonalDataAuditLog,
    private readonly profileChanges: ProfileChanges,
    private readonly profileSearch: ProfileSearchProjection,
  ) {}

  /**
   * Reading coach-only fields (health-related flags, notes) is logged like a read of personal data. The caller's
   * organisation is the participant's: `get`, `update` and `setStatus` only return profiles the caller manages.
   */
  async auditCoachOnlyRead(caller: Principal, profile: CompetenceProfile, fields: string[], purpose: string) {
    if (fields.length === 0) return;
    await this.auditLog.record(caller, purpose, [
      {
        participantId: profile.participantId,
        organisationId: caller.organisationId,
        action: PersonalDataAction.READ,
        fields,
      },
    ]);
  }

  async get(caller: Principal, participantId: string): Promise<CompetenceProfile> {
    await this.access.getManaged(caller, participantId);
    return this.profileOf(participantId);
  }

  /** Changes the profile; lists given replace the whole list. Everything is checked before anything is written. */
  async update(
    caller: Principal,
    participantId: string,
    input: UpdateCompetenceProfileInput,
  ): Promise<CompetenceProfile> {
    return this.dataSource.transaction(async (manager) => {
      const participant = await this.access.getManaged(caller, participantId, manager, true);
      const profile = await this.profileOf(participantId, manager);
      await this.taxonomy.assertKnown(
        [
          {
            kind: TaxonomyKind.OCCUPATION,
            field: 'input.occupations',
            ids: input.occupations?.map((o) => o.occupationConceptId),
          },
          { kind: TaxonomyKind.SKILL, field: 'input.skillConceptIds', ids: input.skillConceptIds },
          {
            kind: TaxonomyKind.EDUCATION_LEVEL,
            field: 'input.educationLevelConceptId',
            ids: input.educationLevelConceptId,
          },
          {
            kind: TaxonomyKind.LANGUAGE,
            field: 'input.languages',
            ids: input.languages?.map((l) => l.languageConceptId),
          },
          {
            kind: TaxonomyKind.DRIVING_LICENCE,
            field: 'input.drivingLicenceConceptIds',
            ids: input.drivingLicenceConceptIds,
          },
          {
            kind: TaxonomyKind.MUNICIPALITY,
            field: 'input.homeMunicipalityConceptId',
            ids: input.homeMunicipalityConceptId,
          },
        ],
        manager,
      );
      const problems = this.inputProblems(input);
      problems.unshift(...(await this.summaryProblems(input, profile, participant, manager)));
      if (
        input.educationLevelConceptId &&
        !(await this.taxonomy.isTopEducationLevel(input.educationLevelConceptId, manager))
      ) {
        problems.push({
          field: 'input.educationLevelConceptId',
          message: 'must be a top-level SUN education level (SUN code 0–6)',
        });
      }
      if (problems.length > 0) throw AppError.badInputs(problems);

      const { occupations, skillConceptIds, languages, priorityGroups, ...columns } = input;
      for (const [key, value] of Object.entries(columns)) {
        if (value !== undefined) Object.assign(profile, { [key]: value });
      }
      if (priorityGroups) {
        profile.priorityWoman = priorityGroups.woman;
        profile.priorityShortEducation = priorityGroups.shortEducation;
        profile.priorityDisability = priorityGroups.disability;
        profile.priorityLongTermAssistance = priorityGroups.longTermFinancialAssistance;
      }
      if (profile.status === ProfileStatus.PUBLISHED) {
        const missing = this.missingToPublish(profile);
        if (missing.length > 0)
          throw AppError.badInputs(
            missing.map((field) => ({
              field: `input.${field}`,
              message: 'cannot be cleared while the profile is published',
            })),
          );
      }
      const { occupations: _o, skills: _s, languages: _l, ...row } = profile;
      // Touched even when only the child rows change: the employer view's cache keys on it.
      await manager.save(CompetenceProfile, { ...row, updatedAt: new Date() });
      const profileId = profile.id;
      await replaceRows(
        manager,
        ProfileOccupation,
        profileId,
        occupations?.map((o) => ({ profileId, ...o })),
      );
      await replaceRows(
        manager,
        ProfileSkill,
        profileId,
        skillConceptIds?.map((id) => ({ profileId, skillConceptId: id })),
      );
      await replaceRows(
        manager,
        ProfileLanguage,
        profileId,
        languages?.map((l) => ({ profileId, ...l })),
      );
      const coachOnlyChanged = COACH_ONLY_FIELDS.filter((field) => input[field] !== undefined);
      if (coachOnlyChanged.length > 0) {
        await this.auditLog.record(
          caller,
          'mutation updateCompetenceProfile',
          [
            {
              participantId,
              organisationId: participant.organisationId,
              action: PersonalDataAction.UPDATE,
              fields: coachOnlyChanged,
            },
          ],
          manager,
        );
      }
      await this.profileChanges.changed([profile.id], manager);
      return this.profileOf(participantId, manager);
    });
  }

  /** Moves the profile along its lifecycle; publishing needs consent and a complete, clean profile. */
  async setStatus(
    caller: Principal,
    participantId: string,
    status: ProfileStatus,
  ): Promise<CompetenceProfile> {
    return this.dataSource.transaction(async (manager) => {
      const participant = await this.access.getManaged(caller, participantId, manager, true);
      const profile = await this.profileOf(participantId, manager);
      if (profile.status === status) return profile;
      if (!TRANSITIONS[profile.status].includes(status)) {
        throw AppError.conflict(`A ${profile.status} profile cannot become ${status}`, 'status');
      }
      if (status === ProfileStatus.PUBLISHED) {
        if (!hasConsent(participant, ConsentScope.ANONYMISED_PROFILE)) {
          throw AppError.badInput(
            'participantId',
            'has no consent to share an anonymised profile (ANONYMISED_PROFILE)',
          );
        }
        const missing = this.missingToPublish(profile);
        if (missing.length > 0) {
          throw AppError.badInputs(
            missing.map((field) => ({ field: `profile.${field}`, message: 'is needed to publish' })),
          );
        }
        const summaryProblem = await this.summaryProblem(
          profile.summary,
          participant,
          { profileId: profile.id, municipalityId: profile.homeMunicipalityConceptId, languageIds: null },
          manager,
        );
        if (summaryProblem) throw AppError.badInput('profile.summary', summaryProblem);
        await this.assertOnlyPublishedProfile(participant, manager);
      }
      await manager.update(CompetenceProfile, profile.id, {
        status,
        publishedAt: status === ProfileStatus.PUBLISHED ? new Date() : profile.publishedAt,
      });
      await this.profileChanges.changed([profile.id], manager);
      return this.profileOf(participantId, manager);
    });
  }

  /**
   * The summary is checked when it is written, against the values the same update writes. When it is not written, a
   * move or a language added that it names is refused instead, on that field (the employer could otherwise find the
   * profile by the place or language the view generalises); what the summary said before the change is not held
   * against the update.
   */
  private async summaryProblems(
    input: UpdateCompetenceProfileInput,
    profile: CompetenceProfile,
    participant: Participant,
    manager: EntityManager,
  ): Promise<FieldProblem[]> {
    const languageIds = input.languages?.map((language) => language.languageConceptId);
    if (input.summary !== undefined) {
      const problem = await this.summaryProblem(
        input.summary,
        participant,
        {
          profileId: profile.id,
          municipalityId:
            input.homeMunicipalityConceptId !== undefined
              ? input.homeMunicipalityConceptId
              : profile.homeMunicipalityConceptId,
          languageIds: languageIds ?? null,
        },
        manager,
      );
      return problem ? [{ field: 'input.summary', message: problem }] : [];
    }
    if (!profile.summary) return [];
    const known = new Set(profile.languages.map((language) => language.languageConceptId));
    const added = (languageIds ?? []).filter((id) => !known.has(id));
    const changes = [
      {
        field: 'input.homeMunicipalityConceptId',
        moved:
          input.homeMunicipalityConceptId != null &&
          input.homeMunicipalityConceptId !== profile.homeMunicipalityConceptId,
        facts: { municipalityId: input.homeMunicipalityConceptId ?? null, languageIds: [] },
      },
      {
        field: 'input.languages',
        moved: added.length > 0,
        facts: { municipalityId: null, languageIds: added },
      },
    ];
    const problems: FieldProblem[] = [];
    for (const { field, moved, facts } of changes) {
      if (!moved) continue;
      const problem = await this.generalisedFactsProblem(
        profile.summary,
        { profileId: profile.id, ...facts },
        manager,
      );
      if (problem) {
        problems.push({
          field,
          message: `is named in the profile's summary, which ${problem} (change the summary in the same update)`,
        });
      }
    }
    return problems;
  }

  /**
   * Why `summary` cannot be shown to employers, or null: personal data (personalDataInSummary), or what the employer
   * view generalises (generalisedFactsInSummary) — the home municipality `municipalityId` and its county, and the
   * languages `languageIds` (null: the profile's own, as stored).
   */
  private async summaryProblem(
    summary: string,
    participant: Participant,
    facts: SummaryFacts,
    manager: EntityManager,
  ): Promise<string | null> {
    const personal = personalDataInSummary(summary, [
      participant.firstName ?? '',
      participant.lastName ?? '',
    ]);
    if (personal) return personal;
    return this.generalisedFactsProblem(summary, facts, manager);
  }

  /** What of the employer view's generalised facts `summary` names (see summaryProblem), or null. */
  private async generalisedFactsProblem(
    summary: string,
    { profileId, municipalityId, languageIds }: SummaryFacts,
    manager: EntityManager,
  ): Promise<string | null> {
    const [facts] = (await manager.query(
      `SELECT coalesce((SELECT array_remove(ARRAY[m.label, c.label], NULL) FROM taxonomy_municipalities m
                          LEFT JOIN taxonomy_counties c ON c.concept_id = m.county_concept_id
                         WHERE m.concept_id = $1), '{}') AS places,
              coalesce((SELECT array_agg(l.label) FROM taxonomy_languages l
                         WHERE l.concept_id = ANY(coalesce($3::text[], (SELECT array_agg(pl.language_concept_id)
                                                   FROM profile_languages pl WHERE pl.profile_id = $2)))), '{}')
                AS languages`,
      [municipalityId, profileId, languageIds],
    )) as [GeneralisedFacts];
    return generalisedFactsInSummary(summary, facts);
  }

  /**
   * One person, one published profile: CONFLICT when another organisation has published a profile of the same
   * personnummer. Two would count as two people towards k in the employer view's anonymisation (a group of five
   * could be four people) and show employers the same person twice. Serialised per person with an advisory lock, so
   * that two organisations publishing at once cannot both pass.
   */
  private async assertOnlyPublishedProfile(participant: Participant, manager: EntityManager): Promise<void> {
    if (participant.personnummerHash === null) return;
    await advisoryXactLock(manager, `person:${participant.personnummerHash}`);
    const [other] = (await manager.query(
      `SELECT 1 FROM participants other JOIN competence_profiles cp ON cp.participant_id = other.id
        WHERE other.personnummer_hash = $1 AND other.id <> $2 AND other.erased_at IS NULL
          AND cp.status = $3 LIMIT 1`,
      [participant.personnummerHash, participant.id, ProfileStatus.PUBLISHED],
    )) as unknown[];
    if (other) {
      throw AppError.conflict(
        'The person already has a published competence profile, registered by another organisation',
        'participantId',
      );
    }
  }

  /**
   * Skills a kompetensbevis confirmed, added to the participant's profile where missing (verified is derived: see
   * VERIFIED_SKILLS_SQL), in the caller's transaction; the profile counts as changed either way, so that employers'
   * views and the search index show the verification. CONFLICT when the participant has no profile (erased). When
   * the missing ones would take the profile past PROFILE_SKILLS_MAX skills, none is added (the certificate still
   * names them; the coach makes room and adds them, and they show as verified then): the employer issuing it gets the
   * same answer either way, so it learns neither the size of the profile nor which skills are on it.
   */
  async addVerifiedSkills(
    participantId: string,
    skillConceptIds: string[],
    manager: EntityManager,
  ): Promise<void> {
    const [profile] = (await manager.query(
      'SELECT id FROM competence_profiles WHERE participant_id = $1 FOR UPDATE',
      [participantId],
    )) as Array<{ id: string }>;
    if (!profile) throw AppError.conflict('The participant has no competence profile any more (erased)');
    const [{ held, missing }] = (await manager.query(
      `SELECT (SELECT count(*)::int FROM profile_skills WHERE profile_id = $1) AS held,
              (SELECT count(*)::int FROM unnest($2::text[]) AS wanted(id)
                WHERE NOT EXISTS (SELECT 1 FROM profile_skills
                                   WHERE profile_id = $1 AND skill_concept_id = wanted.id)) AS missing`,
      [profile.id, [...new Set(skillConceptIds)]],
    )) as [{ held: number; missing: number }];
    if (held + missing <= PROFILE_SKILLS_MAX) {
      await manager.query(
        `INSERT INTO profile_skills (profile_id, skill_concept_id) SELECT $1, unnest($2::text[])
         ON CONFLICT DO NOTHING`,
        [profile.id, skillConceptIds],
      );
    }
    // Touched: the employer view's cache keys on it.
    await manager.update(CompetenceProfile, profile.id, { updatedAt: new Date() });
    await this.profileChanges.changed([profile.id], manager);
  }

  /**
   * A new pseudonym for the participant's profile, in the caller's transaction (a confirmation's): the employer now
   * introduced to the person may have seen them under the old one, or pick it out as the one that disappears from its
   * own view (ProfilesKnownToEmployers), so the old one must lead nowhere. The search index drops the old document
   * (no longer shown) and writes the new one.
   */
  async renewPseudonym(participantId: string, manager: EntityManager): Promise<void> {
    const [old] = (await manager.query(
      'SELECT public_id FROM competence_profiles WHERE participant_id = $1',
      [participantId],
    )) as Array<{ public_id: string }>;
    if (!old) return;
    // The old document goes by its own sync: one being written when the pseudonym changed would outlive a comparison.
    await this.profileSearch.recordSyncs([old.public_id], manager);
    await manager.update(
      CompetenceProfile,
      { participantId },
      { publicId: newPublicId(), updatedAt: new Date() },
    );
  }

  /** The coach view, with the labels of every concept fetched in one query per kind. */
  async toType(profiles: CompetenceProfile[]): Promise<CompetenceProfileType[]> {
    const ids = (pick: (p: CompetenceProfile) => Array<string | null>) =>
      profiles.flatMap(pick).filter((id): id is string => id !== null);
    const [occupations, skills, education, languages, licences, municipalities, verified] = await Promise.all(
      [
        this.taxonomy.concepts(
          TaxonomyKind.OCCUPATION,
          ids((p) => p.occupations.map((o) => o.occupationConceptId)),
        ),
        this.taxonomy.concepts(
          TaxonomyKind.SKILL,
          ids((p) => p.skills.map((s) => s.skillConceptId)),
        ),
        this.taxonomy.concepts(
          TaxonomyKind.EDUCATION_LEVEL,
          ids((p) => [p.educationLevelConceptId]),
        ),
        this.taxonomy.concepts(
          TaxonomyKind.LANGUAGE,
          ids((p) => p.languages.map((l) => l.languageConceptId)),
        ),
        this.taxonomy.concepts(
          TaxonomyKind.DRIVING_LICENCE,
          ids((p) => p.drivingLicenceConceptIds),
        ),
        this.taxonomy.concepts(
          TaxonomyKind.MUNICIPALITY,
          ids((p) => [p.homeMunicipalityConceptId]),
        ),
        verifiedSkillIds(
          this.dataSource.manager,
          profiles.map((p) => p.id),
        ),
      ],
    );
    return profiles.map((p) => ({
      participantId: p.participantId,
      publicId: p.publicId,
      status: p.status,
      occupations: p.occupations.map((o) => ({
        occupation: conceptFrom(occupations, o.occupationConceptId),
        yearsOfExperience: o.yearsOfExperience,
      })),
      skills: p.skills.map((s) => conceptFrom(skills, s.skillConceptId)),
      verifiedSkillIds: verified.get(p.id) ?? [],
      educationLevel: p.educationLevelConceptId ? conceptFrom(education, p.educationLevelConceptId) : null,
      swedishLevel: p.swedishLevel,
      languages: p.languages.map((l) => ({
        conceptId: l.languageConceptId,
        label: conceptFrom(languages, l.languageConceptId).label,
        level: l.level,
      })),
      drivingLicences: p.drivingLicenceConceptIds.map((id) => conceptFrom(licences, id)),
      availability: { from: p.availableFrom, hoursPerWeek: p.hoursPerWeek, freeWeekdays: p.freeWeekdays },
      homeMunicipality: p.homeMunicipalityConceptId
        ? conceptFrom(municipalities, p.homeMunicipalityConceptId)
        : null,
      travelReach: p.travelReach,
      wantedKinds: p.wantedKinds,
      interests: p.interests,
      summary: p.summary,
      establishmentPeriodEndsOn: p.establishmentPeriodEndsOn,
      priorityGroups: {
        woman: p.priorityWoman,
        shortEducation: p.priorityShortEducation,
        disability: p.priorityDisability,
        longTermFinancialAssistance: p.priorityLongTermAssistance,
      },
      coachNotes: p.coachNotes,
      publishedAt: p.publishedAt,
      updatedAt: p.updatedAt,
    }));
  }

  /** Profiles of several participants (for lists), with their child rows. */
  profilesOf(participantIds: string[]): Promise<CompetenceProfile[]> {
    if (participantIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(CompetenceProfile).find({
      where: participantIds.map((participantId) => ({ participantId })),
      relations: { occupations: true, skills: true, languages: true },
    });
  }

  private async profileOf(participantId: string, manager?: EntityManager): Promise<CompetenceProfile> {
    const profile = await this.access.profileOf(participantId, manager);
    if (!profile) throw AppError.notFound('Competence profile');
    return profile;
  }

  private missingToPublish(profile: CompetenceProfile): string[] {
    const missing = NEEDED_TO_PUBLISH.filter(([key]) => profile[key] === null).map(([, field]) => field);
    if (profile.wantedKinds.length === 0) missing.push('wantedKinds');
    return missing;
  }

  /** What is wrong with the input by itself (the summary aside: `summaryProblem`). */
  private inputProblems(input: UpdateCompetenceProfileInput): FieldProblem[] {
    const problems: FieldProblem[] = [];
    const duplicates = (values: string[] | undefined) => values && new Set(values).size !== values.length;
    if (duplicates(input.occupations?.map((o) => o.occupationConceptId))) {
      problems.push({ field: 'input.occupations', message: 'lists an occupation twice' });
    }
    if (duplicates(input.languages?.map((l) => l.languageConceptId))) {
      problems.push({ field: 'input.languages', message: 'lists a language twice' });
    }
    return problems;
  }
}

/** Replaces the profile's rows of one child table when the input gave them (undefined: left as they are). */
async function replaceRows<T extends ProfileOccupation | ProfileSkill | ProfileLanguage>(
  manager: EntityManager,
  table: new () => T,
  profileId: string,
  rows: QueryDeepPartialEntity<T>[] | undefined,
): Promise<void> {
  if (!rows) return;
  await manager.delete(table, { profileId });
  if (rows.length > 0) await manager.insert(table, rows);
}
