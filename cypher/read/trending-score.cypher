// Fragment: an entity's growth from `baseline` papers to `papers`, absolute
// and relative to max(baseline, 1), the two orders of trending (read/trending,
// read/trending-year-*; ingest/period-counts-apply keeps them per year).
WITH *, papers - baseline AS growth, toFloat(papers - baseline) / CASE WHEN baseline = 0 THEN 1 ELSE baseline END AS rate
