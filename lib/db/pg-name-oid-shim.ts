import pg from "pg";

/** PostgreSQL type OIDs the shim rewrites. */
export const OID_NAME = 19;
export const OID_TEXT = 25;

type Fielded = { fields?: { dataTypeID: number }[] };
const PATCHED = Symbol.for("claimdesk.pgNameAsText");

function asText<T>(result: T): T {
  for (const field of (result as Fielded)?.fields ?? []) {
    if (field.dataTypeID === OID_NAME) field.dataTypeID = OID_TEXT;
  }
  return result;
}

function patchQuery<C extends { query: (...args: never[]) => unknown }>(client: C): C {
  const tagged = client as C & { [PATCHED]?: true };
  if (tagged[PATCHED]) return client;
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const out = query(...args);
    return out instanceof Promise ? out.then(asText) : out;
  };
  tagged[PATCHED] = true;
  return client;
}

/**
 * A pg.Pool whose results report columns of type `name` (OID 19) as `text`
 * (OID 25).
 *
 * Workaround for prisma/orm#27403 (https://github.com/prisma/orm/issues/27403):
 * with `@prisma/adapter-pg` 6.19 the schema engine reads catalog columns of
 * type `name`, which the adapter cannot map ("Column type 'name' could not be
 * deserialized"), so `migrate deploy` fails. `name` is text on the wire, so
 * relabelling the field is lossless. Used only by prisma.config.ts (the CLI);
 * the app's own queries never select `name` columns.
 * Remove once the upstream issue is fixed.
 */
export class NameAsTextPool extends pg.Pool {
  constructor(config?: pg.PoolConfig) {
    super(config);
    const query = this.query.bind(this) as (...a: unknown[]) => unknown;
    const connect = this.connect.bind(this) as (...a: unknown[]) => unknown;
    // Instance properties, not overrides: pg's overloaded signatures cannot be re-declared type-safely.
    this.query = ((...args: unknown[]) => {
      const out = query(...args);
      return out instanceof Promise ? out.then(asText) : out;
    }) as never;
    this.connect = ((...args: unknown[]) => {
      const out = connect(...args);
      return out instanceof Promise ? out.then((client) => patchQuery(client as pg.PoolClient)) : out;
    }) as never;
  }
}
