import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
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
  ALTER TABLE "site_settings" ADD COLUMN "glossary_all_occurrences" boolean DEFAULT false;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
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
  ALTER TABLE "site_settings" DROP COLUMN "glossary_all_occurrences";`)
}
