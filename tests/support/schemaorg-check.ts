/**
 * Checks schema.org JSON-LD against the vocabulary fixture
 * (tests/fixtures/schemaorg-vocab.json): every @type exists, every property
 * exists and is allowed on its node's type (or a supertype), and every value
 * has a type the property's range allows (literals checked by their data type).
 * Returns the problems found; an empty list means the markup fits the vocabulary.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

/** The fixture: each type with its direct supertypes, each property with its domain and range. */
export type SchemaOrgVocab = {
  about: string;
  dataTypes: Record<string, string[]>;
  types: Record<string, string[]>;
  properties: Record<string, { domainIncludes: string[]; rangeIncludes: string[] }>;
};

export const SCHEMAORG_VOCAB = JSON.parse(
  readFileSync(path.join(import.meta.dirname, "..", "fixtures", "schemaorg-vocab.json"), "utf8"),
) as SchemaOrgVocab;

/** The type and all its supertypes. */
function ancestors(vocab: SchemaOrgVocab, type: string): Set<string> {
  const seen = new Set<string>();
  const walk = (t: string) => {
    if (seen.has(t)) return;
    seen.add(t);
    for (const parent of vocab.types[t] ?? vocab.dataTypes[t] ?? []) walk(parent);
  };
  walk(type);
  return seen;
}

const LITERAL_CHECKS: Record<string, (v: unknown) => boolean> = {
  Text: (v) => typeof v === "string",
  URL: (v) => typeof v === "string" && /^https?:\/\/[^\s]+$/.test(v) && URL.canParse(v),
  Number: (v) => typeof v === "number" && Number.isFinite(v),
  Date: (v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
  DateTime: (v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v),
};

/** Problems with one JSON-LD node (and its nested nodes), as readable strings. */
export function checkSchemaOrg(node: unknown, vocab: SchemaOrgVocab = SCHEMAORG_VOCAB, where = "$"): string[] {
  if (typeof node !== "object" || node === null || Array.isArray(node)) return [`${where}: not a JSON-LD node`];
  const problems: string[] = [];
  const obj = node as Record<string, unknown>;
  const type = obj["@type"];
  if (typeof type !== "string" || !vocab.types[type]) return [`${where}: unknown @type ${JSON.stringify(type)}`];
  const own = ancestors(vocab, type);
  for (const [key, value] of Object.entries(obj)) {
    if (key.startsWith("@")) {
      if (!["@type", "@context", "@id"].includes(key)) problems.push(`${where}: unexpected keyword ${key}`);
      continue;
    }
    const prop = vocab.properties[key];
    if (!prop) {
      problems.push(`${where}.${key}: not a schema.org property in the vocabulary`);
      continue;
    }
    if (!prop.domainIncludes.some((d) => own.has(d))) problems.push(`${where}.${key}: not allowed on ${type}`);
    for (const [i, v] of (Array.isArray(value) ? value : [value]).entries()) {
      const at = Array.isArray(value) ? `${where}.${key}[${i}]` : `${where}.${key}`;
      if (typeof v === "object" && v !== null) {
        const vt = (v as Record<string, unknown>)["@type"];
        if (typeof vt === "string" && !prop.rangeIncludes.some((r) => ancestors(vocab, vt).has(r)))
          problems.push(`${at}: a ${vt} is not in the range of ${key}`);
        problems.push(...checkSchemaOrg(v, vocab, at));
      } else if (!prop.rangeIncludes.some((r) => LITERAL_CHECKS[r]?.(v))) {
        problems.push(`${at}: ${JSON.stringify(v)} is not a ${prop.rangeIncludes.join(" or ")}`);
      }
    }
  }
  return problems;
}
