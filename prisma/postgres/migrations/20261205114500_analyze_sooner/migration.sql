-- ANALYZE the tables that grow with every desk's work sooner than PostgreSQL's
-- default (after 10% of a table's rows change): after 1,000 rows plus 2%.
--
-- Why: the planner knows a team by the statistics of the last ANALYZE. A desk
-- created since then is taken to hold no rows, so a lookup by `id` and team
-- goes through the team's index, reading every row of the desk to find one,
-- until the next ANALYZE. With the default that is a tenth of the table: a
-- new desk in a database of 200,000 claims could reach 20,000 claims, some
-- 2 ms a lookup, before its statistics caught up. The hot path's own
-- statements name one claim by its primary key (read-all-claims.ts,
-- change-claim.ts); this bounds the rest. Sampling a table of a million rows
-- costs a fraction of a second of background work, every 21,000 changes.
ALTER TABLE "Annotation" SET (autovacuum_analyze_scale_factor = 0.02, autovacuum_analyze_threshold = 1000);
ALTER TABLE "EvidenceLink" SET (autovacuum_analyze_scale_factor = 0.02, autovacuum_analyze_threshold = 1000);
ALTER TABLE "AuditEvent" SET (autovacuum_analyze_scale_factor = 0.02, autovacuum_analyze_threshold = 1000);
