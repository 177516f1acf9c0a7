/** Our own Postgres connections carry their own name, even when the connection string has one. */
import { describe, expect, it } from 'vitest'

import { namedClient } from '../../src/lib/pg-connection'

const nameOf = (uri: string) => (namedClient(uri, 'labo-test') as unknown as { connectionParameters: { application_name: string; database: string } }).connectionParameters

describe('namedClient', () => {
  it('replaces the name a connection string gives, and keeps the rest', () => {
    expect(nameOf('postgres://u:p@127.0.0.1:5432/labo?application_name=labo_bench_app&sslmode=disable')).toMatchObject({ application_name: 'labo-test', database: 'labo' })
    expect(nameOf('postgres://u:p@127.0.0.1:5432/labo')).toMatchObject({ application_name: 'labo-test', database: 'labo' })
  })
})
