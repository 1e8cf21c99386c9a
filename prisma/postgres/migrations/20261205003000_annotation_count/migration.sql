-- Nothing to change on PostgreSQL. The SQLite migration of the same name adds
-- a per-article annotation count kept by triggers, so a claim create checks
-- CLAIMDESK_MAX_CLAIMS_PER_ARTICLE without counting. PostgreSQL keeps counting
-- (up to the cap): a counter row kept by a trigger would make every create on
-- an article wait for the one before it to commit, and deadlock with the
-- article's FOR SHARE lock (lib/server/claims/insert-annotation.ts).
-- Both databases keep the same list of migrations (scripts/write-schemas.test.ts).
SELECT 1;
