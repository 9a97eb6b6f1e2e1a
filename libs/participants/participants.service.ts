import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Role, type Principal } from '#libs/access-control';
import { AppError, isUniqueViolation } from '#libs/errors';
import { formatPersonnummer, parsePersonnummer } from '#libs/identity-numbers';
import { paginate, type Page } from '#libs/pagination';
import { PersonalDataAction, PersonalDataAuditLog, PersonalDataCipher } from '#libs/personal-data';
import { ConsentScope, hasConsent } from './consent-scope.js';
import { Gender } from './gender.js';
import type {
  CreateParticipantInput,
  ParticipantsArgs,
  UpdateParticipantInput,
} from './dtos/participant.inputs.js';
import type { ParticipantType } from './dtos/participant.type.js';
import { CompetenceProfile } from './entities/competence-profile.entity.js';
import { Participant } from './entities/participant.entity.js';
import { personalDataInSummary } from './anonymisation/summary-check.js';
import { ParticipantAccess } from './participant-access.js';
import { ParticipantErasure } from './participant-erasure.js';
import { ProfileChanges } from './profile-changes.js';
import { ProfileStatus } from './profile-status.js';
import { newPublicId } from './public-id.js';
import type { PersonalField } from './requested-personal-fields.js';
import { needsPlacementBeforeEstablishmentEndsSql } from './establishment-period.js';

const PERSONNUMMER_TAKEN = 'A participant with this personnummer is already registered in your organisation';

/** Participants' personal data: registered, changed, read (each read audit-logged), consented, erased. */
@Injectable()
export class ParticipantsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
    private readonly auditLog: PersonalDataAuditLog,
    private readonly access: ParticipantAccess,
    private readonly erasure: ParticipantErasure,
    private readonly profileChanges: ProfileChanges,
  ) {}

  /** Registers a participant of the caller's organisation, with an empty DRAFT competence profile. */
  async create(caller: Principal, input: CreateParticipantInput): Promise<Participant> {
    const personnummer = parsePersonnummer(input.personnummer);
    if (typeof personnummer === 'string') throw AppError.badInput('input.personnummer', personnummer);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const coachId = await this.responsibleCoach(caller, input.coachId ?? null, 'input.coachId', manager);
        const participant = await manager.save(
          manager.create(Participant, {
            organisationId: caller.organisationId,
            coachId,
            firstName: input.firstName,
            lastName: input.lastName,
            personnummerEncrypted: this.cipher.encrypt(personnummer.digits),
            personnummerHash: this.cipher.lookupHash(personnummer.digits),
            phoneEncrypted: this.cipher.encryptOptional(input.phone),
            emailEncrypted: this.cipher.encryptOptional(input.email),
            birthYear: personnummer.birthDate.year,
            gender: input.gender,
            consentScopes: [],
          }),
        );
        await manager.save(
          manager.create(CompetenceProfile, { participantId: participant.id, publicId: newPublicId() }),
        );
        await this.auditLog.record(
          caller,
          'mutation createParticipant',
          [
            this.entry(participant, PersonalDataAction.CREATE, [
              'firstName',
              'lastName',
              'personnummer',
              'phone',
              'email',
              'gender',
            ]),
          ],
          manager,
        );
        return participant;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_participants_organisation_personnummer')) {
        throw AppError.conflict(PERSONNUMMER_TAKEN, 'input.personnummer');
      }
      throw error;
    }
  }

  async update(caller: Principal, id: string, input: UpdateParticipantInput): Promise<Participant> {
    return this.dataSource.transaction(async (manager) => {
      const participant = await this.access.getManaged(caller, id, manager, true);
      const changed: string[] = [];
      if (input.firstName !== undefined) {
        participant.firstName = input.firstName;
        changed.push('firstName');
      }
      if (input.lastName !== undefined) {
        participant.lastName = input.lastName;
        changed.push('lastName');
      }
      if (input.phone !== undefined) {
        participant.phoneEncrypted = this.cipher.encryptOptional(input.phone);
        changed.push('phone');
      }
      if (input.email !== undefined) {
        participant.emailEncrypted = this.cipher.encryptOptional(input.email);
        changed.push('email');
      }
      if (input.gender !== undefined) {
        participant.gender = input.gender;
        changed.push('gender');
      }
      if (input.coachId !== undefined) {
        participant.coachId = await this.responsibleCoach(caller, input.coachId, 'input.coachId', manager);
      }
      if (input.firstName !== undefined || input.lastName !== undefined) {
        // The summary employers see must not name the person under the new name either.
        const profile = await this.access.profileOf(id, manager);
        if (
          profile &&
          personalDataInSummary(profile.summary, [participant.firstName ?? '', participant.lastName ?? ''])
        ) {
          const field = input.firstName !== undefined ? 'input.firstName' : 'input.lastName';
          throw AppError.badInput(
            field,
            "appears in the competence profile's summary; change the summary first",
          );
        }
      }
      const saved = await manager.save(participant);
      await this.auditLog.record(
        caller,
        'mutation updateParticipant',
        changed.length > 0 ? [this.entry(saved, PersonalDataAction.UPDATE, changed)] : [],
        manager,
      );
      return saved;
    });
  }

  get(caller: Principal, id: string): Promise<Participant> {
    return this.access.getManaged(caller, id);
  }

  /**
   * The caller's organisation's participants, newest registration first (erased ones are gone from this list).
   * Not sorted by name on purpose: a page cursor holds the sort key, and a name there would be an unlogged read.
   */
  list(caller: Principal, args: ParticipantsArgs): Promise<Page<Participant>> {
    const query = this.dataSource
      .getRepository(Participant)
      .createQueryBuilder('participant')
      .where('participant.organisation_id = :organisationId', { organisationId: caller.organisationId })
      .andWhere('participant.erased_at IS NULL');
    if (args.mine) query.andWhere('participant.coach_id = :coachId', { coachId: caller.userId });
    if (args.status || args.establishmentPeriodEnding)
      query.innerJoin(CompetenceProfile, 'profile', 'profile.participant_id = participant.id');
    if (args.status) query.andWhere('profile.status = :status', { status: args.status });
    if (args.establishmentPeriodEnding)
      query.andWhere(needsPlacementBeforeEstablishmentEndsSql('participant', 'profile'));
    return paginate(query, args, { column: 'participant.created_at', direction: 'DESC' });
  }

  /**
   * Finds a participant of the caller's organisation by personnummer, through the keyed hash. Not audit-logged: for
   * internal checks (the demo loader); the API goes through lookUpByPersonnummer.
   */
  async findByPersonnummer(caller: Principal, personnummer: string): Promise<Participant | null> {
    const parsed = parsePersonnummer(personnummer);
    if (typeof parsed === 'string') throw AppError.badInput('personnummer', parsed);
    return this.dataSource.getRepository(Participant).findOneBy({
      organisationId: caller.organisationId,
      personnummerHash: this.cipher.lookupHash(parsed.digits),
    });
  }

  /** `findByPersonnummer` for a person at the API: a match is a read of the personnummer, audit-logged. */
  async lookUpByPersonnummer(
    caller: Principal,
    personnummer: string,
    purpose: string,
  ): Promise<Participant | null> {
    const participant = await this.findByPersonnummer(caller, personnummer);
    if (participant) {
      await this.auditLog.record(caller, purpose, [
        this.entry(participant, PersonalDataAction.READ, ['personnummer']),
      ]);
    }
    return participant;
  }

  /**
   * The participants as the API shows them: personal fields decrypted only when asked for, and each such read
   * written to the audit log before anything is returned.
   */
  async reveal(
    caller: Principal,
    participants: Participant[],
    fields: Array<PersonalField | string>,
    purpose: string,
  ): Promise<ParticipantType[]> {
    await this.auditLog.record(
      caller,
      purpose,
      fields.length > 0
        ? participants.map((participant) => this.entry(participant, PersonalDataAction.READ, fields))
        : [],
    );
    const wanted = new Set<string>(fields);
    return participants.map((participant) => ({
      id: participant.id,
      organisationId: participant.organisationId,
      coachId: participant.coachId,
      firstName: wanted.has('firstName') ? participant.firstName : null,
      lastName: wanted.has('lastName') ? participant.lastName : null,
      personnummer:
        wanted.has('personnummer') && participant.personnummerEncrypted
          ? formatPersonnummer(this.cipher.decrypt(participant.personnummerEncrypted))
          : null,
      phone: wanted.has('phone') ? this.cipher.decryptOptional(participant.phoneEncrypted) : null,
      email: wanted.has('email') ? this.cipher.decryptOptional(participant.emailEncrypted) : null,
      birthYear: wanted.has('birthYear') ? participant.birthYear : null,
      gender: wanted.has('gender') ? participant.gender : null,
      consent: {
        active:
          hasConsent(participant, ConsentScope.ANONYMISED_PROFILE) ||
          hasConsent(participant, ConsentScope.INTRODUCTION),
        givenAt: participant.consentGivenAt,
        scopes: participant.consentScopes,
        withdrawnAt: participant.consentWithdrawnAt,
      },
      createdAt: participant.createdAt,
    }));
  }

  async recordConsent(caller: Principal, id: string, scopes: ConsentScope[]): Promise<Participant> {
    return this.dataSource.transaction(async (manager) => {
      const participant = await this.access.getManaged(caller, id, manager, true);
      participant.consentGivenAt = new Date();
      participant.consentScopes = scopes;
      participant.consentWithdrawnAt = null;
      const saved = await manager.save(participant);
      if (!scopes.includes(ConsentScope.ANONYMISED_PROFILE)) await this.unpublish(manager, id);
      return saved;
    });
  }

  /** Withdrawal takes effect at once: a published profile goes back to DRAFT in the same transaction. */
  async withdrawConsent(caller: Principal, id: string): Promise<Participant> {
    return this.dataSource.transaction(async (manager) => {
      const participant = await this.access.getManaged(caller, id, manager, true);
      if (participant.consentGivenAt === null || participant.consentWithdrawnAt !== null) {
        throw AppError.conflict('The participant has no consent to withdraw', 'participantId');
      }
      participant.consentWithdrawnAt = new Date();
      const saved = await manager.save(participant);
      await this.unpublish(manager, id);
      return saved;
    });
  }

  /**
   * GDPR erasure: deletes the competence profile and every personal column, keeping an anonymous tombstone
   * (organisation and dates) so that counts which point to it stay right. The audit log keeps ids only.
   */
  async erase(caller: Principal, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const participant = await this.access.getManaged(caller, id, manager, true);
      await this.erasure.run(id, manager);
      await this.profileChanges.changed(await this.profileIdsOf(manager, id), manager);
      await manager.delete(CompetenceProfile, { participantId: id });
      await manager.update(Participant, id, {
        firstName: null,
        lastName: null,
        personnummerEncrypted: null,
        personnummerHash: null,
        phoneEncrypted: null,
        emailEncrypted: null,
        birthYear: null,
        gender: Gender.NOT_STATED,
        coachId: null,
        consentScopes: [],
        erasedAt: new Date(),
      });
      await this.auditLog.record(
        caller,
        'mutation eraseParticipant',
        [
          this.entry(participant, PersonalDataAction.ERASE, [
            'firstName',
            'lastName',
            'personnummer',
            'phone',
            'email',
            'birthYear',
            'gender',
            'profile',
          ]),
        ],
        manager,
      );
    });
  }

  private async unpublish(manager: EntityManager, participantId: string): Promise<void> {
    const { affected } = await manager.update(
      CompetenceProfile,
      { participantId, status: ProfileStatus.PUBLISHED },
      { status: ProfileStatus.DRAFT, publishedAt: null },
    );
    if (affected) await this.profileChanges.changed(await this.profileIdsOf(manager, participantId), manager);
  }

  private async profileIdsOf(manager: EntityManager, participantId: string): Promise<string[]> {
    const profiles = await manager.find(CompetenceProfile, {
      select: { id: true },
      where: { participantId },
    });
    return profiles.map((profile) => profile.id);
  }

  /** The responsible coach must be an active coach of the caller's organisation; a coach defaults to themself. */
  private async responsibleCoach(
    caller: Principal,
    coachId: string | null,
    field: string,
    manager: EntityManager,
  ): Promise<string | null> {
    if (coachId === null) return caller.role === Role.COACH ? caller.userId : null;
    const [coach] = await manager.query(
      `SELECT 1 FROM users WHERE id = $1 AND organisation_id = $2 AND role = 'COACH' AND active`,
      [coachId, caller.organisationId],
    );
    if (!coach) throw AppError.badInput(field, 'must be an active coach of your organisation');
    return coachId;
  }

  private entry(participant: Participant, action: PersonalDataAction, fields: string[]) {
    return { participantId: participant.id, organisationId: participant.organisationId, action, fields };
  }
}
