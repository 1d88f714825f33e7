// Fragment(p): the fields of a paper as every read returns it, written inside
// the map projection of the paper variable the include names (the date is
// converted from it), so a new paper field is added here once
// (src/db/projections.ts PaperProjection is their shape). No abstract: it is most
// of a paper's bytes and lists rarely show it, so Paper.abstract reads it
// (read/papers-by-ids) only when asked; the one-paper reads add .abstract.
.id, .title, .url, published: toString(p.published), .authors, .arxivId
