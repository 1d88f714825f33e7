// Fragment: links r (paper -> entity e, dated by r.published, the paper's date
// copied onto the link) as one row per entity and month (`month`, year * 100 +
// month): its papers in all and per role (a paper links an entity once).
WITH e, r.published.year * 100 + r.published.month AS month, type(r) AS role
WITH e, month, count(*) AS papers,
     count(CASE role WHEN 'PROPOSES' THEN 1 END) AS proposes,
     count(CASE role WHEN 'USES' THEN 1 END) AS uses,
     count(CASE role WHEN 'EVALUATES_ON' THEN 1 END) AS evaluatesOn,
     count(CASE role WHEN 'COMPARES_WITH' THEN 1 END) AS comparesWith,
     count(CASE role WHEN 'MENTIONS' THEN 1 END) AS mentions
