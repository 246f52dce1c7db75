/**
 * The contract scenarios are well-formed (names unique, every reference to an earlier step's value, every
 * operation key a known operation), and the functions a line interprets them with behave.
 */
import { describe, expect, it } from "@effect/vitest"
import { Operations, Result, Scenarios } from "../src/index.js"

/** The keys of the kernel's operation table. */
const operationKeys: ReadonlyArray<string> = Object.keys(Operations.operations)

const stepName = (step: Scenarios.Step) => step._tag === "EveryStatus" ? `every status of ${step.operation}` : step.name

describe("Scenarios", () => {
  it("has scenarios, with unique names", () => {
    const names = Scenarios.all.map((scenario) => scenario.name)
    expect(names.length).toBeGreaterThan(0)
    expect(new Set(names).size).toBe(names.length)
  })

  it.each(Scenarios.all.map((scenario) => [scenario.name, scenario] as const))(
    "%s: step names and bound names are unique",
    (_, scenario) => {
      const names = scenario.steps.map(stepName)
      expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([])
      const binds = scenario.steps.flatMap((step) => "bind" in step && step.bind !== undefined ? [step.bind] : [])
      expect(binds.filter((name, i) => binds.indexOf(name) !== i)).toEqual([])
    }
  )

  it.each(Scenarios.all.map((scenario) => [scenario.name, scenario] as const))(
    "%s: every reference points to a value an earlier step bound",
    (_, scenario) => {
      const bound = new Set<string>()
      const dangling: Array<string> = []
      for (const step of scenario.steps) {
        for (const reference of Scenarios.referencesOf(step)) {
          if (!bound.has(reference.bind)) dangling.push(`${stepName(step)} -> ${reference.bind}`)
        }
        if ("bind" in step && step.bind !== undefined) bound.add(step.bind)
      }
      expect(dangling).toEqual([])
    }
  )

  it("every operation key is a known operation, and every operation is called and has its statuses injected", () => {
    const steps = Scenarios.all.flatMap((scenario) => scenario.steps)
    const used = steps.flatMap((step) => {
      const operation = Scenarios.operationOf(step)
      return operation === undefined ? [] : [operation]
    })
    expect(operationKeys.length).toBe(39)
    expect(used.filter((key) => !Operations.isOperationKey(key))).toEqual([])
    const called = new Set<string>(steps.flatMap((step) => step._tag === "Call" ? [step.operation] : []))
    const injected = new Set<string>(steps.flatMap((step) => step._tag === "EveryStatus" ? [step.operation] : []))
    expect(operationKeys.filter((key) => !called.has(key))).toEqual([])
    expect(operationKeys.filter((key) => !injected.has(key))).toEqual([])
  })

  it("the retry scenario runs under retry rules; each of its faulted calls says how many requests it makes", () => {
    expect(Scenarios.retries.retry).toEqual({ retries: 2, maxRetryAfterSeconds: 60 })
    const faulted = Scenarios.retries.steps.filter((step) => step._tag === "Call" && step.fault !== undefined)
    expect(faulted.length).toBeGreaterThanOrEqual(10)
    expect(faulted.filter((step) => step._tag === "Call" && step.calls === undefined).map(stepName)).toEqual([])
    // every outcome the rules distinguish: retried to a success, retried until they run out, not retried
    const counts = new Set(faulted.map((step) => step._tag === "Call" ? step.calls : undefined))
    expect([...counts].sort()).toEqual([1, 2, 3])
    expect(JSON.parse(JSON.stringify(Scenarios.retries))).toEqual(Scenarios.retries)
  })

  it("a refused scenario has no steps; the others have some", () => {
    for (const scenario of Scenarios.all) {
      expect(scenario.steps.length === 0, scenario.name).toBe(scenario.refused === true)
    }
  })

  it("the scenarios are plain data: they survive a JSON round trip, bytes and NaN aside", () => {
    const lifecycle = JSON.parse(JSON.stringify(Scenarios.lifecycle))
    expect(lifecycle.steps.map((step: Scenarios.Step) => stepName(step))).toEqual(
      Scenarios.lifecycle.steps.map(stepName)
    )
    expect(JSON.parse(JSON.stringify(Scenarios.everyFault))).toEqual(Scenarios.everyFault)
  })
})

describe("resolve", () => {
  const bindings = new Map<string, unknown>([["ada", { id: "user_1", passkeys: [{ id: "idn_1" }] }]])

  it("replaces references, joins texts, makes bytes", () => {
    const arg: Scenarios.Arg = {
      userId: Scenarios.ref("ada", "id"),
      passkey: Scenarios.ref("ada", "passkeys", 0, "id"),
      exclude: [Scenarios.text("-", Scenarios.ref("ada", "id"))],
      data: Scenarios.bytes(1, 2),
      plain: { n: 1, s: "x", z: null }
    }
    expect(Scenarios.resolve(arg, bindings)).toEqual(Result.ok({
      userId: "user_1",
      passkey: "idn_1",
      exclude: ["-user_1"],
      data: new Uint8Array([1, 2]),
      plain: { n: 1, s: "x", z: null }
    }))
  })

  it("fails on a name nothing bound, a missing field, a missing element", () => {
    expect(Scenarios.resolve(Scenarios.ref("bob", "id"), bindings)).toEqual(Result.err("nothing is bound as bob"))
    expect(Result.isErr(Scenarios.resolve(Scenarios.ref("ada", "name"), bindings))).toBe(true)
    expect(Result.isErr(Scenarios.resolve(Scenarios.ref("ada", "passkeys", 3, "id"), bindings))).toBe(true)
  })
})

describe("checkValue", () => {
  const bindings = new Map<string, unknown>([["ada", { id: "user_1" }]])
  const check = (shape: Scenarios.Shape, actual: unknown) => Scenarios.checkValue(shape, actual, bindings)

  it("objects name some fields, arrays have the exact length, primitives and references are equal", () => {
    expect(check({ id: Scenarios.ref("ada", "id") }, { id: "user_1", extra: 1 })).toEqual(Result.ok(undefined))
    expect(check([{ id: "a" }, {}], [{ id: "a", n: 1 }, { id: "b" }])).toEqual(Result.ok(undefined))
    expect(check(3, 3)).toEqual(Result.ok(undefined))
    expect(check(null, null)).toEqual(Result.ok(undefined))
    expect(check(null, undefined)).toEqual(Result.err(["value: expected null, got undefined"]))
    expect(check(3, 4)).toEqual(Result.err(["value: expected 3, got 4"]))
    expect(check([{ id: "a" }], [{ id: "a" }, { id: "b" }])._tag).toBe("Err")
    expect(check({ id: Scenarios.ref("ada", "id") }, { id: "user_2" })).toEqual(
      Result.err(["value.id: expected \"user_1\", got \"user_2\""])
    )
    expect(check({ missing: 1 }, {})).toEqual(Result.err(["value.missing: missing"]))
  })

  it("exact values admit no extra field; patterns match strings", () => {
    expect(check({ m: Scenarios.exact({ a: 1 }) }, { m: { a: 1 } })).toEqual(Result.ok(undefined))
    expect(check({ m: Scenarios.exact({ a: 1 }) }, { m: { a: 1, b: 2 } })._tag).toBe("Err")
    expect(check(Scenarios.exact({}), {})).toEqual(Result.ok(undefined))
    expect(check(Scenarios.pattern("^[A-Z]{2}$"), "AB")).toEqual(Result.ok(undefined))
    expect(check(Scenarios.pattern("^[A-Z]{2}$"), "ABC")._tag).toBe("Err")
    expect(check(Scenarios.pattern("^[A-Z]{2}$"), 12)._tag).toBe("Err")
  })
})

describe("checkError", () => {
  const observed: Scenarios.ObservedError = {
    tag: "UnprocessableEntity",
    status: 422,
    codes: ["form_identifier_exists", "other"],
    longMessage: "taken"
  }

  it("compares the tag and whatever else the failure names", () => {
    const expected = (failure: Omit<Scenarios.Failure, "_tag">): Scenarios.Failure => ({ _tag: "Failure", ...failure })
    expect(Scenarios.checkError(expected({ tag: "UnprocessableEntity" }), observed)).toEqual(Result.ok(undefined))
    expect(Scenarios.checkError(expected({ tag: "UnprocessableEntity", codes: ["other"], status: 422 }), observed))
      .toEqual(Result.ok(undefined))
    expect(Scenarios.checkError(expected({ tag: "BadRequest" }), observed)._tag).toBe("Err")
    expect(Scenarios.checkError(expected({ tag: "UnprocessableEntity", status: 400 }), observed)._tag).toBe("Err")
    expect(Scenarios.checkError(expected({ tag: "UnprocessableEntity", codes: ["x"] }), observed)._tag).toBe("Err")
    expect(Scenarios.checkError(expected({ tag: "UnprocessableEntity", longMessage: "no" }), observed)._tag).toBe("Err")
    expect(Scenarios.checkError(expected({ tag: "UnprocessableEntity", field: "params.x" }), observed)._tag).toBe("Err")
  })
})

describe("expandStatuses", () => {
  it("each documented status, 429, 503, the first undocumented client error, then a dropped connection", () => {
    const steps = Scenarios.expandStatuses(Scenarios.everyStatus("get", ["user_1"]), [400, 404])
    expect(steps.map((step) => [step.name, step.fault, step.outcome])).toEqual([
      ["get: injected 400", { _tag: "Status", status: 400 }, { _tag: "Failure", tag: "BadRequest" }],
      ["get: injected 404", { _tag: "Status", status: 404 }, { _tag: "Failure", tag: "ResourceNotFound" }],
      ["get: injected 429", { _tag: "RateLimited", retryAfterSeconds: 3 }, { _tag: "Failure", tag: "RateLimited" }],
      ["get: injected 503", { _tag: "Status", status: 503 }, { _tag: "Failure", tag: "ServerError" }],
      ["get: injected 401", { _tag: "Status", status: 401 }, { _tag: "Failure", tag: "UnexpectedStatus" }],
      ["get: dropped connection", { _tag: "Disconnect" }, { _tag: "Failure", tag: "TransportError" }]
    ])
    expect(steps.every((step) => step.operation === "get" && step.args[0] === "user_1")).toBe(true)
  })
})

describe("normalizer and masked", () => {
  it("labels generated ids by first appearance, across values of one run", () => {
    const normalize = Scenarios.normalizer()
    const ada = "user_2" + "a".repeat(26)
    const org = "org_2" + "b".repeat(26)
    expect(normalize({ id: ada, org })).toEqual({ id: "<user#0>", org: "<org#1>" })
    expect(normalize([ada, "user_missing"])).toEqual(["<user#0>", "user_missing"])
    expect(normalize(undefined)).toBeUndefined()
  })

  it("masks the named fields of an object", () => {
    expect(Scenarios.masked({ secret: "S", uri: "U", id: 1 }, ["secret", "uri", "absent"])).toEqual({
      secret: "<secret>",
      uri: "<uri>",
      id: 1
    })
    expect(Scenarios.masked("plain", ["secret"])).toBe("plain")
  })
})
