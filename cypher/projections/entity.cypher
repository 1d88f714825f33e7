// Fragment: the fields of an entity as every read returns it, written inside
// the entity variable's map projection, so a new entity field is added here
// once (src/db/projections.ts EntityProjection is their shape).
.id, .type, .key, .name, .aliases, .paperCount
