import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "_status_year_idx" ON "projects" USING btree ("_status","year");
  CREATE INDEX "version__status_version_year_idx" ON "_projects_v" USING btree ("version__status","version_year");
  CREATE INDEX "publishedAt_idx" ON "articles" USING btree ("published_at");
  CREATE INDEX "version_publishedAt_idx" ON "_articles_v" USING btree ("version_published_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "_status_year_idx";
  DROP INDEX "version__status_version_year_idx";
  DROP INDEX "publishedAt_idx";
  DROP INDEX "version_publishedAt_idx";`)
}
