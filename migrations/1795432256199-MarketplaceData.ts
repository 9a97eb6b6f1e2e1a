import { MigrationInterface, QueryRunner } from 'typeorm';

export class MarketplaceData1795432256199 implements MigrationInterface {
  name = 'MarketplaceData1795432256199';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "taxonomy_counties" (
                "concept_id" text NOT NULL,
                "county_code" text NOT NULL,
                "label" text NOT NULL,
                "nuts3_code" text,
                CONSTRAINT "ck_taxonomy_counties_county_code" CHECK (county_code ~ '^[0-9]{2}$'),
                CONSTRAINT "PK_3f41045ed6ce91660cbaf7f49b3" PRIMARY KEY ("concept_id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_taxonomy_counties_county_code" ON "taxonomy_counties" ("county_code")
        `);
    await queryRunner.query(`
            CREATE TABLE "taxonomy_education_levels" (
                "concept_id" text NOT NULL,
                "sun_code" text NOT NULL,
                "label" text NOT NULL,
                "level" smallint NOT NULL,
                "parent_sun_code" text,
                CONSTRAINT "ck_taxonomy_education_levels_level" CHECK (
                    level BETWEEN 1 AND 3
                ),
                CONSTRAINT "PK_23096cdde7b34002784931aee0c" PRIMARY KEY ("concept_id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_taxonomy_education_levels_sun_code" ON "taxonomy_education_levels" ("sun_code")
        `);
    await queryRunner.query(`
            CREATE TABLE "taxonomy_languages" (
                "concept_id" text NOT NULL,
                "label" text NOT NULL,
                "iso_639_1" text,
                "iso_639_2" text,
                "iso_639_3" text,
                CONSTRAINT "PK_2ad295dc92e4a8991a26300a3ad" PRIMARY KEY ("concept_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "taxonomy_municipalities" (
                "concept_id" text NOT NULL,
                "municipality_code" text NOT NULL,
                "label" text NOT NULL,
                "county_concept_id" text NOT NULL,
                CONSTRAINT "ck_taxonomy_municipalities_municipality_code" CHECK (municipality_code ~ '^[0-9]{4}$'),
                CONSTRAINT "PK_360d14b777655735191f1578b33" PRIMARY KEY ("concept_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_taxonomy_municipalities_county" ON "taxonomy_municipalities" ("county_concept_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_taxonomy_municipalities_municipality_code" ON "taxonomy_municipalities" ("municipality_code")
        `);
    await queryRunner.query(`
            CREATE TABLE "taxonomy_occupation_groups" (
                "concept_id" text NOT NULL,
                "ssyk_code" text NOT NULL,
                "label" text NOT NULL,
                "level" smallint NOT NULL,
                "definition" text,
                CONSTRAINT "ck_taxonomy_occupation_groups_level" CHECK (
                    level BETWEEN 1 AND 4
                    AND length(ssyk_code) = level
                ),
                CONSTRAINT "PK_2918502c0a287f5049c18cff67c" PRIMARY KEY ("concept_id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_taxonomy_occupation_groups_ssyk_code" ON "taxonomy_occupation_groups" ("ssyk_code")
        `);
    await queryRunner.query(`
            CREATE TABLE "taxonomy_occupations" (
                "concept_id" text NOT NULL,
                "label" text NOT NULL,
                "group_concept_id" text NOT NULL,
                "no_education_requirement" boolean NOT NULL DEFAULT false,
                CONSTRAINT "PK_79074636678f823f908c4b44421" PRIMARY KEY ("concept_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_taxonomy_occupations_group" ON "taxonomy_occupations" ("group_concept_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "taxonomy_driving_licences" (
                "concept_id" text NOT NULL,
                "code" text NOT NULL,
                CONSTRAINT "PK_64db0b1c60154b33b76cd2de2ed" PRIMARY KEY ("concept_id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_taxonomy_driving_licences_code" ON "taxonomy_driving_licences" ("code")
        `);
    await queryRunner.query(`
            CREATE TABLE "taxonomy_skills" (
                "concept_id" text NOT NULL,
                "label" text NOT NULL,
                CONSTRAINT "PK_3598bede0eb6445bf4c19cbb4ca" PRIMARY KEY ("concept_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "taxonomy_occupation_substitutions" (
                "occupation_concept_id" text NOT NULL,
                "substitute_concept_id" text NOT NULL,
                "percentage" smallint NOT NULL,
                CONSTRAINT "ck_taxonomy_occupation_substitutions_percentage" CHECK (
                    percentage BETWEEN 1 AND 100
                ),
                CONSTRAINT "PK_dfbfc7bd94014702ae113184ac6" PRIMARY KEY ("occupation_concept_id", "substitute_concept_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_taxonomy_occupation_substitutions_substitute" ON "taxonomy_occupation_substitutions" ("substitute_concept_id")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."personal_data_action" AS ENUM('READ', 'CREATE', 'UPDATE', 'REVEAL', 'ERASE')
        `);
    await queryRunner.query(`
            CREATE TABLE "personal_data_access_log" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "actor_user_id" uuid NOT NULL,
                "organisation_id" uuid NOT NULL,
                "participant_id" uuid NOT NULL,
                "action" "public"."personal_data_action" NOT NULL,
                "fields" text array NOT NULL,
                "purpose" text NOT NULL,
                "correlation_id" text,
                "accessed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_4cacb73199ffd64c66ecb2d0044" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_personal_data_access_log_participant" ON "personal_data_access_log" ("participant_id", "accessed_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_personal_data_access_log_organisation" ON "personal_data_access_log" ("organisation_id", "accessed_at")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."consent_scope" AS ENUM('ANONYMISED_PROFILE', 'INTRODUCTION')
        `);
    await queryRunner.query(`
            CREATE TABLE "participants" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organisation_id" uuid NOT NULL,
                "coach_id" uuid,
                "first_name" text,
                "last_name" text,
                "personnummer_encrypted" text,
                "personnummer_hash" text,
                "phone_encrypted" text,
                "email_encrypted" text,
                "birth_year" smallint,
                "consent_given_at" TIMESTAMP WITH TIME ZONE,
                "consent_scopes" "public"."consent_scope" array NOT NULL DEFAULT '{}',
                "consent_withdrawn_at" TIMESTAMP WITH TIME ZONE,
                "erased_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_participants_erased_or_complete" CHECK (
                    (
                        erased_at IS NOT NULL
                        AND first_name IS NULL
                        AND last_name IS NULL
                        AND personnummer_encrypted IS NULL
                        AND personnummer_hash IS NULL
                        AND phone_encrypted IS NULL
                        AND email_encrypted IS NULL
                        AND birth_year IS NULL
                    )
                    OR (
                        erased_at IS NULL
                        AND first_name IS NOT NULL
                        AND last_name IS NOT NULL
                        AND personnummer_encrypted IS NOT NULL
                        AND personnummer_hash IS NOT NULL
                        AND birth_year IS NOT NULL
                    )
                ),
                CONSTRAINT "PK_1cda06c31eec1c95b3365a0283f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_participants_coach" ON "participants" ("coach_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_participants_organisation" ON "participants" ("organisation_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_participants_organisation_personnummer" ON "participants" ("organisation_id", "personnummer_hash")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."language_level" AS ENUM('BASIC', 'GOOD', 'FLUENT', 'NATIVE')
        `);
    await queryRunner.query(`
            CREATE TABLE "profile_languages" (
                "profile_id" uuid NOT NULL,
                "language_concept_id" text NOT NULL,
                "level" "public"."language_level" NOT NULL,
                CONSTRAINT "PK_b4dd442763df70d5462649a7f78" PRIMARY KEY ("profile_id", "language_concept_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "profile_occupations" (
                "profile_id" uuid NOT NULL,
                "occupation_concept_id" text NOT NULL,
                "years_of_experience" numeric(3, 1) NOT NULL,
                CONSTRAINT "ck_profile_occupations_years" CHECK (
                    years_of_experience >= 0
                    AND years_of_experience <= 60
                ),
                CONSTRAINT "PK_2c5708262e9a4edf01c20d2d9f3" PRIMARY KEY ("profile_id", "occupation_concept_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "profile_skills" (
                "profile_id" uuid NOT NULL,
                "skill_concept_id" text NOT NULL,
                CONSTRAINT "PK_97c8d29db786c7bb53b5cd71b89" PRIMARY KEY ("profile_id", "skill_concept_id")
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."profile_status" AS ENUM(
                'DRAFT',
                'PUBLISHED',
                'PAUSED',
                'PLACED',
                'ARCHIVED'
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."swedish_level" AS ENUM('SFI_A', 'SFI_B', 'SFI_C', 'SFI_D', 'SVA')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."weekday" AS ENUM(
                'MONDAY',
                'TUESDAY',
                'WEDNESDAY',
                'THURSDAY',
                'FRIDAY',
                'SATURDAY',
                'SUNDAY'
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."travel_reach" AS ENUM('HOME_MUNICIPALITY', 'HOME_COUNTY', 'ANYWHERE')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."placement_kind" AS ENUM(
                'PRAKTIK',
                'EXTRATJANST',
                'JOBBSPAR',
                'ETABLERINGSJOBB'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "competence_profiles" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "participant_id" uuid NOT NULL,
                "public_id" text NOT NULL,
                "status" "public"."profile_status" NOT NULL DEFAULT 'DRAFT',
                "education_level_concept_id" text,
                "swedish_level" "public"."swedish_level",
                "driving_licence_concept_ids" text array NOT NULL DEFAULT '{}',
                "available_from" date,
                "hours_per_week" smallint,
                "free_weekdays" "public"."weekday" array NOT NULL DEFAULT '{}',
                "home_municipality_concept_id" text,
                "travel_reach" "public"."travel_reach" NOT NULL DEFAULT 'HOME_MUNICIPALITY',
                "wanted_kinds" "public"."placement_kind" array NOT NULL DEFAULT '{}',
                "interests" text array NOT NULL DEFAULT '{}',
                "summary" text NOT NULL DEFAULT '',
                "establishment_period_ends_on" date,
                "priority_woman" boolean NOT NULL DEFAULT false,
                "priority_short_education" boolean NOT NULL DEFAULT false,
                "priority_disability" boolean NOT NULL DEFAULT false,
                "priority_long_term_assistance" boolean NOT NULL DEFAULT false,
                "coach_notes" text NOT NULL DEFAULT '',
                "published_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "REL_ca350de040c8aa8586582c2516" UNIQUE ("participant_id"),
                CONSTRAINT "ck_competence_profiles_hours_per_week" CHECK (
                    hours_per_week IS NULL
                    OR hours_per_week BETWEEN 1 AND 40
                ),
                CONSTRAINT "PK_fc9ea2580ea7cf1627d1320a734" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_competence_profiles_status" ON "competence_profiles" ("status")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_competence_profiles_public_id" ON "competence_profiles" ("public_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_competence_profiles_participant" ON "competence_profiles" ("participant_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "tracks" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organisation_id" uuid NOT NULL,
                "name" text NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "municipality_concept_id" text NOT NULL,
                "occupation_concept_ids" text array NOT NULL,
                "praktik_weeks" smallint NOT NULL,
                "sfi_hours_per_week" smallint NOT NULL,
                "vocational_swedish" boolean NOT NULL DEFAULT false,
                "course" text,
                "minimum_swedish_level" "public"."swedish_level",
                "minimum_education_level_concept_id" text,
                "required_driving_licence_concept_id" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_tracks_components" CHECK (
                    praktik_weeks >= 0
                    AND sfi_hours_per_week >= 0
                ),
                CONSTRAINT "PK_242a37ffc7870380f0e611986e8" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_tracks_organisation_name" ON "tracks" ("organisation_id", "name")
        `);
    await queryRunner.query(`
            CREATE TABLE "track_intakes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "track_id" uuid NOT NULL,
                "start_date" date NOT NULL,
                "places" smallint NOT NULL,
                "places_taken" smallint NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_track_intakes_places" CHECK (
                    places >= 1
                    AND places_taken >= 0
                    AND places_taken <= places
                ),
                CONSTRAINT "PK_10497c669b03d98ffe6a90bbf91" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_track_intakes_track_start" ON "track_intakes" ("track_id", "start_date")
        `);
    await queryRunner.query(`
            CREATE TABLE "track_enrolments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "intake_id" uuid NOT NULL,
                "participant_id" uuid NOT NULL,
                "enrolled_by" uuid NOT NULL,
                "withdrawn_at" TIMESTAMP WITH TIME ZONE,
                "enrolled_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_c028e0802aa40bddb7f7ceb06aa" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_track_enrolments_participant" ON "track_enrolments" ("participant_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_track_enrolments_intake_participant" ON "track_enrolments" ("intake_id", "participant_id")
            WHERE withdrawn_at IS NULL
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."opening_status" AS ENUM('DRAFT', 'PUBLISHED', 'FILLED', 'CLOSED')
        `);
    await queryRunner.query(`
            CREATE TABLE "openings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organisation_id" uuid NOT NULL,
                "kind" "public"."placement_kind" NOT NULL,
                "status" "public"."opening_status" NOT NULL DEFAULT 'DRAFT',
                "title" text NOT NULL,
                "occupation_concept_id" text NOT NULL,
                "required_skill_concept_ids" text array NOT NULL DEFAULT '{}',
                "nice_to_have_skill_concept_ids" text array NOT NULL DEFAULT '{}',
                "minimum_swedish_level" "public"."swedish_level",
                "useful_language_concept_ids" text array NOT NULL DEFAULT '{}',
                "required_driving_licence_concept_ids" text array NOT NULL DEFAULT '{}',
                "municipality_concept_id" text NOT NULL,
                "weekdays" "public"."weekday" array NOT NULL DEFAULT '{}',
                "hours_per_week" smallint NOT NULL,
                "start_date" date NOT NULL,
                "end_date" date,
                "places" smallint NOT NULL DEFAULT '1',
                "places_taken" smallint NOT NULL DEFAULT '0',
                "supervisor_name" text,
                "language_support" text,
                "disability_adaptations" text,
                "requirement_specification" text NOT NULL DEFAULT '',
                "contact_name" text NOT NULL,
                "contact_email" text,
                "contact_phone" text,
                "collective_agreement_confirmed" boolean NOT NULL DEFAULT false,
                "track_intake_id" uuid,
                "created_by" uuid NOT NULL,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_openings_hours_per_week" CHECK (
                    hours_per_week BETWEEN 1 AND 40
                ),
                CONSTRAINT "ck_openings_dates" CHECK (
                    end_date IS NULL
                    OR end_date >= start_date
                ),
                CONSTRAINT "ck_openings_places" CHECK (
                    places >= 1
                    AND places_taken >= 0
                    AND places_taken <= places
                ),
                CONSTRAINT "PK_52465524569a0b0e856a64eb48b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_openings_status_municipality" ON "openings" ("status", "municipality_concept_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_openings_organisation" ON "openings" ("organisation_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "track_partners" (
                "track_id" uuid NOT NULL,
                "organisation_id" uuid NOT NULL,
                CONSTRAINT "PK_88371482dfb746470453d0d0c69" PRIMARY KEY ("track_id", "organisation_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_ef36020d96c8e627b494255e6b" ON "track_partners" ("track_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_d9769d4bee6720b56fa14eabdc" ON "track_partners" ("organisation_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "taxonomy_municipalities"
            ADD CONSTRAINT "fk_taxonomy_municipalities_county" FOREIGN KEY ("county_concept_id") REFERENCES "taxonomy_counties"("concept_id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "taxonomy_occupations"
            ADD CONSTRAINT "fk_taxonomy_occupations_group" FOREIGN KEY ("group_concept_id") REFERENCES "taxonomy_occupation_groups"("concept_id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "taxonomy_occupation_substitutions"
            ADD CONSTRAINT "fk_taxonomy_occupation_substitutions_occupation" FOREIGN KEY ("occupation_concept_id") REFERENCES "taxonomy_occupations"("concept_id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "taxonomy_occupation_substitutions"
            ADD CONSTRAINT "fk_taxonomy_occupation_substitutions_substitute" FOREIGN KEY ("substitute_concept_id") REFERENCES "taxonomy_occupations"("concept_id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "participants"
            ADD CONSTRAINT "fk_participants_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "participants"
            ADD CONSTRAINT "fk_participants_coach" FOREIGN KEY ("coach_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "profile_languages"
            ADD CONSTRAINT "fk_profile_languages_profile" FOREIGN KEY ("profile_id") REFERENCES "competence_profiles"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "profile_languages"
            ADD CONSTRAINT "fk_profile_languages_language" FOREIGN KEY ("language_concept_id") REFERENCES "taxonomy_languages"("concept_id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "profile_occupations"
            ADD CONSTRAINT "fk_profile_occupations_profile" FOREIGN KEY ("profile_id") REFERENCES "competence_profiles"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "profile_occupations"
            ADD CONSTRAINT "fk_profile_occupations_occupation" FOREIGN KEY ("occupation_concept_id") REFERENCES "taxonomy_occupations"("concept_id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "profile_skills"
            ADD CONSTRAINT "fk_profile_skills_profile" FOREIGN KEY ("profile_id") REFERENCES "competence_profiles"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "profile_skills"
            ADD CONSTRAINT "fk_profile_skills_skill" FOREIGN KEY ("skill_concept_id") REFERENCES "taxonomy_skills"("concept_id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "competence_profiles"
            ADD CONSTRAINT "fk_competence_profiles_participant" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "competence_profiles"
            ADD CONSTRAINT "fk_competence_profiles_education_level" FOREIGN KEY ("education_level_concept_id") REFERENCES "taxonomy_education_levels"("concept_id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "competence_profiles"
            ADD CONSTRAINT "fk_competence_profiles_home_municipality" FOREIGN KEY ("home_municipality_concept_id") REFERENCES "taxonomy_municipalities"("concept_id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "tracks"
            ADD CONSTRAINT "fk_tracks_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "tracks"
            ADD CONSTRAINT "fk_tracks_municipality" FOREIGN KEY ("municipality_concept_id") REFERENCES "taxonomy_municipalities"("concept_id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "track_intakes"
            ADD CONSTRAINT "fk_track_intakes_track" FOREIGN KEY ("track_id") REFERENCES "tracks"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "track_enrolments"
            ADD CONSTRAINT "fk_track_enrolments_intake" FOREIGN KEY ("intake_id") REFERENCES "track_intakes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "track_enrolments"
            ADD CONSTRAINT "fk_track_enrolments_participant" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "openings"
            ADD CONSTRAINT "fk_openings_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "openings"
            ADD CONSTRAINT "fk_openings_occupation" FOREIGN KEY ("occupation_concept_id") REFERENCES "taxonomy_occupations"("concept_id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "openings"
            ADD CONSTRAINT "fk_openings_municipality" FOREIGN KEY ("municipality_concept_id") REFERENCES "taxonomy_municipalities"("concept_id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "openings"
            ADD CONSTRAINT "fk_openings_track_intake" FOREIGN KEY ("track_intake_id") REFERENCES "track_intakes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "track_partners"
            ADD CONSTRAINT "fk_track_partners_track" FOREIGN KEY ("track_id") REFERENCES "tracks"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "track_partners"
            ADD CONSTRAINT "fk_track_partners_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "track_partners" DROP CONSTRAINT "fk_track_partners_organisation"
        `);
    await queryRunner.query(`
            ALTER TABLE "track_partners" DROP CONSTRAINT "fk_track_partners_track"
        `);
    await queryRunner.query(`
            ALTER TABLE "openings" DROP CONSTRAINT "fk_openings_track_intake"
        `);
    await queryRunner.query(`
            ALTER TABLE "openings" DROP CONSTRAINT "fk_openings_municipality"
        `);
    await queryRunner.query(`
            ALTER TABLE "openings" DROP CONSTRAINT "fk_openings_occupation"
        `);
    await queryRunner.query(`
            ALTER TABLE "openings" DROP CONSTRAINT "fk_openings_organisation"
        `);
    await queryRunner.query(`
            ALTER TABLE "track_enrolments" DROP CONSTRAINT "fk_track_enrolments_participant"
        `);
    await queryRunner.query(`
            ALTER TABLE "track_enrolments" DROP CONSTRAINT "fk_track_enrolments_intake"
        `);
    await queryRunner.query(`
            ALTER TABLE "track_intakes" DROP CONSTRAINT "fk_track_intakes_track"
        `);
    await queryRunner.query(`
            ALTER TABLE "tracks" DROP CONSTRAINT "fk_tracks_municipality"
        `);
    await queryRunner.query(`
            ALTER TABLE "tracks" DROP CONSTRAINT "fk_tracks_organisation"
        `);
    await queryRunner.query(`
            ALTER TABLE "competence_profiles" DROP CONSTRAINT "fk_competence_profiles_home_municipality"
        `);
    await queryRunner.query(`
            ALTER TABLE "competence_profiles" DROP CONSTRAINT "fk_competence_profiles_education_level"
        `);
    await queryRunner.query(`
            ALTER TABLE "competence_profiles" DROP CONSTRAINT "fk_competence_profiles_participant"
        `);
    await queryRunner.query(`
            ALTER TABLE "profile_skills" DROP CONSTRAINT "fk_profile_skills_skill"
        `);
    await queryRunner.query(`
            ALTER TABLE "profile_skills" DROP CONSTRAINT "fk_profile_skills_profile"
        `);
    await queryRunner.query(`
            ALTER TABLE "profile_occupations" DROP CONSTRAINT "fk_profile_occupations_occupation"
        `);
    await queryRunner.query(`
            ALTER TABLE "profile_occupations" DROP CONSTRAINT "fk_profile_occupations_profile"
        `);
    await queryRunner.query(`
            ALTER TABLE "profile_languages" DROP CONSTRAINT "fk_profile_languages_language"
        `);
    await queryRunner.query(`
            ALTER TABLE "profile_languages" DROP CONSTRAINT "fk_profile_languages_profile"
        `);
    await queryRunner.query(`
            ALTER TABLE "participants" DROP CONSTRAINT "fk_participants_coach"
        `);
    await queryRunner.query(`
            ALTER TABLE "participants" DROP CONSTRAINT "fk_participants_organisation"
        `);
    await queryRunner.query(`
            ALTER TABLE "taxonomy_occupation_substitutions" DROP CONSTRAINT "fk_taxonomy_occupation_substitutions_substitute"
        `);
    await queryRunner.query(`
            ALTER TABLE "taxonomy_occupation_substitutions" DROP CONSTRAINT "fk_taxonomy_occupation_substitutions_occupation"
        `);
    await queryRunner.query(`
            ALTER TABLE "taxonomy_occupations" DROP CONSTRAINT "fk_taxonomy_occupations_group"
        `);
    await queryRunner.query(`
            ALTER TABLE "taxonomy_municipalities" DROP CONSTRAINT "fk_taxonomy_municipalities_county"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_d9769d4bee6720b56fa14eabdc"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_ef36020d96c8e627b494255e6b"
        `);
    await queryRunner.query(`
            DROP TABLE "track_partners"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_openings_organisation"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_openings_status_municipality"
        `);
    await queryRunner.query(`
            DROP TABLE "openings"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."opening_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_track_enrolments_intake_participant"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_track_enrolments_participant"
        `);
    await queryRunner.query(`
            DROP TABLE "track_enrolments"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_track_intakes_track_start"
        `);
    await queryRunner.query(`
            DROP TABLE "track_intakes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_tracks_organisation_name"
        `);
    await queryRunner.query(`
            DROP TABLE "tracks"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_competence_profiles_participant"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_competence_profiles_public_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_competence_profiles_status"
        `);
    await queryRunner.query(`
            DROP TABLE "competence_profiles"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."placement_kind"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."travel_reach"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."weekday"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."swedish_level"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."profile_status"
        `);
    await queryRunner.query(`
            DROP TABLE "profile_skills"
        `);
    await queryRunner.query(`
            DROP TABLE "profile_occupations"
        `);
    await queryRunner.query(`
            DROP TABLE "profile_languages"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."language_level"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_participants_organisation_personnummer"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_participants_organisation"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_participants_coach"
        `);
    await queryRunner.query(`
            DROP TABLE "participants"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."consent_scope"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_personal_data_access_log_organisation"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_personal_data_access_log_participant"
        `);
    await queryRunner.query(`
            DROP TABLE "personal_data_access_log"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."personal_data_action"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_taxonomy_occupation_substitutions_substitute"
        `);
    await queryRunner.query(`
            DROP TABLE "taxonomy_occupation_substitutions"
        `);
    await queryRunner.query(`
            DROP TABLE "taxonomy_skills"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_taxonomy_driving_licences_code"
        `);
    await queryRunner.query(`
            DROP TABLE "taxonomy_driving_licences"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_taxonomy_occupations_group"
        `);
    await queryRunner.query(`
            DROP TABLE "taxonomy_occupations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_taxonomy_occupation_groups_ssyk_code"
        `);
    await queryRunner.query(`
            DROP TABLE "taxonomy_occupation_groups"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_taxonomy_municipalities_municipality_code"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_taxonomy_municipalities_county"
        `);
    await queryRunner.query(`
            DROP TABLE "taxonomy_municipalities"
        `);
    await queryRunner.query(`
            DROP TABLE "taxonomy_languages"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_taxonomy_education_levels_sun_code"
        `);
    await queryRunner.query(`
            DROP TABLE "taxonomy_education_levels"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_taxonomy_counties_county_code"
        `);
    await queryRunner.query(`
            DROP TABLE "taxonomy_counties"
        `);
  }
}
