/**
 * Compile-time checks, run by `pnpm check` (tsc): the kernel's plain types are the types core's Schemas decode,
 * so a value the kernel builds is a value the client reads.
 */
import type { ClerkApiError } from "@effect-clerk/core/ClerkError"
import type { ErrorCatalogue } from "@effect-clerk/kernel"

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false
const assertType = <T extends true>(_proof?: T) => undefined

assertType<Equals<ErrorCatalogue.ApiError, ClerkApiError>>()
