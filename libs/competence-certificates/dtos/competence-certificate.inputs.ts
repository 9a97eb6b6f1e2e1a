import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsString, IsUUID } from 'class-validator';

/** Skills one kompetensbevis confirms at most (a profile holds up to PROFILE_SKILLS_MAX in all). */
export const CERTIFICATE_SKILLS_MAX = 50;

@InputType()
export class IssueCompetenceCertificateInput {
  @Field(() => ID, { description: "A COMPLETED placement in one of your organisation's openings." })
  @IsUUID('all', { message: 'is not a valid id' })
  placementId!: string;

  @Field(() => [String], {
    description:
      `The skills (taxonomy concept ids) the person showed: 1 to ${CERTIFICATE_SKILLS_MAX}, each once. ` +
      'They are added to the competence profile, marked as verified.',
  })
  @ArrayMinSize(1, { message: 'must name at least one skill the person showed' })
  @ArrayMaxSize(CERTIFICATE_SKILLS_MAX)
  @ArrayUnique({ message: 'lists a skill twice' })
  @IsString({ each: true })
  skillConceptIds!: string[];
}
