// Sort keys of paginated lists and the filters the API offers.
CREATE INDEX entity_type IF NOT EXISTS FOR (e:Entity) ON (e.type);
CREATE INDEX entity_paper_count IF NOT EXISTS FOR (e:Entity) ON (e.paperCount);
CREATE INDEX entity_name_sort IF NOT EXISTS FOR (e:Entity) ON (e.nameSort);
CREATE INDEX paper_published IF NOT EXISTS FOR (p:Paper) ON (p.published);
CREATE INDEX paper_title_sort IF NOT EXISTS FOR (p:Paper) ON (p.titleSort);
// An entity's papers newest first (read/entity-papers-page): per link type,
// the entity id and the paper's date copied onto the link.
CREATE INDEX link_published_proposes IF NOT EXISTS FOR ()-[r:PROPOSES]-() ON (r.eid, r.published);
CREATE INDEX link_published_uses IF NOT EXISTS FOR ()-[r:USES]-() ON (r.eid, r.published);
CREATE INDEX link_published_evaluates_on IF NOT EXISTS FOR ()-[r:EVALUATES_ON]-() ON (r.eid, r.published);
CREATE INDEX link_published_compares_with IF NOT EXISTS FOR ()-[r:COMPARES_WITH]-() ON (r.eid, r.published);
CREATE INDEX link_published_mentions IF NOT EXISTS FOR ()-[r:MENTIONS]-() ON (r.eid, r.published);
