// Sort keys of paginated lists and the filters the API offers.
CREATE INDEX entity_type IF NOT EXISTS FOR (e:Entity) ON (e.type);
CREATE INDEX entity_paper_count IF NOT EXISTS FOR (e:Entity) ON (e.paperCount);
CREATE INDEX entity_name_sort IF NOT EXISTS FOR (e:Entity) ON (e.nameSort);
CREATE INDEX paper_published IF NOT EXISTS FOR (p:Paper) ON (p.published);
CREATE INDEX paper_title_sort IF NOT EXISTS FOR (p:Paper) ON (p.titleSort);
