import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import type { Principal } from '#libs/access-control';
import { Opening, OpeningViews, type OpeningType } from '#libs/openings';
import { ConsentScope, hasConsent, Participant } from '#libs/participants';
import { PersonalDataAction, PersonalDataAuditLog } from '#libs/personal-data';
import { User } from '#libs/users';
import type { EmployerPlacementType, PlacementType } from './dtos/placement.type.js';
import type { Placement } from './entities/placement.entity.js';
import { PlacementStatus } from './placement-status.js';

/**
 * The GraphQL views of placements. The employer's view carries the introduction: the confirming coach as contact
 * and, when the participant's consent covers INTRODUCTION at the time of the read, the first name — each name shown
 * written to the personal-data audit log (REVEAL) before it leaves.
 */
@Injectable()
export class PlacementViews {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly openings: OpeningViews,
    private readonly auditLog: PersonalDataAuditLog,
  ) {}

  async forCoaches(placements: Placement[]): Promise<PlacementType[]> {
    if (placements.length === 0) return [];
    const openings = await this.openingsOf(placements);
    return placements.map((placement) => ({
      ...this.common(placement, openings),
      participantId: placement.participantId,
      proposalId: placement.proposalId,
      confirmedBy: placement.confirmedBy,
      endReason: placement.endReason,
      endNote: placement.endNote,
    }));
  }

  /**
   * `withFirstName`: whether the query selects the first name; without it no participant is read and nothing is
   * logged.
   */
  async forEmployers(
    caller: Principal,
    placements: Placement[],
    withFirstName: boolean,
    purpose: string,
  ): Promise<EmployerPlacementType[]> {
    if (placements.length === 0) return [];
    const [openings, coaches, firstNames] = await Promise.all([
      this.openingsOf(placements),
      this.dataSource.manager.findBy(User, { id: In(unique(placements.map((p) => p.confirmedBy))) }),
      withFirstName
        ? this.revealFirstNames(caller, placements.filter(introducesPerson), purpose)
        : new Map<string, string>(),
    ]);
    const coachById = new Map(coaches.map((coach) => [coach.id, coach]));
    return placements.map((placement) => {
      const coach = coachById.get(placement.confirmedBy)!;
      return {
        ...this.common(placement, openings),
        introduction: {
          firstName: introducesPerson(placement) ? (firstNames.get(placement.participantId) ?? null) : null,
          contact: { name: coach.fullName, email: coach.email },
        },
      };
    });
  }

  /** The first names the employer may see, by participant id, audit-logged as REVEAL before they are returned. */
  private async revealFirstNames(
    caller: Principal,
    placements: Placement[],
    purpose: string,
  ): Promise<Map<string, string>> {
    if (placements.length === 0) return new Map();
    const participants = await this.dataSource.manager.findBy(Participant, {
      id: In(unique(placements.map((placement) => placement.participantId))),
    });
    const introduced = participants.filter(
      (participant) =>
        participant.erasedAt === null &&
        participant.firstName !== null &&
        hasConsent(participant, ConsentScope.INTRODUCTION),
    );
    await this.auditLog.record(
      caller,
      purpose,
      introduced.map((participant) => ({
        participantId: participant.id,
        organisationId: participant.organisationId,
        action: PersonalDataAction.REVEAL,
        fields: ['firstName'],
      })),
    );
    return new Map(introduced.map((participant) => [participant.id, participant.firstName!]));
  }

  private common(placement: Placement, openings: Map<string, OpeningType>) {
    return {
      id: placement.id,
      status: placement.status,
      kind: placement.kind,
      startDate: placement.startDate,
      endDate: placement.endDate,
      opening: openings.get(placement.openingId)!,
      confirmedAt: placement.confirmedAt,
    };
  }

  private async openingsOf(placements: Placement[]): Promise<Map<string, OpeningType>> {
    const openings = await this.dataSource.manager.findBy(Opening, {
      id: In(unique(placements.map((placement) => placement.openingId))),
    });
    const views = await this.openings.describe(openings);
    return new Map(views.map((view) => [view.id, view]));
  }
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

/** Whether the placement still introduces the person: not once cancelled (a wrong person confirmed, say). */
function introducesPerson(placement: Placement): boolean {
  return placement.status !== PlacementStatus.CANCELLED;
}
