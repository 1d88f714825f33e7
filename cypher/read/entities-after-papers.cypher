// Fragment: the keyset condition of read/entities-page-papers-desc on e.
  AND ($after IS NULL OR e.paperCount < $after[0] OR (e.paperCount = $after[0] AND e.id > $after[1]))
