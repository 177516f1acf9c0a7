/**
 * A write is acknowledged (201, 200, a Local API result) only once Postgres confirmed its COMMIT;
 * a failed COMMIT answers 503 in French and nothing is reported saved (issue 18). Installed on the
 * database adapter as it is created, before migrations, onInit or any request.
 * The transactions themselves: installDurableCommit in ./shared/sql.ts.
 */
import type { Config, Plugin } from 'payload'

import { installDurableCommit } from './shared/sql'

export const durableCommit =
  (): Plugin =>
  (config: Config): Config => {
    const db = config.db
    return {
      ...config,
      db: {
        ...db,
        init: (args) => {
          const adapter = db.init(args)
          installDurableCommit(adapter)
          return adapter
        },
      },
    }
  }
