// Fragment: the keyset condition of read/entities-page-name-asc on e.
  AND ($after IS NULL OR e.nameSort > $after[0] OR (e.nameSort = $after[0] AND e.id > $after[1]))
