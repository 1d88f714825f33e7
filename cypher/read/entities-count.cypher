// #include read/entities-filter
RETURN count(DISTINCT e) AS total
