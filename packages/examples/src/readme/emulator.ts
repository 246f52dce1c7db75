import { ClerkConfig, Users } from "@effect-clerk/core"
import { ClerkEmulator } from "@effect-clerk/testkit"
import { FetchHttpClient } from "@effect/platform"
import { Effect, Layer } from "effect"

// in process, no sockets: Users.layer over an HttpClient answered by the emulator
export const InProcess = ClerkEmulator.layerUsers()

// over a real loopback port (any client can reach emulator.apiUrl)
export const OverHttp = Layer.unwrapEffect(Effect.map(ClerkEmulator.ClerkEmulator, (emulator) =>
  Users.layer.pipe(
    Layer.provide(ClerkConfig.layer({ secretKey: emulator.secretKey, apiUrl: emulator.apiUrl })),
    Layer.provide(FetchHttpClient.layer)
  ))).pipe(Layer.provideMerge(ClerkEmulator.layerServer({ port: 0 })))
