// Entity lists of one type read in index order (read/entities-page-*): by paper
// count and by name within a type.
CREATE INDEX entity_type_paper_count IF NOT EXISTS FOR (e:Entity) ON (e.type, e.paperCount);
CREATE INDEX entity_type_name_sort IF NOT EXISTS FOR (e:Entity) ON (e.type, e.nameSort);
