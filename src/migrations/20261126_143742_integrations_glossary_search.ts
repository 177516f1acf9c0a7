import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import * as searchCandidates from './sql/search-candidates'

/**
 * API keys (last use, grants), webhooks and their deliveries, the glossary switch and setting,
 * CORS origins, list indexes; plus the hand-written search index of ./sql/search-candidates.
 */

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_users_api_grants" AS ENUM('drafts.projects', 'drafts.axes', 'drafts.themes', 'drafts.articles', 'drafts.pages', 'drafts.glossary-terms');
  CREATE TYPE "public"."enum_webhooks_events" AS ENUM('publish', 'unpublish', 'delete');
  CREATE TYPE "public"."enum_webhooks_collections" AS ENUM('projects', 'axes', 'themes', 'articles', 'pages', 'glossary-terms', 'partners');
  CREATE TYPE "public"."enum_webhook_deliveries_event" AS ENUM('publish', 'unpublish', 'delete');
  CREATE TYPE "public"."enum_webhook_deliveries_collection" AS ENUM('projects', 'axes', 'themes', 'articles', 'pages', 'glossary-terms', 'partners');
  CREATE TYPE "public"."enum_webhook_deliveries_status" AS ENUM('success', 'retrying', 'failed');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'deliverWebhook' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'deliverWebhook' BEFORE 'schedulePublish';
  CREATE TABLE "users_api_grants" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_users_api_grants",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "webhooks_events" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_webhooks_events",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "webhooks_collections" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_webhooks_collections",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "webhooks" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"url" varchar NOT NULL,
  	"active" boolean DEFAULT true,
  	"secret" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "webhook_deliveries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"webhook_id" integer,
  	"event" "enum_webhook_deliveries_event" NOT NULL,
  	"collection" "enum_webhook_deliveries_collection" NOT NULL,
  	"document_id" varchar NOT NULL,
  	"attempt" numeric NOT NULL,
  	"status" "enum_webhook_deliveries_status" NOT NULL,
  	"response_code" numeric,
  	"duration_ms" numeric,
  	"error" varchar,
  	"sent_at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "users" ADD COLUMN "api_key_last_used_at" timestamp(3) with time zone;
  ALTER TABLE "projects" ADD COLUMN "glossary_disabled" boolean DEFAULT false;
  ALTER TABLE "_projects_v" ADD COLUMN "version_glossary_disabled" boolean DEFAULT false;
  ALTER TABLE "axes" ADD COLUMN "glossary_disabled" boolean DEFAULT false;
  ALTER TABLE "_axes_v" ADD COLUMN "version_glossary_disabled" boolean DEFAULT false;
  ALTER TABLE "themes" ADD COLUMN "glossary_disabled" boolean DEFAULT false;
  ALTER TABLE "_themes_v" ADD COLUMN "version_glossary_disabled" boolean DEFAULT false;
  ALTER TABLE "articles" ADD COLUMN "glossary_disabled" boolean DEFAULT false;
  ALTER TABLE "_articles_v" ADD COLUMN "version_glossary_disabled" boolean DEFAULT false;
  ALTER TABLE "pages" ADD COLUMN "glossary_disabled" boolean DEFAULT false;
  ALTER TABLE "_pages_v" ADD COLUMN "version_glossary_disabled" boolean DEFAULT false;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "webhooks_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "webhook_deliveries_id" integer;
  ALTER TABLE "site_settings" ADD COLUMN "glossary_all_occurrences" boolean DEFAULT false;
  ALTER TABLE "site_settings" ADD COLUMN "cors_origins" varchar;
  ALTER TABLE "users_api_grants" ADD CONSTRAINT "users_api_grants_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "webhooks_events" ADD CONSTRAINT "webhooks_events_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."webhooks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "webhooks_collections" ADD CONSTRAINT "webhooks_collections_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."webhooks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhook_id_webhooks_id_fk" FOREIGN KEY ("webhook_id") REFERENCES "public"."webhooks"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "users_api_grants_order_idx" ON "users_api_grants" USING btree ("order");
  CREATE INDEX "users_api_grants_parent_idx" ON "users_api_grants" USING btree ("parent_id");
  CREATE INDEX "webhooks_events_order_idx" ON "webhooks_events" USING btree ("order");
  CREATE INDEX "webhooks_events_parent_idx" ON "webhooks_events" USING btree ("parent_id");
  CREATE INDEX "webhooks_collections_order_idx" ON "webhooks_collections" USING btree ("order");
  CREATE INDEX "webhooks_collections_parent_idx" ON "webhooks_collections" USING btree ("parent_id");
  CREATE INDEX "webhooks_updated_at_idx" ON "webhooks" USING btree ("updated_at");
  CREATE INDEX "webhooks_created_at_idx" ON "webhooks" USING btree ("created_at");
  CREATE INDEX "webhook_deliveries_webhook_idx" ON "webhook_deliveries" USING btree ("webhook_id");
  CREATE INDEX "webhook_deliveries_sent_at_idx" ON "webhook_deliveries" USING btree ("sent_at");
  CREATE INDEX "webhook_deliveries_updated_at_idx" ON "webhook_deliveries" USING btree ("updated_at");
  CREATE INDEX "webhook_deliveries_created_at_idx" ON "webhook_deliveries" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_webhooks_fk" FOREIGN KEY ("webhooks_id") REFERENCES "public"."webhooks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_webhook_deliveries_fk" FOREIGN KEY ("webhook_deliveries_id") REFERENCES "public"."webhook_deliveries"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "_status_year_idx" ON "projects" USING btree ("_status","year");
  CREATE INDEX "version__status_version_year_idx" ON "_projects_v" USING btree ("version__status","version_year");
  CREATE INDEX "publishedAt_idx" ON "articles" USING btree ("published_at");
  CREATE INDEX "version_publishedAt_idx" ON "_articles_v" USING btree ("version_published_at");
  CREATE INDEX "payload_locked_documents_rels_webhooks_id_idx" ON "payload_locked_documents_rels" USING btree ("webhooks_id");
  CREATE INDEX "payload_locked_documents_rels_webhook_deliveries_id_idx" ON "payload_locked_documents_rels" USING btree ("webhook_deliveries_id");`)
  await searchCandidates.up({ db })
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await searchCandidates.down({ db })
  await db.execute(sql`
   ALTER TABLE "users_api_grants" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "webhooks_events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "webhooks_collections" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "webhooks" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "webhook_deliveries" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "users_api_grants" CASCADE;
  DROP TABLE "webhooks_events" CASCADE;
  DROP TABLE "webhooks_collections" CASCADE;
  DROP TABLE "webhooks" CASCADE;
  DROP TABLE "webhook_deliveries" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_webhooks_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_webhook_deliveries_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "_status_year_idx";
  DROP INDEX "version__status_version_year_idx";
  DROP INDEX "publishedAt_idx";
  DROP INDEX "version_publishedAt_idx";
  DROP INDEX "payload_locked_documents_rels_webhooks_id_idx";
  DROP INDEX "payload_locked_documents_rels_webhook_deliveries_id_idx";
  ALTER TABLE "users" DROP COLUMN "api_key_last_used_at";
  ALTER TABLE "projects" DROP COLUMN "glossary_disabled";
  ALTER TABLE "_projects_v" DROP COLUMN "version_glossary_disabled";
  ALTER TABLE "axes" DROP COLUMN "glossary_disabled";
  ALTER TABLE "_axes_v" DROP COLUMN "version_glossary_disabled";
  ALTER TABLE "themes" DROP COLUMN "glossary_disabled";
  ALTER TABLE "_themes_v" DROP COLUMN "version_glossary_disabled";
  ALTER TABLE "articles" DROP COLUMN "glossary_disabled";
  ALTER TABLE "_articles_v" DROP COLUMN "version_glossary_disabled";
  ALTER TABLE "pages" DROP COLUMN "glossary_disabled";
  ALTER TABLE "_pages_v" DROP COLUMN "version_glossary_disabled";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "webhooks_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "webhook_deliveries_id";
  ALTER TABLE "site_settings" DROP COLUMN "glossary_all_occurrences";
  ALTER TABLE "site_settings" DROP COLUMN "cors_origins";
  DROP TYPE "public"."enum_users_api_grants";
  DROP TYPE "public"."enum_webhooks_events";
  DROP TYPE "public"."enum_webhooks_collections";
  DROP TYPE "public"."enum_webhook_deliveries_event";
  DROP TYPE "public"."enum_webhook_deliveries_collection";
  DROP TYPE "public"."enum_webhook_deliveries_status";`)
}
