import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795425946839 implements MigrationInterface {
  name = 'Foundation1795425946839';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."outbox_message_kind" AS ENUM('JOB', 'SEARCH_SYNC')
        `);
    await queryRunner.query(`
            CREATE TABLE "outbox_messages" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "kind" "public"."outbox_message_kind" NOT NULL,
                "payload" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "delivered_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_0171348f527c64b137e4d4f5b66" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_outbox_messages_pending" ON "outbox_messages" ("available_at", "id")
            WHERE delivered_at IS NULL
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."organisation_kind" AS ENUM(
                'MUNICIPALITY',
                'REGION',
                'STATE_AGENCY',
                'COMPANY',
                'ASSOCIATION'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "organisations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" "public"."organisation_kind" NOT NULL,
                "name" text NOT NULL,
                "organisation_number" text NOT NULL,
                "municipality_code" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_organisations_municipality_code" CHECK (municipality_code ~ '^[0-9]{4}$'),
                CONSTRAINT "ck_organisations_organisation_number" CHECK (organisation_number ~ '^[0-9]{10}$'),
                CONSTRAINT "PK_7bf54cba378d5b2f1d4c10ef4df" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_organisations_organisation_number" ON "organisations" ("organisation_number")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."user_role" AS ENUM('ADMIN', 'COACH', 'EMPLOYER')
        `);
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" text NOT NULL,
                "full_name" text NOT NULL,
                "password_hash" text NOT NULL,
                "role" "public"."user_role" NOT NULL,
                "organisation_id" uuid NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "last_login_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_users_email_lower_case" CHECK (email = lower(email)),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_users_organisation" ON "users" ("organisation_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_users_email" ON "users" ("email")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."notification_kind" AS ENUM('WELCOME')
        `);
    await queryRunner.query(`
            CREATE TABLE "notifications" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "kind" "public"."notification_kind" NOT NULL,
                "dedupe_key" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "read_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_notifications_user" ON "notifications" ("user_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_notifications_dedupe_key" ON "notifications" ("dedupe_key")
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "fk_users_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notifications"
            ADD CONSTRAINT "fk_notifications_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "notifications" DROP CONSTRAINT "fk_notifications_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "fk_users_organisation"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_notifications_dedupe_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_notifications_user"
        `);
    await queryRunner.query(`
            DROP TABLE "notifications"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."notification_kind"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_users_email"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_users_organisation"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."user_role"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_organisations_organisation_number"
        `);
    await queryRunner.query(`
            DROP TABLE "organisations"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."organisation_kind"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_outbox_messages_pending"
        `);
    await queryRunner.query(`
            DROP TABLE "outbox_messages"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."outbox_message_kind"
        `);
  }
}
