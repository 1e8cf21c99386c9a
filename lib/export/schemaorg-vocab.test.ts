/**
 * Checks the hand-written vocabulary fixture (tests/fixtures/schemaorg-vocab.json),
 * which tests/support/schemaorg-check.ts holds the ClaimReview export to,
 * against the official schema.org vocabulary as schema-dts ships it: Google's
 * package generates node_modules/schema-dts/dist/schema.d.ts from a schema.org
 * release. A mistake in the fixture would hide the same mistake in the export.
 *
 * The fixture may be narrower than schema.org (a missing domain or range only
 * makes the export check stricter) but never wider: every type exists with
 * exactly its direct supertypes, and every property exists, is not superseded,
 * is available on each type of its domainIncludes (declared there or inherited)
 * and takes each type of its rangeIncludes.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SCHEMAORG_VOCAB, type SchemaOrgVocab } from "@/tests/support/schemaorg-check";

const packageDir = path.dirname(createRequire(import.meta.url).resolve("schema-dts/package.json"));
const SCHEMA_DTS_VERSION = (JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string }).version;

type Property = { range: string[]; superseded: string | null };

/** What schema.d.ts declares, read from its text. */
type Dts = {
  /** `export type X = XLeaf | Sub | …`: each type and data type with its members (own Leaf, direct subtypes). */
  unions: Map<string, string[]>;
  /** Types whose comment says @deprecated, with what to use instead. */
  supersededTypes: Map<string, string>;
  /** The Base interfaces that `XBase` and `XLeaf` extend, by type name (keys "XBase", "XLeaf"). */
  extendsOf: Map<string, string[]>;
  /** The properties each type's Base interface declares. Types without properties of their own have no Base. */
  declared: Map<string, Map<string, Property>>;
};

/** Names of schema.org types in a union or `extends` list (generic arguments, literals and primitives dropped). */
const members = (list: string) =>
  list
    .split(/ \| |, /)
    .map((m) => m.replace(/<.*$/, ""))
    .filter((m) => /^\w+$/.test(m));

/** Other vocabularies schema.org maps its terms to (www_w3_org_…, spec_edmcouncil_org_…) and TS primitives. */
const foreign = (name: string) => /^[a-z]/.test(name);

/** The hint of an @deprecated tag ("Consider using https://schema.org/award instead."), if any. */
const deprecation = (comment: string) => comment.match(/@deprecated\s+(.*?)\s*(\*\/)?$/m)?.[1] ?? null;

function readSchemaDts(text: string): Dts {
  const dts: Dts = { unions: new Map(), supersededTypes: new Map(), extendsOf: new Map(), declared: new Map() };
  let comment = "";
  let inComment = false;
  let base: Map<string, Property> | null = null;
  for (const line of text.split("\n")) {
    const t = line.trim();
    if (inComment || t.startsWith("/**")) {
      comment = inComment ? `${comment}\n${t}` : t;
      inComment = !t.endsWith("*/");
      continue;
    }
    let m: RegExpMatchArray | null;
    if ((m = line.match(/^interface (\w+)Base extends (.+) \{$/))) {
      base = new Map();
      dts.declared.set(m[1]!, base);
      dts.extendsOf.set(
        `${m[1]}Base`,
        members(m[2]!)
          .filter((b) => b.endsWith("Base"))
          .map((b) => b.slice(0, -4)),
      );
    } else if (
      (m =
        line.match(/^export interface (\w+Leaf) extends (\w+)Base \{$/) ??
        line.match(/^export type (\w+Leaf)<.*> = Omit<(\w+)Base, TProperty>/))
    ) {
      dts.extendsOf.set(m[1]!, [m[2]!]);
    } else if ((m = line.match(/^export type (\w+)(?:<.*?>)? = (.+);$/))) {
      dts.unions.set(m[1]!, members(m[2]!));
      const hint = deprecation(comment);
      if (hint) dts.supersededTypes.set(m[1]!, hint);
    } else if (base && (m = line.match(/^\s+"(\w+)"\?: SchemaValue<(.+), "\1">;$/))) {
      base.set(m[1]!, { range: members(m[2]!).filter((r) => r !== "IdReference"), superseded: deprecation(comment) });
    } else if (line.startsWith("}")) {
      base = null;
    }
    comment = "";
  }
  return dts;
}

/**
 * Direct schema.org supertypes of every type: the unions it is a member of.
 * `DataType` is left out: Text, Number and the others are instances of
 * schema:DataType (rdf:type), not subclasses; schema-dts lists them in one union.
 */
function supertypeIndex(dts: Dts): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const [type, list] of dts.unions) {
    if (foreign(type) || type === "DataType") continue;
    for (const m of list) if (m !== `${type}Leaf`) index.set(m, (index.get(m) ?? new Set()).add(type));
  }
  return index;
}

const listed = (names: Iterable<string>) => [...new Set(names)].sort().join(", ") || "none";

/** Where `fixture` says more than schema-dts's vocabulary, as readable strings; empty when it fits. */
function checkFixture(fixture: SchemaOrgVocab, dts: Dts): string[] {
  const problems: string[] = [];
  const supertypes = supertypeIndex(dts);
  const parents = (t: string) => [...(supertypes.get(t) ?? [])];
  /** The type and all its supertypes. */
  const lineage = (t: string): Set<string> => new Set([t, ...parents(t).flatMap((p) => [...lineage(p)])]);
  /** The Base interfaces that stand for `t`: its own, or (with no properties of its own) its supertypes'. */
  const basesOf = (t: string): string[] => (dts.declared.has(t) ? [t] : parents(t).flatMap(basesOf));
  /** Properties an instance of `t` may have: those of its Base and every Base that one extends. */
  const propertiesOf = (t: string) => {
    const props = new Map<string, Property>();
    const walk = (b: string) => {
      for (const [name, p] of dts.declared.get(b) ?? []) props.set(name, p);
      for (const up of dts.extendsOf.get(`${b}Base`) ?? []) walk(up);
    };
    basesOf(t).forEach(walk);
    return props;
  };

  for (const [type, supers] of Object.entries({ ...fixture.dataTypes, ...fixture.types })) {
    if (!dts.unions.has(type)) {
      problems.push(`type ${type}: not in the vocabulary`);
      continue;
    }
    if (dts.supersededTypes.has(type)) problems.push(`type ${type}: superseded (${dts.supersededTypes.get(type)})`);
    if (listed(supers) !== listed(parents(type)))
      problems.push(`type ${type}: supertypes ${listed(supers)}, but the vocabulary has ${listed(parents(type))}`);
    if (!(type in fixture.types)) continue;
    // The Base (or, without one, the Leaf) extends the Bases of the supertypes, skipping supertypes without a Base.
    const own = dts.extendsOf.get(`${type}${dts.declared.has(type) ? "Base" : "Leaf"}`) ?? [];
    const expected = supers.flatMap((s) => (dts.unions.has(s) ? basesOf(s) : [s]));
    const extendsNames = (names: string[]) => listed(names.filter((n) => !foreign(n)).map((n) => `${n}Base`));
    if (extendsNames(own) !== extendsNames(expected))
      problems.push(`type ${type}: extends ${extendsNames(own)}, not ${extendsNames(expected)}`);
  }

  for (const [name, { domainIncludes, rangeIncludes }] of Object.entries(fixture.properties)) {
    const declarations = [...dts.declared.values()].flatMap((props) => (props.has(name) ? [props.get(name)!] : []));
    if (declarations.length === 0) {
      problems.push(`property ${name}: not in the vocabulary`);
      continue;
    }
    const superseded = declarations.find((d) => d.superseded)?.superseded;
    if (superseded) problems.push(`property ${name}: superseded (${superseded})`);
    for (const domain of domainIncludes) if (!propertiesOf(domain).has(name)) problems.push(`property ${name}: not on ${domain}`);
    const range = new Set(declarations.flatMap((d) => d.range));
    for (const r of rangeIncludes) {
      if (![...lineage(r)].some((t) => range.has(t))) problems.push(`property ${name}: ${r} is not in its range (${listed(range)})`);
    }
  }
  return problems;
}

describe("the schema.org vocabulary fixture, against schema-dts", () => {
  const dts = readSchemaDts(readFileSync(path.join(packageDir, "dist", "schema.d.ts"), "utf8"));
  const fixture = () => structuredClone(SCHEMAORG_VOCAB);

  it("reads schema.d.ts: types, supertypes, and properties declared on Base interfaces", () => {
    expect(dts.unions.size).toBeGreaterThan(800);
    expect(dts.declared.get("ClaimReview")?.get("claimReviewed")).toEqual({ range: ["Text"], superseded: null });
    expect(dts.extendsOf.get("ClaimReviewBase")).toEqual(["Review"]);
    expect(supertypeIndex(dts).get("Rating")).toEqual(new Set(["Intangible"]));
  });

  it("records the schema-dts version it was checked against", () => {
    expect(SCHEMAORG_VOCAB.about).toContain(`schema-dts ${SCHEMA_DTS_VERSION}`);
  });

  it("holds only types and properties that schema.org has, as schema.org defines them", () => {
    expect(checkFixture(SCHEMAORG_VOCAB, dts)).toEqual([]);
  });

  it("accepts a domain that inherits the property, and a range narrower than schema.org's", () => {
    const v = fixture();
    v.properties.headline!.domainIncludes = ["NewsArticle"];
    v.properties.name!.domainIncludes = ["ClaimReview", "Rating"];
    v.properties.appearance!.rangeIncludes = ["NewsArticle"];
    expect(checkFixture(v, dts)).toEqual([]);
  });

  it("reports made-up, superseded and misplaced terms (so it can fail)", () => {
    const cases: [string, (v: SchemaOrgVocab) => void, string[]][] = [
      [
        "made-up property",
        (v) => (v.properties.rating = { domainIncludes: ["Review"], rangeIncludes: ["Text"] }),
        ["property rating: not in the vocabulary"],
      ],
      ["made-up type", (v) => (v.types.FactCheck = ["Review"]), ["type FactCheck: not in the vocabulary"]],
      [
        "wrong supertype",
        (v) => (v.types.Claim = ["Review"]),
        ["type Claim: supertypes Review, but the vocabulary has CreativeWork", "type Claim: extends CreativeWorkBase, not ReviewBase"],
      ],
      // Intangible has no properties, so RatingBase extends ThingBase: only the unions show the skipped level.
      ["skipped supertype", (v) => (v.types.Rating = ["Thing"]), ["type Rating: supertypes Thing, but the vocabulary has Intangible"]],
      ["wrong data type parent", (v) => (v.dataTypes.Date = ["Text"]), ["type Date: supertypes Text, but the vocabulary has none"]],
      [
        "property on a type that lacks it",
        (v) => v.properties.claimReviewed!.domainIncludes.push("Claim"),
        ["property claimReviewed: not on Claim"],
      ],
      [
        "property on a supertype",
        (v) => (v.properties.reviewRating!.domainIncludes = ["CreativeWork"]),
        ["property reviewRating: not on CreativeWork"],
      ],
      [
        "value type outside the range",
        (v) => v.properties.author!.rangeIncludes.push("Rating"),
        ["property author: Rating is not in its range (Organization, Person)"],
      ],
      [
        "superseded property",
        (v) => (v.properties.awards = { domainIncludes: ["CreativeWork"], rangeIncludes: ["Text"] }),
        ["property awards: superseded (Consider using https://schema.org/award instead.)"],
      ],
    ];
    for (const [what, mutate, problems] of cases) {
      const v = fixture();
      mutate(v);
      expect(checkFixture(v, dts), what).toEqual(problems);
    }
  });
});
