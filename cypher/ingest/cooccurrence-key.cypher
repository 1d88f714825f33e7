// Fragment: `key`, the number that names the pair (a, b) (a.id < b.id) on its
// CO_OCCURS relationship (index cooccurs_key): both node ids in one integer.
// Node ids are reused only after a node is deleted, and a pair's relationship is
// deleted with either of its entities, so no live key names two pairs.
WITH a, b, n, id(a) * 4294967296 + id(b) AS key
