// The Effect 4 consumer's ES module program (run by scripts/test-consumer-effect4.mjs on Node 22, from the packed
// tarballs): @effect-clerk/core 1.x over effect/http's FetchHttpClient against a local node:http server that
// answers with the kernel's wire fixtures, as Clerk would. Prints one JSON line the script compares.
import * as ClerkConfig from "@effect-clerk/core/ClerkConfig"
import * as Users from "@effect-clerk/core/Users"
import * as Fixtures from "@effect-clerk/kernel/Fixtures"
import * as Effect from "effect/Effect"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as Layer from "effect/Layer"
import * as http from "node:http"

const seen = []
const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://127.0.0.1")
  seen.push(`${request.method} ${url.pathname} ${request.headers.authorization === "Bearer sk_test_consumer"}`)
  const send = (status, body) => {
    response.writeHead(status, { "content-type": "application/json" })
    response.end(JSON.stringify(body))
  }
  if (url.pathname === "/v1/users") return send(200, [Fixtures.userFull, Fixtures.userMinimal])
  if (url.pathname === "/v1/users/user_missing") return send(404, Fixtures.clerkErrorBody(404))
  const match = /^\/v1\/users\/([^/]+)$/.exec(url.pathname)
  if (match !== null) return send(200, { ...Fixtures.userFull, id: match[1] })
  return send(404, Fixtures.clerkErrorBody(404))
})
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve))
const apiUrl = `http://127.0.0.1:${server.address().port}/v1`

const UsersLive = Users.layer.pipe(
  Layer.provide(ClerkConfig.layer({ secretKey: "sk_test_consumer", apiUrl })),
  Layer.provide(FetchHttpClient.layer)
)

const program = Effect.gen(function*() {
  const users = yield* Users.Users
  const one = yield* users.get("user_consumer")
  const all = yield* users.list({ limit: 2 })
  const missing = yield* Effect.flip(users.get("user_missing"))
  return { id: one.id, listed: all.length, firstName: all[0]?.firstName ?? null, missing: missing._tag }
})

try {
  const result = await Effect.runPromise(program.pipe(Effect.provide(UsersLive)))
  console.log(JSON.stringify({ ...result, requests: seen }))
} finally {
  server.close()
}
