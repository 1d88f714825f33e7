// Fragment: the keyset condition of read/entities-page-papers-desc-before on e.
  AND ($before IS NULL OR e.paperCount > $before[0] OR (e.paperCount = $before[0] AND e.id < $before[1]))
