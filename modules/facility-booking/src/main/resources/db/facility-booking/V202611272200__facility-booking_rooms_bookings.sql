-- Facility booking: rooms with opening hours and closures, and bookings that can never overlap.
-- Needs the btree_gist extension (part of PostgreSQL's contrib) for the exclusion constraint.
create extension if not exists btree_gist;

create table booking_rooms (
    id                    bigint primary key,
    version               integer      not null default 0,
    community_code        varchar(40)  not null references communities (code),
    place_id              bigint       not null,
    name                  varchar(200) not null,
    kind                  varchar(20)  not null,
    capacity              integer      not null check (capacity between 1 and 10000),
    facilities            text[]       not null default '{}',
    photo_urls            text[]       not null default '{}',
    ics_token             varchar(64)  not null unique,
    min_minutes           integer check (min_minutes > 0),
    max_minutes           integer check (max_minutes > 0),
    slot_minutes          integer check (slot_minutes between 5 and 240),
    ahead_days            integer check (ahead_days between 1 and 3650),
    notice_minutes        integer check (notice_minutes >= 0),
    cancel_cutoff_minutes integer check (cancel_cutoff_minutes >= 0),
    approval_required     boolean,
    weekly_quota_minutes  integer check (weekly_quota_minutes >= 0),
    buffer_minutes        integer check (buffer_minutes between 0 and 240),
    booking_roles         text[],
    unique (community_code, id),
    unique (community_code, name),
    foreign key (community_code, place_id) references places (community_code, id)
);

create table booking_room_hours (
    room_id     bigint      not null references booking_rooms (id) on delete cascade,
    day_of_week varchar(10) not null,
    opens_at    time        not null,
    closes_at   time        not null,
    check (opens_at < closes_at)
);

create table booking_room_closures (
    room_id   bigint       not null references booking_rooms (id) on delete cascade,
    from_date date         not null,
    to_date   date         not null,
    reason    varchar(200) not null,
    check (from_date <= to_date)
);

create table booking_bookings (
    id               bigint primary key,
    version          integer      not null default 0,
    community_code   varchar(40)  not null references communities (code),
    room_id          bigint       not null,
    booker_person_id bigint       not null,
    booked_for       varchar(20)  not null,
    for_name         varchar(200),
    purpose          varchar(500) not null,
    attendance       integer      not null check (attendance > 0),
    starts_at        timestamptz  not null,
    ends_at          timestamptz  not null,
    buffer_minutes   integer      not null default 0 check (buffer_minutes >= 0),
    blocked_until    timestamptz  not null,
    state            varchar(20)  not null check (state in ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED',
                                                            'CHECKED_IN', 'NO_SHOW')),
    decision_reason  varchar(500),
    series_id        varchar(40),
    created_at       timestamptz  not null,
    checked_in_at    timestamptz,
    check (starts_at < ends_at),
    check (blocked_until = ends_at + make_interval(mins => buffer_minutes)),
    -- The slot a booking keeps is its time plus the buffer after it (until blocked_until). Two holding bookings of
    -- one room never overlap.
    constraint booking_no_double_booking exclude using gist
        (room_id with =, tstzrange(starts_at, blocked_until, '[)') with &&)
        where (state in ('PENDING', 'APPROVED', 'CHECKED_IN')),
    foreign key (community_code, room_id) references booking_rooms (community_code, id),
    foreign key (community_code, booker_person_id) references people (community_code, id)
);
create index booking_bookings_room_time_idx on booking_bookings (community_code, room_id, starts_at);
create index booking_bookings_booker_idx on booking_bookings (community_code, booker_person_id, starts_at);
create index booking_bookings_due_idx on booking_bookings (starts_at) where state = 'APPROVED';
