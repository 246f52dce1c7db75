import { ClerkEmulator } from "@effect-clerk/testkit"
import { FetchHttpClient } from "@effect/platform"

// in process, no sockets: Users.layer over an HttpClient answered by the emulator
export const InProcess = ClerkEmulator.layerUsers()

// over a real loopback port (any client can reach emulator.apiUrl); the client's ClerkConfig options in `config`
export const OverHttp = ClerkEmulator.layerUsers({
  config: { timeout: "5 seconds" },
  transport: ClerkEmulator.loopback(FetchHttpClient.layer)
})
