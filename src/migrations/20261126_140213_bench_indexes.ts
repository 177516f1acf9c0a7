import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "year_title_idx" ON "projects" USING btree ("year","title");
  CREATE INDEX "version_year_version_title_idx" ON "_projects_v" USING btree ("version_year","version_title");
  CREATE INDEX "publishedAt_idx" ON "articles" USING btree ("published_at");
  CREATE INDEX "version_publishedAt_idx" ON "_articles_v" USING btree ("version_published_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "year_title_idx";
  DROP INDEX "version_year_version_title_idx";
  DROP INDEX "publishedAt_idx";
  DROP INDEX "version_publishedAt_idx";`)
}
