// Fragment: the keyset condition of read/entities-page-name-asc-before on e.
  AND ($before IS NULL OR e.nameSort < $before[0] OR (e.nameSort = $before[0] AND e.id < $before[1]))
