-- Sign-ups with a capacity and a waiting list, shared by every module that needs them (volunteer shifts, events,
-- meetings). The database holds the counts: never more CONFIRMED sign-ups than places, one active sign-up per
-- person and list.
create table sign_up_lists (
    id             bigint primary key,
    version        integer     not null default 0,
    community_code varchar(40) not null references communities (code),
    capacity       integer     not null check (capacity between 1 and 100000),
    confirmed      integer     not null default 0 check (confirmed >= 0 and confirmed <= capacity),
    waiting_list   boolean     not null default false,
    unique (community_code, id)
);

create table sign_ups (
    id                bigint primary key,
    version           integer     not null default 0,
    community_code    varchar(40) not null references communities (code),
    list_id           bigint      not null,
    person_id         bigint      not null,
    state             varchar(20) not null check (state in ('CONFIRMED', 'WAITING', 'CANCELLED', 'NO_SHOW')),
    signed_up_at      timestamptz not null,
    cancelled_at      timestamptz,
    late_cancellation boolean     not null default false,
    checked_in_at     timestamptz,
    checked_out_at    timestamptz,
    check (checked_out_at is null or checked_in_at is not null and checked_out_at >= checked_in_at),
    unique (community_code, id),
    foreign key (community_code, list_id) references sign_up_lists (community_code, id) on delete cascade,
    foreign key (community_code, person_id) references people (community_code, id)
);
create unique index sign_ups_one_active_idx on sign_ups (list_id, person_id) where state in ('CONFIRMED', 'WAITING');
create index sign_ups_list_idx on sign_ups (list_id, state, id);
create index sign_ups_person_idx on sign_ups (community_code, person_id, state);
