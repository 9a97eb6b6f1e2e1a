import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { normaliseOrganisationNumber, organisationNumberProblem } from '#libs/identity-numbers';
import { PageArgs } from '#libs/pagination';
import { Absent, Satisfies, Trim } from '#libs/validation';
import { municipalityCodeProblem } from '../municipality-code.js';
import { OrganisationKind } from '../organisation-kind.js';

@InputType()
export class CreateOrganisationInput {
  @Field(() => OrganisationKind)
  @IsEnum(OrganisationKind)
  kind!: OrganisationKind;

  @Field()
  @Trim()
  @IsString()
  @Length(2, 200)
  name!: string;

  @Field({ description: 'Swedish organisationsnummer; 5560360793 and 556036-0793 are both accepted.' })
  @Transform(({ value }) => (typeof value === 'string' ? normaliseOrganisationNumber(value) : value))
  @Satisfies(organisationNumberProblem)
  organisationNumber!: string;

  @Field({ description: 'Kommunkod of the home municipality, 4 digits.' })
  @Trim()
  @Satisfies(municipalityCodeProblem)
  municipalityCode!: string;
}

/** Fields left out stay as they are. The organisationsnummer identifies the organisation and does not change. */
@InputType()
export class UpdateOrganisationInput {
  @Field(() => OrganisationKind, { nullable: true })
  @Absent()
  @IsEnum(OrganisationKind)
  kind?: OrganisationKind;

  @Field({ nullable: true })
  @Absent()
  @Trim()
  @IsString()
  @Length(2, 200)
  name?: string;

  @Field({ nullable: true })
  @Absent()
  @Trim()
  @Satisfies(municipalityCodeProblem)
  municipalityCode?: string;
}

@ArgsType()
export class OrganisationsArgs extends PageArgs {
  @Field(() => OrganisationKind, { nullable: true })
  @IsOptional()
  @IsEnum(OrganisationKind)
  kind?: OrganisationKind;
}

@ArgsType()
export class SearchOrganisationsArgs {
  @Field({ description: 'Free text, typo tolerant: name or organisationsnummer.' })
  @Trim()
  @IsString()
  @Length(1, 100)
  query!: string;

  @Field(() => OrganisationKind, { nullable: true })
  @IsOptional()
  @IsEnum(OrganisationKind)
  kind?: OrganisationKind;

  @Field(() => Int, { defaultValue: 10 })
  @IsInt()
  @Min(1)
  @Max(50)
  first: number = 10;
}
