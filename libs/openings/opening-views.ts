import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { Organisation, OrganisationType } from '#libs/organisations';
import {
  conceptFrom,
  TaxonomyKind,
  TaxonomyService,
  type MunicipalityInfo,
  type TaxonomyConceptType,
} from '#libs/taxonomy';
import { TracksService } from '#libs/tracks';
import type { OpeningType } from './dtos/opening.type.js';
import type { Opening } from './entities/opening.entity.js';

/**
 * Builds the GraphQL view of openings with the labels of every concept, the organisation and the track intake.
 * A whole page takes a fixed number of queries (one per kind of thing), however many openings it holds.
 */
@Injectable()
export class OpeningViews {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyService,
    private readonly tracks: TracksService,
  ) {}

  async describe(
    openings: Opening[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<OpeningType[]> {
    if (openings.length === 0) return [];
    type ConceptKey = {
      [K in keyof Opening]: Opening[K] extends string | string[] | null ? K : never;
    }[keyof Opening];
    const all = (key: ConceptKey): string[] => openings.flatMap((opening) => opening[key] ?? []);
    const [occupations, skills, languages, licences, municipalities, organisations, intakes] =
      await Promise.all([
        this.taxonomy.concepts(TaxonomyKind.OCCUPATION, all('occupationConceptId'), manager),
        this.taxonomy.concepts(
          TaxonomyKind.SKILL,
          [...all('requiredSkillConceptIds'), ...all('niceToHaveSkillConceptIds')],
          manager,
        ),
        this.taxonomy.concepts(TaxonomyKind.LANGUAGE, all('usefulLanguageConceptIds'), manager),
        this.taxonomy.concepts(
          TaxonomyKind.DRIVING_LICENCE,
          all('requiredDrivingLicenceConceptIds'),
          manager,
        ),
        this.taxonomy.municipalities(all('municipalityConceptId'), manager),
        manager.findBy(Organisation, { id: In([...new Set(all('organisationId'))]) }),
        this.tracks.intakeSummaries(all('trackIntakeId'), manager),
      ]);
    const organisationById = new Map(organisations.map((organisation) => [organisation.id, organisation]));
    return openings.map((opening) => ({
      id: opening.id,
      organisation: OrganisationType.from(organisationById.get(opening.organisationId)!),
      kind: opening.kind,
      status: opening.status,
      title: opening.title,
      occupation: conceptFrom(occupations, opening.occupationConceptId),
      requiredSkills: opening.requiredSkillConceptIds.map((id) => conceptFrom(skills, id)),
      niceToHaveSkills: opening.niceToHaveSkillConceptIds.map((id) => conceptFrom(skills, id)),
      minimumSwedishLevel: opening.minimumSwedishLevel,
      usefulLanguages: opening.usefulLanguageConceptIds.map((id) => conceptFrom(languages, id)),
      requiredDrivingLicences: opening.requiredDrivingLicenceConceptIds.map((id) =>
        conceptFrom(licences, id),
      ),
      ...municipalityAndCounty(
        municipalities.get(opening.municipalityConceptId),
        opening.municipalityConceptId,
      ),
      weekdays: opening.weekdays,
      hoursPerWeek: opening.hoursPerWeek,
      startDate: opening.startDate,
      endDate: opening.endDate,
      places: opening.places,
      placesTaken: opening.placesTaken,
      placesLeft: opening.places - opening.placesTaken,
      supervisorName: opening.supervisorName,
      languageSupport: opening.languageSupport,
      disabilityAdaptations: opening.disabilityAdaptations,
      requirementSpecification: opening.requirementSpecification,
      contactName: opening.contactName,
      contactEmail: opening.contactEmail,
      contactPhone: opening.contactPhone,
      collectiveAgreementConfirmed: opening.collectiveAgreementConfirmed,
      trackIntake: opening.trackIntakeId ? (intakes.get(opening.trackIntakeId) ?? null) : null,
      publishedAt: opening.publishedAt,
      createdAt: opening.createdAt,
      updatedAt: opening.updatedAt,
    }));
  }
}

/**
 * The municipality and its county as concepts; a municipality the taxonomy lacks shows as its id, like any concept
 * (see `conceptFrom`), and so does its unknown county.
 */
function municipalityAndCounty(
  municipality: MunicipalityInfo | undefined,
  conceptId: string,
): { municipality: TaxonomyConceptType; county: TaxonomyConceptType } {
  if (!municipality) {
    const unknown = conceptFrom(new Map(), conceptId);
    return { municipality: unknown, county: unknown };
  }
  const { county } = municipality;
  return {
    municipality: {
      conceptId: municipality.conceptId,
      label: municipality.label,
      code: municipality.municipalityCode,
      countyLabel: county.label,
    },
    county: { conceptId: county.conceptId, label: county.label, code: county.countyCode },
  };
}
