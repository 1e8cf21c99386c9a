/**
 * pg's own value conversion, which its extended protocol applies to every
 * bound parameter (lib/db/direct-sql.ts writes the same text as literals).
 * pg exports the module ("./lib/*" in its package.json); @types/pg does not
 * describe it.
 */
declare module "pg/lib/utils" {
  /** A CommonJS module whose exports Node's ESM loader cannot list: import it whole. */
  const utils: {
    /** A parameter as pg sends it: text, a Buffer for binary, or null. */
    prepareValue(value: unknown): string | Buffer | null;
    escapeLiteral(text: string): string;
  };
  export = utils;
}
