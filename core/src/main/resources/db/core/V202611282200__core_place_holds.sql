-- Time slots held on a named place (a square, a park) by whatever uses it (an event, a meeting). As with rooms, the
-- database refuses two holds of one place whose times overlap, however many replicas ask at once.
create extension if not exists btree_gist;

create table place_holds (
    id             bigint primary key,
    version        integer      not null default 0,
    community_code varchar(40)  not null references communities (code),
    place_id       bigint       not null,
    starts_at      timestamptz  not null,
    ends_at        timestamptz  not null,
    holder         varchar(100) not null,
    purpose        varchar(200) not null,
    created_at     timestamptz  not null,
    released_at    timestamptz,
    check (starts_at < ends_at),
    unique (community_code, id),
    foreign key (community_code, place_id) references places (community_code, id),
    constraint place_holds_no_overlap exclude using gist
        (place_id with =, tstzrange(starts_at, ends_at, '[)') with &&) where (released_at is null)
);
create index place_holds_place_time_idx on place_holds (community_code, place_id, starts_at);
