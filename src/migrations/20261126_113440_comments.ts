import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_projects_comment_mode" AS ENUM('default', 'a-priori', 'a-posteriori', 'closed');
  CREATE TYPE "public"."enum__projects_v_version_comment_mode" AS ENUM('default', 'a-priori', 'a-posteriori', 'closed');
  CREATE TYPE "public"."enum_axes_comment_mode" AS ENUM('default', 'a-priori', 'a-posteriori', 'closed');
  CREATE TYPE "public"."enum__axes_v_version_comment_mode" AS ENUM('default', 'a-priori', 'a-posteriori', 'closed');
  CREATE TYPE "public"."enum_themes_comment_mode" AS ENUM('default', 'a-priori', 'a-posteriori', 'closed');
  CREATE TYPE "public"."enum__themes_v_version_comment_mode" AS ENUM('default', 'a-priori', 'a-posteriori', 'closed');
  CREATE TYPE "public"."enum_comments_status" AS ENUM('pending', 'approved', 'rejected', 'spam');
  CREATE TABLE "comments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"author_name" varchar,
  	"author_email" varchar,
  	"author_website" varchar,
  	"body" varchar NOT NULL,
  	"moderator_note" varchar,
  	"status" "enum_comments_status" DEFAULT 'pending' NOT NULL,
  	"hold_reason" varchar,
  	"by_staff" boolean DEFAULT false,
  	"moderated_by_id" integer,
  	"moderated_at" timestamp(3) with time zone,
  	"ip_hash" varchar,
  	"user_agent" varchar,
  	"level" numeric DEFAULT 1,
  	"target_key" varchar,
  	"target_published" boolean DEFAULT false,
  	"excerpt" varchar,
  	"fingerprint" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"deleted_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "comments_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"articles_id" integer,
  	"projects_id" integer,
  	"axes_id" integer,
  	"themes_id" integer
  );
  
  CREATE TABLE "comments_flood" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"window_start" timestamp(3) with time zone NOT NULL,
  	"count" numeric DEFAULT 1 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "projects" ADD COLUMN "comment_mode" "enum_projects_comment_mode" DEFAULT 'closed';
  ALTER TABLE "_projects_v" ADD COLUMN "version_comment_mode" "enum__projects_v_version_comment_mode" DEFAULT 'closed';
  ALTER TABLE "axes" ADD COLUMN "comment_mode" "enum_axes_comment_mode" DEFAULT 'closed';
  ALTER TABLE "_axes_v" ADD COLUMN "version_comment_mode" "enum__axes_v_version_comment_mode" DEFAULT 'closed';
  ALTER TABLE "themes" ADD COLUMN "comment_mode" "enum_themes_comment_mode" DEFAULT 'closed';
  ALTER TABLE "_themes_v" ADD COLUMN "version_comment_mode" "enum__themes_v_version_comment_mode" DEFAULT 'closed';
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "comments_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "comments_flood_id" integer;
  ALTER TABLE "site_settings" ADD COLUMN "comment_policy_max_links" numeric DEFAULT 2;
  ALTER TABLE "site_settings" ADD COLUMN "comment_policy_flood_limit" numeric DEFAULT 5;
  ALTER TABLE "site_settings" ADD COLUMN "comment_policy_flood_window_minutes" numeric DEFAULT 10;
  ALTER TABLE "site_settings" ADD COLUMN "comment_policy_moderation_words" varchar;
  ALTER TABLE "site_settings" ADD COLUMN "comment_policy_disallowed_words" varchar;
  ALTER TABLE "comments" ADD CONSTRAINT "comments_parent_id_comments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."comments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "comments" ADD CONSTRAINT "comments_moderated_by_id_users_id_fk" FOREIGN KEY ("moderated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "comments_rels" ADD CONSTRAINT "comments_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "comments_rels" ADD CONSTRAINT "comments_rels_articles_fk" FOREIGN KEY ("articles_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "comments_rels" ADD CONSTRAINT "comments_rels_projects_fk" FOREIGN KEY ("projects_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "comments_rels" ADD CONSTRAINT "comments_rels_axes_fk" FOREIGN KEY ("axes_id") REFERENCES "public"."axes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "comments_rels" ADD CONSTRAINT "comments_rels_themes_fk" FOREIGN KEY ("themes_id") REFERENCES "public"."themes"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "comments_parent_idx" ON "comments" USING btree ("parent_id");
  CREATE INDEX "comments_status_idx" ON "comments" USING btree ("status");
  CREATE INDEX "comments_moderated_by_idx" ON "comments" USING btree ("moderated_by_id");
  CREATE INDEX "comments_ip_hash_idx" ON "comments" USING btree ("ip_hash");
  CREATE INDEX "comments_target_key_idx" ON "comments" USING btree ("target_key");
  CREATE INDEX "comments_target_published_idx" ON "comments" USING btree ("target_published");
  CREATE INDEX "comments_fingerprint_idx" ON "comments" USING btree ("fingerprint");
  CREATE INDEX "comments_updated_at_idx" ON "comments" USING btree ("updated_at");
  CREATE INDEX "comments_created_at_idx" ON "comments" USING btree ("created_at");
  CREATE INDEX "comments_deleted_at_idx" ON "comments" USING btree ("deleted_at");
  CREATE INDEX "comments_rels_order_idx" ON "comments_rels" USING btree ("order");
  CREATE INDEX "comments_rels_parent_idx" ON "comments_rels" USING btree ("parent_id");
  CREATE INDEX "comments_rels_path_idx" ON "comments_rels" USING btree ("path");
  CREATE INDEX "comments_rels_articles_id_idx" ON "comments_rels" USING btree ("articles_id");
  CREATE INDEX "comments_rels_projects_id_idx" ON "comments_rels" USING btree ("projects_id");
  CREATE INDEX "comments_rels_axes_id_idx" ON "comments_rels" USING btree ("axes_id");
  CREATE INDEX "comments_rels_themes_id_idx" ON "comments_rels" USING btree ("themes_id");
  CREATE UNIQUE INDEX "comments_flood_key_idx" ON "comments_flood" USING btree ("key");
  CREATE INDEX "comments_flood_updated_at_idx" ON "comments_flood" USING btree ("updated_at");
  CREATE INDEX "comments_flood_created_at_idx" ON "comments_flood" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_comments_fk" FOREIGN KEY ("comments_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_comments_flood_fk" FOREIGN KEY ("comments_flood_id") REFERENCES "public"."comments_flood"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_comments_id_idx" ON "payload_locked_documents_rels" USING btree ("comments_id");
  CREATE INDEX "payload_locked_documents_rels_comments_flood_id_idx" ON "payload_locked_documents_rels" USING btree ("comments_flood_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "comments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "comments_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "comments_flood" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "comments" CASCADE;
  DROP TABLE "comments_rels" CASCADE;
  DROP TABLE "comments_flood" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_comments_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_comments_flood_fk";
  
  DROP INDEX "payload_locked_documents_rels_comments_id_idx";
  DROP INDEX "payload_locked_documents_rels_comments_flood_id_idx";
  ALTER TABLE "projects" DROP COLUMN "comment_mode";
  ALTER TABLE "_projects_v" DROP COLUMN "version_comment_mode";
  ALTER TABLE "axes" DROP COLUMN "comment_mode";
  ALTER TABLE "_axes_v" DROP COLUMN "version_comment_mode";
  ALTER TABLE "themes" DROP COLUMN "comment_mode";
  ALTER TABLE "_themes_v" DROP COLUMN "version_comment_mode";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "comments_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "comments_flood_id";
  ALTER TABLE "site_settings" DROP COLUMN "comment_policy_max_links";
  ALTER TABLE "site_settings" DROP COLUMN "comment_policy_flood_limit";
  ALTER TABLE "site_settings" DROP COLUMN "comment_policy_flood_window_minutes";
  ALTER TABLE "site_settings" DROP COLUMN "comment_policy_moderation_words";
  ALTER TABLE "site_settings" DROP COLUMN "comment_policy_disallowed_words";
  DROP TYPE "public"."enum_projects_comment_mode";
  DROP TYPE "public"."enum__projects_v_version_comment_mode";
  DROP TYPE "public"."enum_axes_comment_mode";
  DROP TYPE "public"."enum__axes_v_version_comment_mode";
  DROP TYPE "public"."enum_themes_comment_mode";
  DROP TYPE "public"."enum__themes_v_version_comment_mode";
  DROP TYPE "public"."enum_comments_status";`)
}
