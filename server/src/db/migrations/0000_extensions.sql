-- drizzle-kit never writes CREATE EXTENSION: pg_trgm serves fuzzy name matching (duplicates, near names).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
