import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "users" ADD COLUMN "spip_key" varchar;
  ALTER TABLE "media" ADD COLUMN "spip_key" varchar;
  ALTER TABLE "projects" ADD COLUMN "spip_key" varchar;
  ALTER TABLE "_projects_v" ADD COLUMN "version_spip_key" varchar;
  ALTER TABLE "articles" ADD COLUMN "spip_key" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_spip_key" varchar;
  ALTER TABLE "pages" ADD COLUMN "spip_key" varchar;
  ALTER TABLE "_pages_v" ADD COLUMN "version_spip_key" varchar;
  ALTER TABLE "glossary_terms" ADD COLUMN "spip_key" varchar;
  ALTER TABLE "_glossary_terms_v" ADD COLUMN "version_spip_key" varchar;
  ALTER TABLE "partners" ADD COLUMN "spip_key" varchar;
  ALTER TABLE "tags" ADD COLUMN "spip_key" varchar;
  ALTER TABLE "comments" ADD COLUMN "spip_key" varchar;
  CREATE UNIQUE INDEX "users_spip_key_idx" ON "users" USING btree ("spip_key");
  CREATE UNIQUE INDEX "media_spip_key_idx" ON "media" USING btree ("spip_key");
  CREATE UNIQUE INDEX "projects_spip_key_idx" ON "projects" USING btree ("spip_key");
  CREATE INDEX "_projects_v_version_version_spip_key_idx" ON "_projects_v" USING btree ("version_spip_key");
  CREATE UNIQUE INDEX "articles_spip_key_idx" ON "articles" USING btree ("spip_key");
  CREATE INDEX "_articles_v_version_version_spip_key_idx" ON "_articles_v" USING btree ("version_spip_key");
  CREATE UNIQUE INDEX "pages_spip_key_idx" ON "pages" USING btree ("spip_key");
  CREATE INDEX "_pages_v_version_version_spip_key_idx" ON "_pages_v" USING btree ("version_spip_key");
  CREATE UNIQUE INDEX "glossary_terms_spip_key_idx" ON "glossary_terms" USING btree ("spip_key");
  CREATE INDEX "_glossary_terms_v_version_version_spip_key_idx" ON "_glossary_terms_v" USING btree ("version_spip_key");
  CREATE UNIQUE INDEX "partners_spip_key_idx" ON "partners" USING btree ("spip_key");
  CREATE UNIQUE INDEX "tags_spip_key_idx" ON "tags" USING btree ("spip_key");
  CREATE UNIQUE INDEX "comments_spip_key_idx" ON "comments" USING btree ("spip_key");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "users_spip_key_idx";
  DROP INDEX "media_spip_key_idx";
  DROP INDEX "projects_spip_key_idx";
  DROP INDEX "_projects_v_version_version_spip_key_idx";
  DROP INDEX "articles_spip_key_idx";
  DROP INDEX "_articles_v_version_version_spip_key_idx";
  DROP INDEX "pages_spip_key_idx";
  DROP INDEX "_pages_v_version_version_spip_key_idx";
  DROP INDEX "glossary_terms_spip_key_idx";
  DROP INDEX "_glossary_terms_v_version_version_spip_key_idx";
  DROP INDEX "partners_spip_key_idx";
  DROP INDEX "tags_spip_key_idx";
  DROP INDEX "comments_spip_key_idx";
  ALTER TABLE "users" DROP COLUMN "spip_key";
  ALTER TABLE "media" DROP COLUMN "spip_key";
  ALTER TABLE "projects" DROP COLUMN "spip_key";
  ALTER TABLE "_projects_v" DROP COLUMN "version_spip_key";
  ALTER TABLE "articles" DROP COLUMN "spip_key";
  ALTER TABLE "_articles_v" DROP COLUMN "version_spip_key";
  ALTER TABLE "pages" DROP COLUMN "spip_key";
  ALTER TABLE "_pages_v" DROP COLUMN "version_spip_key";
  ALTER TABLE "glossary_terms" DROP COLUMN "spip_key";
  ALTER TABLE "_glossary_terms_v" DROP COLUMN "version_spip_key";
  ALTER TABLE "partners" DROP COLUMN "spip_key";
  ALTER TABLE "tags" DROP COLUMN "spip_key";
  ALTER TABLE "comments" DROP COLUMN "spip_key";`)
}
