-- Nothing to change on SQLite. The PostgreSQL migration of the same name has
-- autovacuum analyze the tables that grow with a desk's work after 1,000 rows
-- plus 2% change, not 10%: PostgreSQL plans by those statistics, and took a
-- desk created since the last ANALYZE to hold no rows. SQLite has no such
-- daemon, and the app never runs ANALYZE on it: without statistics its
-- planner takes the primary key for an equality on it.
-- Both databases keep the same list of migrations (scripts/write-schemas.test.ts).
SELECT 1;
