import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentUser, Role, type Principal } from '#libs/access-control';
import { Download } from '#libs/downloads';
import { IdArg } from '#libs/validation';
import { CompetenceCertificatesService } from './competence-certificates.service.js';
import { IssueCompetenceCertificateInput } from './dtos/competence-certificate.inputs.js';
import { CompetenceCertificateType } from './dtos/competence-certificate.type.js';

@Resolver()
export class CompetenceCertificatesResolver {
  constructor(private readonly service: CompetenceCertificatesService) {}

  @Mutation(() => CompetenceCertificateType, {
    description:
      "Kompetensbevis: the skills the person showed in a COMPLETED placement in one of your organisation's " +
      'openings (CONFLICT before). They are added to the competence profile as verified; confirming again corrects ' +
      'the list.',
  })
  @Allow(Role.EMPLOYER)
  issueCompetenceCertificate(
    @Args('input') input: IssueCompetenceCertificateInput,
    @CurrentUser() caller: Principal,
  ): Promise<CompetenceCertificateType> {
    return this.service.issue(caller, input);
  }

  @Query(() => CompetenceCertificateType, {
    nullable: true,
    description:
      "The kompetensbevis of a placement you follow up (your organisation's participant, or in your organisation's " +
      'opening); null until the employer has confirmed the skills.',
  })
  @Allow(Role.ADMIN, Role.COACH, Role.EMPLOYER)
  competenceCertificate(
    @IdArg('placementId') placementId: string,
    @CurrentUser() caller: Principal,
  ): Promise<CompetenceCertificateType | null> {
    return this.service.find(caller, placementId);
  }

  @Query(() => Download, {
    description:
      "The kompetensbevis of your organisation's participant as a print-ready page in Swedish (HTML, A4) with the " +
      'name, the placement, the period and the confirmed skills. Reading it is audit-logged.',
  })
  @Allow(Role.ADMIN, Role.COACH)
  competenceCertificateDocument(
    @IdArg('placementId') placementId: string,
    @CurrentUser() caller: Principal,
  ): Promise<Download> {
    return this.service.document(caller, placementId);
  }
}
