-- GraphQL documents registered by clients with automatic persisted queries (APQ), by the SHA-256 of their text
-- (lower-case hex): shared by every replica and kept across restarts. Not community-owned: a document is the same
-- text for every community. Bounded: each caller (token subject, else client address) registers a limited number,
-- and beyond the total limit the documents used least recently are deleted (see README, "Persisted operations").
create table persisted_operations (
    hash          char(64)     primary key check (hash ~ '^[0-9a-f]{64}$'),
    document      text         not null,
    registered_by varchar(300) not null,
    created_at    timestamptz  not null default now(),
    last_used_at  timestamptz  not null default now()
);
create index persisted_operations_registered_by_idx on persisted_operations (registered_by);
create index persisted_operations_last_used_idx on persisted_operations (last_used_at);
