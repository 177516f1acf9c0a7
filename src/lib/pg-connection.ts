/** Connections of our own beside Payload's pool. */
import pg from 'pg'

/**
 * A client named `applicationName` in pg_stat_activity and the server's log. pg lets a name in
 * the connection string win over the one given beside it: the string's is replaced.
 */
export function namedClient(connectionString: string, applicationName: string): pg.Client {
  let uri = connectionString
  try {
    const url = new URL(connectionString)
    url.searchParams.set('application_name', applicationName)
    uri = url.toString()
  } catch {
    // Not a URL (key=value form): as given.
  }
  return new pg.Client({ connectionString: uri, application_name: applicationName })
}
