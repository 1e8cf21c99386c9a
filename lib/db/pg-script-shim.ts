import { PrismaPg } from "@prisma/adapter-pg";

type ScriptRunner = {
  executeScript(script: string): Promise<void>;
  underlyingDriver(): { query(sql: string): Promise<unknown> };
  onError(error: unknown): never;
};

/**
 * The PostgreSQL adapter factory for the Prisma CLI, running each migration
 * script as one simple query.
 *
 * Workaround: @prisma/adapter-pg 6.19's `executeScript` splits a script on
 * every ";" (`script.split(";")`), inside strings and dollar-quoted function
 * bodies too, so a migration that creates a PL/pgSQL function (the
 * full-text search triggers of 20261203224856_article_search) fails with
 * "unterminated dollar-quoted string". PostgreSQL's simple query protocol
 * runs a multi-statement script as it stands (and in one implicit
 * transaction), which is what Prisma's native engine does. Used only by
 * prisma.config.ts; the app never runs scripts.
 */
export class WholeScriptPg extends PrismaPg {
  async connect() {
    const adapter = await super.connect();
    const runner = adapter as unknown as ScriptRunner;
    runner.executeScript = async (script: string) => {
      try {
        await runner.underlyingDriver().query(script);
      } catch (error) {
        runner.onError(error);
      }
    };
    return adapter;
  }
}
