import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { Organisation, OrganisationsService } from '#libs/organisations';
import { User, UsersService } from '#libs/users';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_USERS } from './demo-organisations.js';

export interface DemoDataReport {
  organisationsCreated: number;
  usersCreated: number;
}

/**
 * Loads the demo data through the same services as the API, so that the outbox, the search index and the jobs
 * see it like real data. Idempotent: what exists already is left alone.
 */
@Injectable()
export class DemoDataService {
  private readonly logger = new Logger(DemoDataService.name);

  constructor(
    private readonly organisationsService: OrganisationsService,
    private readonly usersService: UsersService,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  async load(): Promise<DemoDataReport> {
    const report: DemoDataReport = { organisationsCreated: 0, usersCreated: 0 };
    const idByKey = new Map<string, string>();
    for (const { key, ...input } of DEMO_ORGANISATIONS) {
      let organisation = await this.organisations.findOneBy({ organisationNumber: input.organisationNumber });
      if (!organisation) {
        organisation = await this.organisationsService.create(input);
        report.organisationsCreated++;
      }
      idByKey.set(key, organisation.id);
    }
    for (const { organisation, ...user } of DEMO_USERS) {
      if (await this.users.existsBy({ email: user.email })) continue;
      await this.usersService.create({
        ...user,
        organisationId: idByKey.get(organisation)!,
        password: DEMO_PASSWORD,
      });
      report.usersCreated++;
    }
    this.logger.log({ message: 'Demo data loaded', ...report });
    return report;
  }
}
