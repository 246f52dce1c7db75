/**
 * Helpers for the tests that drive the emulator with Clerk's own `@clerk/backend` (any version): record which
 * methods of its `users` API a test calls, and list the methods it has.
 */

/** `users`, recording which methods are called. */
export const recording = <U extends object>(users: U, called: Set<string>): U =>
  new Proxy(users, {
    get: (target, name, receiver) => {
      const value = Reflect.get(target, name, receiver)
      if (typeof value !== "function") return value
      called.add(String(name))
      return value.bind(target)
    }
  })

/** The endpoint methods of a `users` API object (its prototype chain, without the base class's helpers). */
export const methodsOf = (users: object): ReadonlyArray<string> => {
  const names = new Set<string>()
  for (let proto = Object.getPrototypeOf(users); proto !== null && proto !== Object.prototype;) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name !== "constructor" && typeof Reflect.get(proto, name) === "function") names.add(name)
    }
    proto = Object.getPrototypeOf(proto)
  }
  // the helpers of its base class are not endpoints
  return [...names].filter((name) => !["request", "requireId"].includes(name))
}
