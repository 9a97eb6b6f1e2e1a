import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { OpeningType } from '#libs/openings';
import type { ScoreComponent, UnmetRequirement } from '../entities/match-proposal.entity.js';
import { ProposalOrigin, ProposalStatus, RejectionReason } from '../proposal-status.js';

@ObjectType('ScoreComponent', { description: 'One component of a match score: weight × fit = points.' })
export class ScoreComponentType implements ScoreComponent {
  @Field({ description: 'Stable name, as in MATCH_WEIGHTS: occupation, requiredSkills, …' })
  name!: string;

  @Field(() => Float)
  weight!: number;

  @Field(() => Float, { description: '0–1.' })
  fit!: number;

  @Field(() => Float)
  points!: number;

  @Field({ description: 'Why, in Swedish.' })
  sv!: string;

  @Field({ description: 'Why, in English.' })
  en!: string;
}

@ObjectType('UnmetRequirement')
export class UnmetRequirementType implements UnmetRequirement {
  @Field({ description: 'REQUIRED_SKILL, DRIVING_LICENCE, or a hard constraint (employer requests only).' })
  rule!: string;

  @Field()
  sv!: string;

  @Field()
  en!: string;
}

@ObjectType('Proposal', { description: 'A participant proposed for an opening, with the score and why.' })
export class ProposalType {
  @Field(() => ID)
  id!: string;

  @Field(() => OpeningType)
  opening!: OpeningType;

  @Field(() => ID)
  participantId!: string;

  @Field(() => ID, { description: "The participant's competence profile (coach view)." })
  profileId!: string;

  @Field(() => ProposalStatus)
  status!: ProposalStatus;

  @Field(() => ProposalOrigin)
  origin!: ProposalOrigin;

  @Field(() => Float, { description: '0–100.' })
  score!: number;

  @Field(() => Int, { nullable: true, description: "Place in the opening's ranking (1 = best)." })
  rank!: number | null;

  @Field(() => [ScoreComponentType])
  components!: ScoreComponentType[];

  @Field(() => [UnmetRequirementType])
  unmet!: UnmetRequirementType[];

  @Field()
  explanationSv!: string;

  @Field()
  explanationEn!: string;

  @Field()
  algorithmVersion!: string;

  @Field(() => String, { nullable: true, description: "EMPLOYER_REQUEST: the employer's message." })
  requestMessage!: string | null;

  @Field(() => RejectionReason, { nullable: true })
  rejectionReason!: RejectionReason | null;

  @Field(() => String, { nullable: true })
  rejectionNote!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'EXPIRED: why.' })
  expiryReason!: string | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

@ObjectType('OpeningSuggestion', {
  description: 'A published opening scored live for one participant (coach view), best first.',
})
export class OpeningSuggestionType {
  @Field(() => OpeningType)
  opening!: OpeningType;

  @Field(() => Float)
  score!: number;

  @Field(() => [ScoreComponentType])
  components!: ScoreComponentType[];

  @Field(() => [UnmetRequirementType])
  unmet!: UnmetRequirementType[];

  @Field()
  explanationSv!: string;

  @Field()
  explanationEn!: string;

  @Field()
  algorithmVersion!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The proposal of this participant for the opening, if any.',
  })
  proposalId!: string | null;

  @Field(() => ProposalStatus, { nullable: true })
  proposalStatus!: ProposalStatus | null;
}

@ObjectType('IntroductionRequest', {
  description: 'What the employer learns of its request: nothing about the person beyond the public id.',
})
export class IntroductionRequestType {
  @Field(() => ID)
  openingId!: string;

  @Field()
  publicId!: string;

  @Field()
  requestedAt!: Date;
}
