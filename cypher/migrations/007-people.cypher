// Authors and venues as nodes (ingest/link-paper-people). Venues: one per
// normalised name. Authors: see 008 (a name key is no longer unique).
CREATE CONSTRAINT venue_key IF NOT EXISTS FOR (v:Venue) REQUIRE v.key IS UNIQUE;
