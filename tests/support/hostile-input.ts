// fast-check arbitraries for what a browser, a script or an upstream system may send instead of a well-formed
// request: wrong types, huge and odd strings, numbers no id can be, invalid dates, nested objects, and requests
// that are nearly right (the right fields, some of them garbage) so that checks past the first one are reached.
// Random runs rarely hit a boundary such as 2^31, so boundaryExamples() also tries the sharpest boundaries in
// each field.
import fc from "fast-check";

/** Far beyond every length limit (the largest is 20,000 characters), yet cheap to hash in every fingerprint. */
const HUGE = "帐".repeat(30_000);

const EDGE_NUMBERS = [NaN, Infinity, -Infinity, -1, 0, 1.5, 2 ** 31, 2 ** 53, Number.MAX_VALUE];
const EDGE_STRINGS = [
  "",
  " ",
  "\u0000",
  "\uD800",
  '\'; DROP TABLE "User"; --',
  "<x>&</x>",
  "2026-02-30",
  "NaN",
  "-1",
  "2147483648",
  "99999999999999999999",
  "１２３４５６７８９０",
  "𠀀𠀁𠀂",
  HUGE,
];
const EDGE_OTHERS: unknown[] = [null, undefined, {}, [], true, new Date(Number.NaN)];

export const hostileString = fc.oneof(
  fc.constantFrom(...EDGE_STRINGS),
  fc.stringMatching(/^-?\d{1,25}$/),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
);

export const hostileNumber = fc.oneof(fc.constantFrom(...EDGE_NUMBERS), fc.maxSafeInteger(), fc.double());

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.constantFrom(...EDGE_OTHERS),
  fc.bigInt(),
  fc.date(),
  fc.anything({ maxDepth: 2, withBigInt: true, withDate: true, withNullPrototype: true, withMap: true, withSet: true, withTypedArray: true }),
  fc.array(fc.oneof(hostileString, hostileNumber), { maxLength: 5 }),
);

/** Garbage of the value's own type more often than not (so that the check behind the type check is reached). */
const mutationOf = (value: unknown): fc.Arbitrary<unknown> =>
  typeof value === "number"
    ? fc.oneof(hostileNumber, hostileNumber, hostileValue)
    : typeof value === "string"
      ? fc.oneof(hostileString, hostileString, hostileValue)
      : hostileValue;

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Objects with the fields of `sample`, each either its sample value or garbage, some missing, some extra. */
export function nearly(sample: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.fromEntries(Object.entries(sample).map(([key, value]) => [key, fc.oneof(fc.constant(value), mutationOf(value))]));
  return fc
    .tuple(fc.record(fields, { requiredKeys: [] }), fc.dictionary(hostileString, hostileValue, { maxKeys: 2 }))
    .map(([known, extra]) => ({ ...extra, ...known }));
}

type Path = (string | number)[];

/** The paths of the sample's leaves (values that are neither plain objects nor arrays), at any depth. */
function leafPaths(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => leafPaths(item, [...path, index]));
  if (isPlainObject(value)) return Object.entries(value).flatMap(([key, item]) => leafPaths(item, [...path, key]));
  return [path];
}

const leafAt = (value: unknown, path: Path): unknown => path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value);

/** A copy of `value` with the leaf at `path` replaced. */
function withLeaf(value: unknown, path: Path, leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [key, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, index) => (index === key ? withLeaf(item, rest, leaf) : item));
  const record = value as Record<string, unknown>;
  return { ...record, [key]: withLeaf(record[key], rest, leaf) };
}

/** The sample with one leaf garbage (of its own type more often than not), so that the other checks pass. */
export function oneFieldOff(sample: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .constantFrom(...leafPaths(sample))
    .chain((path) => mutationOf(leafAt(sample, path)).map((leaf) => withLeaf(sample, path, leaf) as Record<string, unknown>));
}

/** Anything at all, or nearly the sample. */
export const inputLike = (sample: Record<string, unknown>) => fc.oneof(hostileValue, nearly(sample));

/** What breaks code most often: past PostgreSQL's integer, not whole, empty, unstorable, huge, the wrong type. */
const SHARPEST_NUMBERS = [NaN, -1, 1.5, 2 ** 31, 2 ** 53];
const SHARPEST_STRINGS = ["", "\u0000", "\uD800", "2147483648", HUGE];
const SHARPEST_OTHERS = [null, {}];

/** The sample with one leaf (at any depth) replaced by each of the sharpest values of its type and of any type. */
export function boundaryExamples(sample: unknown): unknown[] {
  const boundaries = (value: unknown) => [
    ...(typeof value === "number" ? SHARPEST_NUMBERS : typeof value === "string" ? SHARPEST_STRINGS : []),
    ...SHARPEST_OTHERS,
  ];
  return leafPaths(sample).flatMap((path) => boundaries(leafAt(sample, path)).map((leaf) => withLeaf(sample, path, leaf)));
}

/** JSON of anything fast-check makes (a BigInt becomes its digits, as a lenient client would send it). */
export const toJson = (value: unknown): string => JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v)) ?? "";

/** A card proof: missing, garbage, or well-formed with a challenge and signature that are not real. */
export const hostileProof = fc.oneof(
  hostileValue,
  fc.record(
    {
      challengeId: fc.oneof(fc.uuid(), hostileString),
      cardNo: fc.oneof(fc.stringMatching(/^\d{13}$/), hostileString),
      signature: fc.oneof(fc.stringMatching(/^[0-9a-f]{16,200}$/), hostileString),
    },
    { requiredKeys: [] },
  ),
);
