/**
 * Decoders and encoders compiled from a schema's AST, for the hot paths: decoding responses in the client,
 * encoding responses in the emulator. One cache holds both, per schema.
 *
 * Effect's generic codec interprets the AST on every value and allocates a `ParseResult` per node; for a page
 * of 500 users that is most of the cost of a request. The compiled codec walks the same AST once, at
 * construction, and produces functions that check exactly what the schema checks (types, literals,
 * refinements, required and optional keys, key renames) and build the same output. Structs are generated as
 * code (property names as literals, simple checks inlined) where the runtime allows `new Function`, and are
 * closures elsewhere. The output has the same keys and values as Effect's, with one deliberate difference: an
 * own `__proto__` key of the input is kept as an ordinary key (Effect's decoder drops it).
 *
 * It never decides a failure on its own: when a value does not pass, it returns `FAIL` and the caller runs
 * Effect's codec for the authoritative `ParseError` (and its result, should the two ever disagree). Nodes it
 * does not know (declarations, suspensions, effectful transformations...) are delegated to Effect, so any
 * schema compiles; `delegatedNodes` lists them, so that tests can insist the main schemas compile fully.
 *
 * @internal
 */
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"

/** @internal */
export const FAIL: unique symbol = Symbol.for("@effect-clerk/core/codec/FAIL")

type Codec = (input: unknown) => unknown
type Direction = "decode" | "encode"

const parseOptions: AST.ParseOptions = { onExcessProperty: "ignore" }

const hasOwn = Object.prototype.hasOwnProperty

/** Assigns without ever reaching a prototype setter (a `__proto__` key stays an ordinary key). */
const assign = (target: Record<PropertyKey, unknown>, key: PropertyKey, value: unknown) => {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
  } else {
    target[key] = value
  }
}

/** What one compilation saw: the nodes it had to hand to Effect's codec. */
interface Context {
  readonly delegated: Array<AST.AST>
}

const delegate = (ast: AST.AST, direction: Direction, context: Context): Codec => {
  context.delegated.push(ast)
  const schema = Schema.make(ast)
  const run = direction === "decode"
    ? ParseResult.decodeUnknownEither(schema, parseOptions)
    : ParseResult.encodeUnknownEither(schema, parseOptions)
  return (input) => {
    const result = run(input)
    return Either.isRight(result) ? result.right : FAIL
  }
}

interface Field {
  /** The key read from the input. */
  readonly read: PropertyKey
  /** The key written to the output. */
  readonly write: PropertyKey
  readonly codec: Codec
  readonly optional: boolean
  /** A JavaScript condition on `v` standing for the codec, when the value passes through unchanged. */
  readonly check: string | undefined
}

/**
 * A JavaScript condition on `v` that holds exactly when the value passes `ast` unchanged, for the node kinds
 * that can be checked inline (primitives, literals, unions of those). Identical in both directions.
 */
const inlineCheck = (ast: AST.AST): string | undefined => {
  switch (ast._tag) {
    case "StringKeyword":
      return "typeof v === \"string\""
    case "NumberKeyword":
      return "typeof v === \"number\""
    case "BooleanKeyword":
      return "typeof v === \"boolean\""
    case "UnknownKeyword":
    case "AnyKeyword":
      return "true"
    case "Literal":
      return ast.literal === null || typeof ast.literal === "string" || typeof ast.literal === "boolean" ||
          (typeof ast.literal === "number" && Number.isFinite(ast.literal))
        ? `v === ${JSON.stringify(ast.literal)}`
        : undefined
    case "Union": {
      const members = ast.types.map(inlineCheck)
      return members.every((m) => m !== undefined) ? `(${members.join(" || ")})` : undefined
    }
    default:
      return undefined
  }
}

const closureStruct = (fields: ReadonlyArray<Field>): Codec => {
  const n = fields.length
  const read = fields.map((f) => f.read)
  const write = fields.map((f) => f.write)
  const codecs = fields.map((f) => f.codec)
  const optional = fields.map((f) => f.optional)
  const inheritable = read.map((key) => key in Object.prototype)
  return (input) => {
    if (typeof input !== "object" || input === null || Array.isArray(input)) return FAIL
    const source = input as Record<PropertyKey, unknown>
    const output: Record<PropertyKey, unknown> = {}
    for (let i = 0; i < n; i++) {
      const key = read[i]!
      const raw = source[key]
      // JSON has no undefined: ask whether the key is really there only then, or when a prototype could answer
      if ((raw === undefined || inheritable[i]) && !hasOwn.call(source, key)) {
        if (optional[i]) continue
        return FAIL
      }
      const value = codecs[i]!(raw)
      if (value === FAIL) return FAIL
      assign(output, write[i]!, value)
    }
    return output
  }
}

let codegenAvailable: boolean | undefined

/** The struct as generated code, or `undefined` where the runtime forbids code generation. */
const generatedStruct = (fields: ReadonlyArray<Field>): Codec | undefined => {
  if (codegenAvailable === false) return undefined
  if (fields.some((f) => typeof f.read !== "string" || typeof f.write !== "string")) return undefined
  // read and check every field into locals first, then build the object: the required fields, then the optional
  // ones that are present. Built from an empty `{}`, not one literal of the required fields: a literal is an
  // allocation site, which V8 pretenures (allocates straight in the old generation) once its objects have been
  // seen to survive, say while an application keeps some pages; every later page then stays in the heap until a
  // full collection (measured: the 100,000-user walk after the loopback benchmarks peaked at 75 MB, 22 MB this
  // way, and the decode is no slower)
  const lines: Array<string> = [
    "return function struct(input) {",
    "if (typeof input !== \"object\" || input === null || Array.isArray(input)) return FAIL;",
    `var v, ${fields.map((_, i) => `v${i}`).join(", ")};`
  ]
  const required: Array<string> = []
  const optionals: Array<string> = []
  fields.forEach((field, i) => {
    const read = JSON.stringify(field.read)
    const write = JSON.stringify(field.write)
    const missing = `!hasOwn.call(input, ${read})`
    lines.push(`v = input[${read}];`)
    lines.push(
      `if (${(field.read as string) in Object.prototype ? `!(${missing})` : `v !== undefined || !(${missing})`}) {`
    )
    lines.push(
      field.check !== undefined ? `if (!(${field.check})) return FAIL;` : `v = c${i}(v); if (v === FAIL) return FAIL;`
    )
    lines.push(`v${i} = v;`)
    if (field.optional) {
      lines.push(`} else v${i} = FAIL;`)
      optionals.push(
        field.write === "__proto__"
          ? `if (v${i} !== FAIL) define(o, ${write}, v${i});`
          : `if (v${i} !== FAIL) o[${write}] = v${i};`
      )
    } else {
      lines.push("} else return FAIL;")
      if (field.write === "__proto__") optionals.push(`define(o, ${write}, v${i});`)
      else required.push(`o[${write}] = v${i};`)
    }
  })
  lines.push("var o = {};")
  for (const line of required) lines.push(line)
  for (const line of optionals) lines.push(line)
  lines.push("return o;", "};")
  try {
    const factory = new Function("FAIL", "hasOwn", "define", ...fields.map((_, i) => `c${i}`), lines.join("\n")) as (
      ...args: ReadonlyArray<unknown>
    ) => Codec
    codegenAvailable = true
    return factory(FAIL, hasOwn, assign, ...fields.map((f) => f.codec))
  } catch {
    codegenAvailable = false
    return undefined
  }
}

const struct = (fields: ReadonlyArray<Field>): Codec => generatedStruct(fields) ?? closureStruct(fields)

/**
 * Whether decoding and encoding `ast` return their input unchanged (only checks, no renames, no transformed
 * values, no stripped keys): such a subtree is validated and passed through instead of copied, which is most of
 * the allocation saved on metadata and lists of strings.
 */
const isIdentity = (ast: AST.AST): boolean => {
  switch (ast._tag) {
    case "StringKeyword":
    case "NumberKeyword":
    case "BooleanKeyword":
    case "UnknownKeyword":
    case "AnyKeyword":
    case "Literal":
      return true
    case "Union":
      return ast.types.every(isIdentity)
    case "TupleType":
      return ast.elements.length === 0 && ast.rest.length === 1 && isIdentity(ast.rest[0]!.type)
    case "TypeLiteral":
      return ast.propertySignatures.length === 0 && ast.indexSignatures.length === 1 &&
        ast.indexSignatures[0]!.parameter._tag === "StringKeyword" && isIdentity(ast.indexSignatures[0]!.type)
    default:
      return false
  }
}

const record = (value: Codec, identity: boolean, passThrough: boolean): Codec => (input) => {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return FAIL
  const source = input as Record<string, unknown>
  const keys = Object.keys(source)
  if (identity) {
    if (!passThrough) { for (let i = 0; i < keys.length; i++) if (value(source[keys[i]!]) === FAIL) return FAIL }
    return source
  }
  const output: Record<string, unknown> = {}
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!
    const v = passThrough ? source[key] : value(source[key])
    if (v === FAIL) return FAIL
    assign(output, key, v)
  }
  return output
}

/** The property signatures of a type literal without index signatures, or `undefined`. */
const propertiesOf = (ast: AST.AST): ReadonlyArray<AST.PropertySignature> | undefined =>
  ast._tag === "TypeLiteral" && ast.indexSignatures.length === 0 ? ast.propertySignatures : undefined

const field = (
  read: PropertyKey,
  write: PropertyKey,
  ast: AST.AST,
  optional: boolean,
  direction: Direction,
  context: Context
): Field => ({ read, write, codec: compileNode(ast, direction, context), optional, check: inlineCheck(ast) })

/**
 * A `Schema.transform`: the `from` side compiled, the transformation's own function, the `to` side compiled.
 * A transformation that does not answer synchronously with a success (an effectful or failing one) is a FAIL,
 * for Effect's codec to decide.
 */
const final = (
  ast: AST.Transformation,
  transformation: AST.FinalTransformation,
  direction: Direction,
  context: Context
): Codec => {
  const from = compileNode(ast.from, direction, context)
  const to = compileNode(ast.to, direction, context)
  const run = (f: AST.FinalTransformation["decode"], input: unknown, original: unknown) => {
    const result = f(input, parseOptions, ast, original)
    return Either.isEither(result) && Either.isRight(result) ? result.right : FAIL
  }
  return direction === "decode"
    ? (u) => {
      const a = from(u)
      if (a === FAIL) return FAIL
      const b = run(transformation.decode, a, u)
      return b === FAIL ? FAIL : to(b)
    }
    : (u) => {
      const a = to(u)
      if (a === FAIL) return FAIL
      const b = run(transformation.encode, a, u)
      return b === FAIL ? FAIL : from(b)
    }
}

const compileNode = (ast: AST.AST, direction: Direction, context: Context): Codec => {
  switch (ast._tag) {
    case "StringKeyword":
    case "NumberKeyword":
    case "BooleanKeyword":
    case "UnknownKeyword":
    case "AnyKeyword": {
      const kind = ast._tag === "StringKeyword"
        ? "string"
        : ast._tag === "NumberKeyword"
        ? "number"
        : ast._tag === "BooleanKeyword"
        ? "boolean"
        : undefined
      return kind === undefined ? (u) => u : (u) => (typeof u === kind ? u : FAIL)
    }
    case "Literal": {
      const literal = ast.literal
      return (u) => (u === literal ? u : FAIL)
    }
    case "Union": {
      const members = ast.types.map((member) => compileNode(member, direction, context))
      return (u) => {
        for (let i = 0; i < members.length; i++) {
          const out = members[i]!(u)
          if (out !== FAIL) return out
        }
        return FAIL
      }
    }
    case "Refinement": {
      const from = compileNode(ast.from, direction, context)
      const refinement = ast
      const passes = (value: unknown) => Option.isNone(refinement.filter(value, parseOptions, refinement))
      // decoding refines what `from` produced; encoding refines the input, then encodes it with `from`
      return direction === "decode"
        ? (u) => {
          const value = from(u)
          return value !== FAIL && passes(value) ? value : FAIL
        }
        : (u) => (passes(u) ? from(u) : FAIL)
    }
    case "TupleType": {
      if (ast.elements.length > 0 || ast.rest.length !== 1) return delegate(ast, direction, context)
      const item = compileNode(ast.rest[0]!.type, direction, context)
      if (isIdentity(ast.rest[0]!.type)) {
        return (u) => {
          if (!Array.isArray(u)) return FAIL
          for (let i = 0; i < u.length; i++) if (item(u[i]) === FAIL) return FAIL
          return u
        }
      }
      return (u) => {
        if (!Array.isArray(u)) return FAIL
        const out = new Array(u.length)
        for (let i = 0; i < u.length; i++) {
          const value = item(u[i])
          if (value === FAIL) return FAIL
          out[i] = value
        }
        return out
      }
    }
    case "TypeLiteral": {
      if (ast.propertySignatures.length === 0 && ast.indexSignatures.length === 1) {
        const signature = ast.indexSignatures[0]!
        if (signature.parameter._tag !== "StringKeyword") return delegate(ast, direction, context)
        const value = signature.type
        return record(
          compileNode(value, direction, context),
          isIdentity(value),
          value._tag === "UnknownKeyword" || value._tag === "AnyKeyword"
        )
      }
      const properties = propertiesOf(ast)
      if (properties === undefined) return delegate(ast, direction, context)
      return struct(properties.map((ps) => field(ps.name, ps.name, ps.type, ps.isOptional, direction, context)))
    }
    case "Transformation": {
      // a struct with renamed keys (`Schema.fromKey`): the encoded side's keys and value schemas, the type's keys
      if (ast.transformation._tag === "FinalTransformation") return final(ast, ast.transformation, direction, context)
      const from = propertiesOf(ast.from)
      const to = propertiesOf(ast.to)
      if (ast.transformation._tag !== "TypeLiteralTransformation" || from === undefined || to === undefined) {
        return delegate(ast, direction, context)
      }
      const encodedKeyOf = new Map<PropertyKey, PropertyKey>()
      for (const pst of ast.transformation.propertySignatureTransformations) {
        // only pure renames are compiled; a transformation of values is Effect's to run
        const probe = pst.decode(Option.some(FAIL))
        if (Option.isNone(probe) || probe.value !== FAIL) return delegate(ast, direction, context)
        encodedKeyOf.set(pst.to, pst.from)
      }
      const encoded = new Map(from.map((ps) => [ps.name, ps]))
      const fields: Array<Field> = []
      for (const target of to) {
        const source = encoded.get(encodedKeyOf.get(target.name) ?? target.name)
        if (source === undefined) return delegate(ast, direction, context)
        fields.push(
          direction === "decode"
            ? field(source.name, target.name, source.type, source.isOptional, direction, context)
            : field(target.name, source.name, source.type, source.isOptional, direction, context)
        )
      }
      return struct(fields)
    }
    default:
      return delegate(ast, direction, context)
  }
}

const compileWith = (schema: Schema.Schema.AnyNoContext, direction: Direction) => {
  const context: Context = { delegated: [] }
  return { codec: compileNode(schema.ast, direction, context), delegated: context.delegated }
}

/**
 * Compiles the decoder of a schema: the decoded value, or `FAIL`.
 *
 * @internal
 */
export const compile = <A, I>(schema: Schema.Schema<A, I>): (input: unknown) => A | typeof FAIL =>
  compileWith(schema, "decode").codec as (input: unknown) => A | typeof FAIL

/**
 * Compiles the encoder of a schema: the encoded value, or `FAIL`.
 *
 * @internal
 */
export const compileEncoder = <A, I>(schema: Schema.Schema<A, I>): (input: unknown) => I | typeof FAIL =>
  compileWith(schema, "encode").codec as (input: unknown) => I | typeof FAIL

/**
 * The nodes of a schema that the compiled codec does not compile itself and hands to Effect's (slower) codec,
 * in each direction, described by their AST tag and identifier.
 *
 * @internal
 */
export const delegatedNodes = (
  schema: Schema.Schema.AnyNoContext
): { readonly decode: ReadonlyArray<string>; readonly encode: ReadonlyArray<string> } => {
  const describe = (ast: AST.AST) =>
    Option.match(AST.getIdentifierAnnotation(ast), { onNone: () => ast._tag, onSome: (id) => `${ast._tag} ${id}` })
  return {
    decode: compileWith(schema, "decode").delegated.map(describe),
    encode: compileWith(schema, "encode").delegated.map(describe)
  }
}

type Decoder = (u: unknown) => Either.Either<unknown, ParseResult.ParseError>
type Encoder = (value: unknown) => Either.Either<unknown, ParseResult.ParseError>

const cache = new WeakMap<object, { decoder?: Decoder; encoder?: Encoder }>()
const entryOf = (schema: object) => {
  let entry = cache.get(schema)
  if (entry === undefined) {
    entry = {}
    cache.set(schema, entry)
  }
  return entry
}

/**
 * The decoder of a schema (compiled once, cached): the compiled fast path, and Effect's decoder whenever the
 * fast path does not accept the value (for the authoritative error, or result). Unknown keys are ignored.
 *
 * @internal
 */
export const decoderFor = <A, I>(
  schema: Schema.Schema<A, I>
): (u: unknown) => Either.Either<A, ParseResult.ParseError> => {
  const entry = entryOf(schema)
  if (entry.decoder === undefined) {
    const fast = compile(schema)
    const slow = Schema.decodeUnknownEither(schema, parseOptions)
    entry.decoder = (u) => {
      const value = fast(u)
      return value === FAIL ? slow(u) : Either.right(value)
    }
  }
  return entry.decoder as (u: unknown) => Either.Either<A, ParseResult.ParseError>
}

/**
 * The encoder of a schema (compiled once, cached): the compiled fast path, and Effect's encoder whenever the
 * fast path does not accept the value (for the authoritative error, or result).
 *
 * @internal
 */
export const encoderFor = <A, I>(
  schema: Schema.Schema<A, I>
): (value: A) => Either.Either<I, ParseResult.ParseError> => {
  const entry = entryOf(schema)
  if (entry.encoder === undefined) {
    const fast = compileEncoder(schema)
    const slow = Schema.encodeEither(schema, parseOptions) as Encoder
    entry.encoder = (value) => {
      const encoded = fast(value)
      return encoded === FAIL ? slow(value) : Either.right(encoded)
    }
  }
  return entry.encoder as (value: A) => Either.Either<I, ParseResult.ParseError>
}
