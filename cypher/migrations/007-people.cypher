// Authors and venues as nodes (ingest/link-paper-people), one per normalised name.
CREATE CONSTRAINT author_key IF NOT EXISTS FOR (a:Author) REQUIRE a.key IS UNIQUE;
CREATE CONSTRAINT venue_key IF NOT EXISTS FOR (v:Venue) REQUIRE v.key IS UNIQUE;
