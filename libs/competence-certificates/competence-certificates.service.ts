import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '#libs/access-control';
import type { Download } from '#libs/downloads';
import { AppError } from '#libs/errors';
import { FollowedPlacements } from '#libs/follow-ups';
import { NotificationKind, NotificationsService } from '#libs/notifications';
import { CompetenceProfilesService, ParticipantAccess, ParticipantErasure } from '#libs/participants';
import { PersonalDataAction, PersonalDataAuditLog } from '#libs/personal-data';
import { conceptFrom, TaxonomyKind, TaxonomyService } from '#libs/taxonomy';
import type { PlacementKind } from '#libs/vocabulary';
import { certificateHtml } from './certificate-document.js';
import type { IssueCompetenceCertificateInput } from './dtos/competence-certificate.inputs.js';
import type { CompetenceCertificateType } from './dtos/competence-certificate.type.js';
import { CompetenceCertificateSkill } from './entities/competence-certificate-skill.entity.js';
import { CompetenceCertificate } from './entities/competence-certificate.entity.js';

/** What the printed certificate reads of the placement, its opening, both organisations and the person. */
interface PrintedPlacement {
  kind: PlacementKind;
  start_date: string;
  end_date: string;
  title: string;
  hours_per_week: number | null;
  supervisor_name: string | null;
  employer_name: string;
  coach_organisation_name: string;
  participant_id: string;
  organisation_id: string;
  first_name: string | null;
  last_name: string | null;
}

const SWEDISH = new Intl.Collator('sv');

/**
 * Kompetensbevis. When a placement has COMPLETED, the employer's users confirm which skills the person showed; those
 * skills are added to the person's competence profile, where employers see them marked as verified, and the coaches of
 * the person's organisation print the certificate (Swedish, print-ready HTML) with the person's name on it.
 */
@Injectable()
export class CompetenceCertificatesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly placements: FollowedPlacements,
    private readonly profiles: CompetenceProfilesService,
    private readonly taxonomy: TaxonomyService,
    private readonly access: ParticipantAccess,
    private readonly notifications: NotificationsService,
    private readonly auditLog: PersonalDataAuditLog,
    private readonly erasure: ParticipantErasure,
  ) {}

  onModuleInit(): void {
    // The certificate is about the person: it goes with them (the placement stays, as an anonymous count).
    this.erasure.register('competence-certificates', (participantId, manager) =>
      manager.query(
        `DELETE FROM competence_certificates c USING placements p
          WHERE p.id = c.placement_id AND p.participant_id = $1`,
        [participantId],
      ),
    );
  }

  /**
   * The employer confirms the skills shown in a COMPLETED placement of one of their organisation's openings; doing it
   * again corrects the list. Locks in the order of placement changes and erasure: participant, placement, profile.
   */
  async issue(caller: Principal, input: IssueCompetenceCertificateInput): Promise<CompetenceCertificateType> {
    const { participant_id } = await this.placements.forEmployer(caller, input.placementId);
    const issuedAt = new Date();
    await this.dataSource.transaction(async (manager) => {
      const [participant] = (await manager.query(
        'SELECT erased_at FROM participants WHERE id = $1 FOR SHARE',
        [participant_id],
      )) as Array<{ erased_at: Date | null }>;
      const placement = await this.placements.forEmployer(caller, input.placementId, manager);
      await this.taxonomy.assertKnown(
        [{ kind: TaxonomyKind.SKILL, field: 'input.skillConceptIds', ids: input.skillConceptIds }],
        manager,
      );
      if (placement.status !== 'COMPLETED') {
        throw AppError.conflict(
          `The placement is ${placement.status}: skills are confirmed once it has COMPLETED`,
          'input.placementId',
        );
      }
      if (participant!.erased_at !== null)
        throw AppError.conflict('The person was erased: there is no one to certify', 'input.placementId');
      await manager.upsert(
        CompetenceCertificate,
        { placementId: input.placementId, issuedBy: caller.userId, issuedAt },
        ['placementId'],
      );
      await manager.delete(CompetenceCertificateSkill, { placementId: input.placementId });
      await manager.insert(
        CompetenceCertificateSkill,
        input.skillConceptIds.map((skillConceptId) => ({ placementId: input.placementId, skillConceptId })),
      );
      await this.profiles.addVerifiedSkills(placement.participant_id, input.skillConceptIds, manager);
      // Once per placement: a correction is the same cause.
      await this.notifications.notify(
        manager,
        await this.access.responsibleCoaches(placement.participant_id, manager),
        NotificationKind.COMPETENCE_CERTIFICATE_ISSUED,
        input.placementId,
        { placementId: input.placementId },
      );
    });
    return this.describe({
      placementId: input.placementId,
      issuedAt,
      skills: input.skillConceptIds.map((skillConceptId) => ({ skillConceptId })),
    });
  }

  /** The certificate of a placement the caller follows up (coach or admin of the person, or the employer); or null. */
  async find(caller: Principal, placementId: string): Promise<CompetenceCertificateType | null> {
    await this.placements.forCaller(caller, placementId);
    const certificate = await this.load(placementId);
    return certificate ? this.describe(certificate) : null;
  }

  /**
   * The printable kompetensbevis, for coaches and admins of the person's organisation: it carries the person's name,
   * so the read is audit-logged before it leaves. NOT_FOUND until the employer has confirmed the skills.
   */
  async document(caller: Principal, placementId: string): Promise<Download> {
    await this.placements.forCoach(caller, placementId);
    const certificate = await this.load(placementId);
    if (!certificate) throw AppError.notFound('Competence certificate');
    const [placement] = (await this.dataSource.query(
      `SELECT pl.kind, pl.start_date::text, pl.end_date::text, o.title, o.hours_per_week, o.supervisor_name,
              e.name AS employer_name, c.name AS coach_organisation_name,
              pt.id AS participant_id, pt.organisation_id, pt.first_name, pt.last_name
         FROM placements pl
         JOIN openings o ON o.id = pl.opening_id
         JOIN organisations e ON e.id = pl.employer_organisation_id
         JOIN organisations c ON c.id = pl.coach_organisation_id
         JOIN participants pt ON pt.id = pl.participant_id
        WHERE pl.id = $1`,
      [placementId],
    )) as PrintedPlacement[];
    const personName = [placement!.first_name, placement!.last_name].filter(Boolean).join(' ');
    if (!personName)
      throw AppError.conflict('The participant has no name recorded: add it before printing', 'placementId');
    const [coach] = (await this.dataSource.query('SELECT full_name FROM users WHERE id = $1', [
      caller.userId,
    ])) as Array<{ full_name: string }>;
    const view = await this.describe(certificate);
    await this.auditLog.record(caller, 'query competenceCertificateDocument', [
      {
        participantId: placement!.participant_id,
        organisationId: placement!.organisation_id,
        action: PersonalDataAction.READ,
        fields: ['firstName', 'lastName'],
      },
    ]);
    return {
      // No name in it: file names end up in download folders, mail subjects and logs.
      fileName: `kompetensbevis-${placementId.slice(0, 8)}-${placement!.end_date}.html`,
      contentType: 'text/html; charset=utf-8',
      content: certificateHtml({
        personName,
        kind: placement!.kind,
        openingTitle: placement!.title,
        employerName: placement!.employer_name,
        startDate: placement!.start_date,
        endDate: placement!.end_date,
        hoursPerWeek: placement!.hours_per_week,
        supervisorName: placement!.supervisor_name,
        skills: view.skills.map((skill) => skill.label),
        issuedAt: view.issuedAt,
        coachName: coach!.full_name,
        coachOrganisationName: placement!.coach_organisation_name,
      }),
    };
  }

  private load(
    placementId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CompetenceCertificate | null> {
    return manager.findOne(CompetenceCertificate, { where: { placementId }, relations: { skills: true } });
  }

  /** The certificate with its skills' labels, by label. */
  private async describe(certificate: {
    placementId: string;
    issuedAt: Date;
    skills: Array<{ skillConceptId: string }>;
  }): Promise<CompetenceCertificateType> {
    const ids = certificate.skills.map((skill) => skill.skillConceptId);
    const labels = await this.taxonomy.concepts(TaxonomyKind.SKILL, ids);
    return {
      placementId: certificate.placementId,
      skills: ids.map((id) => conceptFrom(labels, id)).sort((a, b) => SWEDISH.compare(a.label, b.label)),
      issuedAt: certificate.issuedAt,
    };
  }
}
