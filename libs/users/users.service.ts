import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import { Role, type Principal } from '#libs/access-control';
import { AppError, isUniqueViolation } from '#libs/errors';
import { Organisation, OrganisationKind } from '#libs/organisations';
import { Outbox, enqueueJob } from '#libs/outbox';
import { paginate, type Page } from '#libs/pagination';
import { JobName } from '#libs/queue';
import type { ChangePasswordInput, CreateUserInput, UsersArgs } from './dtos/user.inputs.js';
import { PasswordHasher } from './password-hasher.js';
import { User } from './user.entity.js';

/** Coaches and admins work in the municipality's labour-market unit; employer-side users belong to any kind. */
const ORGANISATION_KINDS_OF_ROLE: Record<Role, OrganisationKind[]> = {
  [Role.ADMIN]: [OrganisationKind.MUNICIPALITY],
  [Role.COACH]: [OrganisationKind.MUNICIPALITY],
  [Role.EMPLOYER]: Object.values(OrganisationKind),
};

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly passwords: PasswordHasher,
    private readonly outbox: Outbox,
  ) {}

  /**
   * A new account. `caller` is the admin creating it (null: the system, loading the demo data): see
   * `assertMayManage`.
   */
  async create(caller: Principal | null, input: CreateUserInput): Promise<User> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        // Locked: a change of its kind, or another admin's first account in it, waits for this one, and this for them.
        const organisation = await manager.findOne(Organisation, {
          where: { id: input.organisationId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!organisation) throw AppError.badInput('input.organisationId', 'no organisation has this id');
        if (!ORGANISATION_KINDS_OF_ROLE[input.role].includes(organisation.kind)) {
          throw AppError.badInput(
            'input.role',
            `a ${input.role} user cannot belong to a ${organisation.kind} organisation`,
          );
        }
        if (caller) await this.assertMayManage(caller, organisation, input.role, 'create', manager);
        // Hashed once the account may be made: a refused request costs no argon2 work.
        const created = await manager.save(
          manager.create(User, {
            email: input.email,
            fullName: input.fullName,
            role: input.role,
            organisationId: organisation.id,
            passwordHash: await this.passwords.hash(input.password),
          }),
        );
        await this.outbox.record(manager, [
          enqueueJob({ name: JobName.WelcomeUser, payload: { userId: created.id } }),
        ]);
        return Object.assign(created, { organisation });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_users_email')) {
        throw AppError.conflict('A user with this email address already exists', 'input.email');
      }
      throw error;
    }
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findOne({ where: { id }, relations: { organisation: true } });
    if (!user) throw AppError.notFound('User');
    return user;
  }

  /**
   * A user the caller may see: admins their own organisation's users and those of employer organisations (whose
   * accounts they may manage), never another municipality's staff (FORBIDDEN).
   */
  async getFor(caller: Principal, id: string): Promise<User> {
    const user = await this.get(id);
    assertSeesUsersOf(caller, user.organisation);
    return user;
  }

  /**
   * Admins list their own organisation's users and those of employer organisations, never another municipality's
   * staff; coaches their own organisation's users.
   */
  async list(caller: Principal, args: UsersArgs): Promise<Page<User>> {
    let organisationId = args.organisationId;
    if (caller.role !== Role.ADMIN) {
      if (organisationId && organisationId !== caller.organisationId) throw AppError.forbidden();
      organisationId = caller.organisationId;
    } else if (organisationId) {
      const organisation = await this.dataSource.manager.findOneBy(Organisation, { id: organisationId });
      if (organisation) assertSeesUsersOf(caller, organisation);
    }
    const query = this.users
      .createQueryBuilder('user')
      .innerJoinAndSelect('user.organisation', 'organisation');
    if (organisationId) query.andWhere('user.organisation_id = :organisationId', { organisationId });
    else
      query.andWhere('(user.organisation_id = :own OR organisation.kind <> :municipality)', {
        own: caller.organisationId,
        municipality: OrganisationKind.MUNICIPALITY,
      });
    if (args.role) query.andWhere('user.role = :role', { role: args.role });
    return paginate(query, args, { column: 'user.email', direction: 'ASC' });
  }

  async deactivate(caller: Principal, id: string): Promise<User> {
    if (caller.userId === id) throw AppError.forbidden('You cannot deactivate your own account');
    const user = await this.get(id);
    await this.assertMayManage(caller, user.organisation, user.role, 'deactivate');
    user.active = false;
    return this.users.save(user);
  }

  /**
   * An admin manages the accounts of their own organisation, and of another one only its EMPLOYER accounts when it
   * is an employer organisation (a company, association, region or agency the municipality brings in), or — to
   * create — its first account (a new organisation's own admin, say). So an admin of one municipality never gets an
   * account into another municipality, whose coaches see its participants' personal data.
   */
  private async assertMayManage(
    caller: Principal,
    organisation: Organisation,
    role: Role,
    action: 'create' | 'deactivate',
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    if (organisation.id === caller.organisationId) return;
    if (role === Role.EMPLOYER && organisation.kind !== OrganisationKind.MUNICIPALITY) return;
    if (action === 'create' && !(await manager.existsBy(User, { organisationId: organisation.id }))) return;
    throw AppError.forbidden(
      action === 'create'
        ? `Only its own admins add ${role} accounts to ${organisation.name}`
        : `Only its own admins deactivate ${role} accounts of ${organisation.name}`,
    );
  }

  /**
   * The caller's new password, given the current one (AuthService.changePassword checks that it differs and counts
   * the attempt first). Every token issued before stops working, this caller's too.
   */
  async changePassword(caller: Principal, input: ChangePasswordInput): Promise<void> {
    const user = await this.users.findOneByOrFail({ id: caller.userId });
    if (!(await this.passwords.verify(user.passwordHash, input.currentPassword))) {
      throw AppError.badInput('input.currentPassword', 'is not your current password');
    }
    await this.users.update(
      { id: user.id },
      // Raised in SQL: two changes at once each raise it, so no token issued between them survives.
      { passwordHash: await this.passwords.hash(input.newPassword), tokenVersion: () => 'token_version + 1' },
    );
  }

  /** For login: the account behind an email address, active or not, with its password hash. */
  findByEmail(email: string): Promise<User | null> {
    return this.users.findOne({ where: { email }, relations: { organisation: true } });
  }

  /** Whether the account exists and may log in. */
  async isActive(id: string): Promise<boolean> {
    return this.users.existsBy({ id, active: true });
  }

  /**
   * For the auth guard: the caller as a principal, or null when the account is gone or deactivated, or the token
   * carries an older token version (issued before a password change). Asked on every request, so in plain SQL:
   * building it with the query builder cost more than running it.
   */
  async findActivePrincipal(id: string, tokenVersion: number): Promise<Principal | null> {
    const [user] = (await this.users.query(
      'SELECT id, role, organisation_id FROM users WHERE id = $1 AND active AND token_version = $2',
      [id, tokenVersion],
    )) as Array<{ id: string; role: Role; organisation_id: string }>;
    return user ? { userId: user.id, role: user.role, organisationId: user.organisation_id } : null;
  }

  async recordLogin(id: string): Promise<void> {
    await this.users.update({ id }, { lastLoginAt: new Date() });
  }
}

/** FORBIDDEN unless `caller` may see the users of `organisation`: its own, or an employer organisation's. */
function assertSeesUsersOf(caller: Principal, organisation: Organisation): void {
  if (organisation.id !== caller.organisationId && organisation.kind === OrganisationKind.MUNICIPALITY)
    throw AppError.forbidden("Another municipality's users are its own admins' to see");
}
