// Fragment: links r (paper -> entity e, dated by r.published, the paper's date
// copied onto the link) as one row per entity and period: each month (`kind`
// MONTH_COUNT, `period` year * 100 + month) and each year (YEAR_COUNT, `period`
// the year), with the papers in it, in all and per role (a paper links an
// entity once).
WITH e, r.published AS d, type(r) AS role
UNWIND [['MONTH_COUNT', d.year * 100 + d.month], ['YEAR_COUNT', d.year]] AS kp
WITH e, kp[0] AS kind, kp[1] AS period, count(*) AS papers,
     count(CASE role WHEN 'PROPOSES' THEN 1 END) AS proposes,
     count(CASE role WHEN 'USES' THEN 1 END) AS uses,
     count(CASE role WHEN 'EVALUATES_ON' THEN 1 END) AS evaluatesOn,
     count(CASE role WHEN 'COMPARES_WITH' THEN 1 END) AS comparesWith,
     count(CASE role WHEN 'MENTIONS' THEN 1 END) AS mentions
