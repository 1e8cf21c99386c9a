import { isLocalDatabase } from "@/lib/db/database-url";

const url = process.env.DATABASE_URL;
if (!url || !process.env.CLAIMDESK_TEST_DB) {
  throw new Error("Integration tests run through `npm test`, which prepares a throwaway test database (DATABASE_URL + CLAIMDESK_TEST_DB).");
}
if (!isLocalDatabase(url)) throw new Error(`Refusing to run tests against a non-local database: ${url}`);
