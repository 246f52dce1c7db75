/**
 * A loopback HTTP server serving precomputed Clerk payloads, so that every client variant reads the same bytes.
 */
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { pageJson, userJson } from "./fixtures.js"

export const serveFixtures = async () => {
  const user = userJson(1)
  const page = pageJson(0, 500)
  const count = JSON.stringify({ object: "total_count", total_count: 100_000 })
  const server = createServer((request, response) => {
    const url = request.url ?? ""
    const body = url.startsWith("/v1/users/count")
      ? count
      : url.startsWith("/v1/users?")
      ? page
      : url.startsWith("/v1/users/")
      ? user
      : undefined
    if (body === undefined) {
      response.writeHead(404, { "content-type": "application/json" }).end("{\"errors\":[]}")
      return
    }
    response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) })
    response.end(body)
  })
  server.keepAliveTimeout = 60_000
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    userBytes: Buffer.byteLength(user),
    pageBytes: Buffer.byteLength(page),
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
