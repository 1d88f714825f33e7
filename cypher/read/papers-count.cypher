// #include read/papers-filter
RETURN count(DISTINCT p) AS total
