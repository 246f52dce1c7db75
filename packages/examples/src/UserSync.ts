/**
 * Example 7 — Reacting to user events: a local `users` table kept in sync with Clerk by its webhooks.
 *
 * Clerk delivers `user.created`, `user.updated` and `user.deleted` through Svix: at least once, in no particular
 * order, retried with the same `svix-id` until the endpoint answers 2xx. Each event carries the whole user (no
 * diff), so the table is a projection of the latest user seen, and the sync converges whatever the order:
 *
 * - `user.created` / `user.updated` upsert the row, unless the row already holds a newer version: versions are
 *   compared by the user's `updated_at`, then by the event's `timestamp` (an event that changes nothing the user
 *   object dates, or two changes in the same millisecond). An older or equal version changes nothing, so a
 *   duplicate or a late retry is harmless.
 * - `user.deleted` leaves a tombstone (`deleted = 1`, the personal fields cleared): Clerk never reuses a user id,
 *   so a tombstone is final, and a `user.updated` delivered after the deletion (a retry, a reordering) cannot
 *   resurrect the row; a deletion that arrives before the creation is kept the same way.
 * - Each event is one `INSERT ... ON CONFLICT DO UPDATE ... WHERE` statement: atomic without a transaction, and
 *   concurrent deliveries of the same user cannot interleave.
 * - `WebhookDeduplication.once` skips a message id already handled (less work, not needed for correctness); a
 *   failure (the database is down) answers 500 and releases the id, so Svix's retry runs it again.
 *
 * The database is libSQL (an embedded fork of SQLite) through `@effect/sql-libsql`: a real SQL database in the
 * process, in memory (`file::memory:`) or in a file, whose native binary is an npm package
 * (`@libsql/linux-x64-gnu`, ... as optional dependencies), so it installs from the npm registry alone; SQLite
 * through `@effect/sql-sqlite-node` needs `better-sqlite3`, which downloads its prebuilt binary from GitHub or
 * compiles with node-gyp, and Node 20 has no `node:sqlite`. The SQL is plain SQLite (3.24's upsert): any
 * `@effect/sql` client of SQLite runs it as is; PostgreSQL's `ON CONFLICT` reads the same.
 *
 * Tests: `test/UserSync.test.ts` (the in-memory layer's event stream, the emulator delivering over loopback,
 * and a property: the table converges under duplicated, reordered and retried deliveries).
 */
import type { WebhookEvent } from "@effect-clerk/core"
import { WebhookDeduplication, Webhooks } from "@effect-clerk/core"
import type { User } from "@effect-clerk/core/User"
import { HttpRouter } from "@effect/platform"
import * as LibsqlClient from "@effect/sql-libsql/LibsqlClient"
import * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import { Effect, Layer, Schema, String as Str } from "effect"
import type { ParseError } from "effect/ParseResult"

/** What the application keeps of a Clerk user: one row of the `users` table. */
export interface LocalUser {
  readonly id: string
  readonly email: string | null
  readonly firstName: string | null
  readonly lastName: string | null
  readonly banned: boolean
  readonly locked: boolean
  readonly publicMetadata: { readonly [key: string]: unknown }
  readonly privateMetadata: { readonly [key: string]: unknown }
  /** The user's `updated_at` (epoch ms). */
  readonly updatedAt: number
}

/** The projection of a Clerk user into a row (the tests compare the table with the store through it). */
export const toLocalUser = (user: User): LocalUser => ({
  id: user.id,
  email: user.emailAddresses.find((address) => address.id === user.primaryEmailAddressId)?.emailAddress ?? null,
  firstName: user.firstName,
  lastName: user.lastName,
  banned: user.banned,
  locked: user.locked,
  publicMetadata: user.publicMetadata,
  privateMetadata: user.privateMetadata ?? {},
  updatedAt: user.updatedAt
})

/** Creates the table (idempotent). */
export const migrate: Effect.Effect<void, SqlError, SqlClient.SqlClient> = Effect.flatMap(
  SqlClient.SqlClient,
  (sql) =>
    sql`CREATE TABLE IF NOT EXISTS users (
      id TEXT PRIMARY KEY,
      email TEXT,
      first_name TEXT,
      last_name TEXT,
      banned INTEGER NOT NULL DEFAULT 0,
      locked INTEGER NOT NULL DEFAULT 0,
      public_metadata TEXT NOT NULL DEFAULT '{}',
      private_metadata TEXT NOT NULL DEFAULT '{}',
      updated_at INTEGER NOT NULL DEFAULT 0,
      event_at INTEGER NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    )`
)

/** `user.created` / `user.updated`: the user's row, unless the table holds a newer version or a tombstone. */
const upsert = (user: User, eventAt: number) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) => {
    const row = toLocalUser(user)
    return sql`INSERT INTO users ${
      sql.insert({
        id: row.id,
        email: row.email,
        first_name: row.firstName,
        last_name: row.lastName,
        banned: row.banned ? 1 : 0,
        locked: row.locked ? 1 : 0,
        public_metadata: JSON.stringify(row.publicMetadata),
        private_metadata: JSON.stringify(row.privateMetadata),
        updated_at: row.updatedAt,
        event_at: eventAt,
        deleted: 0
      })
    }
    ON CONFLICT (id) DO UPDATE SET
      email = excluded.email, first_name = excluded.first_name, last_name = excluded.last_name,
      banned = excluded.banned, locked = excluded.locked,
      public_metadata = excluded.public_metadata, private_metadata = excluded.private_metadata,
      updated_at = excluded.updated_at, event_at = excluded.event_at
    WHERE users.deleted = 0 AND (
      excluded.updated_at > users.updated_at
      OR (excluded.updated_at = users.updated_at AND excluded.event_at > users.event_at)
    )`
  })

/** `user.deleted`: a tombstone, final (Clerk never reuses an id), the personal fields cleared. */
const tombstone = (id: string, eventAt: number) =>
  Effect.flatMap(
    SqlClient.SqlClient,
    (sql) =>
      sql`INSERT INTO users ${sql.insert({ id, event_at: eventAt, deleted: 1 })}
    ON CONFLICT (id) DO UPDATE SET
      deleted = 1, email = NULL, first_name = NULL, last_name = NULL,
      public_metadata = '{}', private_metadata = '{}', event_at = excluded.event_at
    WHERE users.deleted = 0`
  )

/** Applies one event to the table; any other event type is ignored (a new Clerk event never fails the handler). */
export const apply = (event: WebhookEvent.WebhookEvent): Effect.Effect<void, SqlError, SqlClient.SqlClient> => {
  switch (event._tag) {
    case "UserCreated":
    case "UserUpdated":
      return Effect.asVoid(upsert(event.data, event.timestamp))
    case "UserDeleted":
      // Clerk's deleted object always names the user; its schema allows no id (other deleted objects)
      return event.data.id === undefined ? Effect.void : Effect.asVoid(tombstone(event.data.id, event.timestamp))
    case "Other":
      return Effect.void
  }
}

/** What the handler runs for each verified delivery: `apply`, once per `svix-id`. */
export const onMessage = WebhookDeduplication.once((message: Webhooks.Message) => apply(message.event))

/** The route Clerk's endpoint points at: `POST /webhooks/clerk` (signing secret: `CLERK_WEBHOOK_SIGNING_SECRET`). */
export const router = HttpRouter.empty.pipe(HttpRouter.post("/webhooks/clerk", Webhooks.handler({ onMessage })))

const Row = Schema.Struct({
  id: Schema.String,
  email: Schema.NullOr(Schema.String),
  firstName: Schema.NullOr(Schema.String),
  lastName: Schema.NullOr(Schema.String),
  banned: Schema.BooleanFromUnknown,
  locked: Schema.BooleanFromUnknown,
  publicMetadata: Schema.parseJson(Schema.Record({ key: Schema.String, value: Schema.Unknown })),
  privateMetadata: Schema.parseJson(Schema.Record({ key: Schema.String, value: Schema.Unknown })),
  updatedAt: Schema.Number
})

/** The users the table holds (tombstones left out), by id. */
export const list: Effect.Effect<ReadonlyArray<LocalUser>, SqlError | ParseError, SqlClient.SqlClient> = Effect
  .flatMap(
    SqlClient.SqlClient,
    (sql) =>
      Effect.flatMap(
        sql`SELECT id, email, first_name, last_name, banned, locked, public_metadata, private_metadata, updated_at
          FROM users WHERE deleted = 0 ORDER BY id`,
        Schema.decodeUnknown(Schema.Array(Row))
      )
  )

/** The ids of the tombstones (users deleted, or whose deletion arrived first). */
export const deletedIds: Effect.Effect<ReadonlyArray<string>, SqlError, SqlClient.SqlClient> = Effect.flatMap(
  SqlClient.SqlClient,
  (sql) =>
    Effect.map(
      sql<{ readonly id: string }>`SELECT id FROM users WHERE deleted = 1 ORDER BY id`,
      (rows) => rows.map((row) => row.id)
    )
)

/**
 * The database: libSQL at `url` (`file::memory:` for a fresh database in memory, `file:/path/users.db` for a
 * file), result columns in camelCase, the table created.
 */
export const layerDatabase = (url = "file::memory:"): Layer.Layer<SqlClient.SqlClient, SqlError> =>
  Layer.effectDiscard(migrate).pipe(
    Layer.provideMerge(LibsqlClient.layer({ url, transformResultNames: Str.snakeToCamel }))
  )
