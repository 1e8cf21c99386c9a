import cuid from "@bugsnag/cuid";

/**
 * The id of a new row made outside Prisma's defaults (a raw INSERT, or an id
 * the code needs before the insert): a cuid, from the generator Prisma's
 * `@default(cuid())` runs (@bugsnag/cuid, which Prisma 6 bundles), so every
 * new row of every path has the one format. The one exception is a claim
 * created with the browser's `clientId` (a UUID, lib/schemas/claim.ts), which
 * becomes its id so that a retry finds it. Rows written before, with UUID
 * ids, stay as they are: an id is an opaque string everywhere (nothing parses
 * it, and sorting by id only breaks ties).
 */
export const newId = (): string => cuid();
