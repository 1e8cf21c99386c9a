-- Nothing to change on SQLite, which keeps one count row per article since
-- 20261205003000_annotation_count: its writers take turns anyway. The
-- PostgreSQL migration of the same name adds the same count there, as a
-- slotted counter (up to 16 rows per article), so that creates on one article
-- do not wait for each other's commit.
-- Both databases keep the same list of migrations (scripts/write-schemas.test.ts).
SELECT 1;
