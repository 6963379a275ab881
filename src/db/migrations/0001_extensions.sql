-- Extensions Hearth relies on; both ship with PostgreSQL contrib and with PGlite.
create extension if not exists pg_trgm;
create extension if not exists fuzzystrmatch;
