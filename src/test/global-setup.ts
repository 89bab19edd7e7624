import pg from 'pg'
import type { TestProject } from 'vitest/node'

// With TEST_DB=postgres, every run gets a database of its own, dropped afterwards; each test
// then works in a schema of its own inside it (see test-db.ts).

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null
  }
}

export const ADMIN_URL =
  process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

export default async function setup(
  project: TestProject,
): Promise<(() => Promise<void>) | undefined> {
  if (process.env.TEST_DB !== 'postgres') {
    project.provide('postgresUrl', null)
    return undefined
  }
  const name = `cuntong_test_${Date.now()}_${process.pid}`
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  try {
    await admin.connect()
  } catch (error) {
    throw new Error(
      `TEST_DB=postgres but PostgreSQL is not reachable at ${ADMIN_URL}: ${String(error)}`,
      { cause: error },
    )
  }
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  project.provide('postgresUrl', url.toString())
  return async () => {
    const client = new pg.Client({ connectionString: ADMIN_URL })
    await client.connect()
    await client.query(`drop database if exists ${name} with (force)`)
    await client.end()
  }
}
