-- Cultural events (文化活动): series with editions by year, events with dated sub-events, registrations (places
-- through the kernel's sign_up_lists, one list per ticket kind), check-in lists, teams by grid with competition
-- results, the closing report and feedback. Venues are rooms of facility-booking (by booking id) or kernel places
-- (by place hold id); the database that holds those refuses clashes.
create table event_series (
    id             bigint primary key,
    version        integer      not null default 0,
    community_code varchar(40)  not null references communities (code),
    name           varchar(100) not null,
    description    varchar(2000),
    created_at     timestamptz  not null,
    unique (community_code, id),
    unique (community_code, name)
);

create table event_events (
    id                bigint primary key,
    version           integer       not null default 0,
    community_code    varchar(40)   not null references communities (code),
    series_id         bigint,
    edition_year      integer check (edition_year between 2000 and 2200),
    title             varchar(200)  not null,
    description       varchar(5000),
    category          varchar(20)   not null,
    age_groups        text[]        not null default '{}',
    contacts          varchar(500),
    poster_url        varchar(1000),
    visibility        varchar(10)   not null check (visibility in ('PUBLIC', 'MEMBERS')),
    state             varchar(10)   not null check (state in ('DRAFT', 'PUBLISHED', 'CANCELLED', 'CLOSED')),
    approval_required boolean       not null default false,
    waiting_list      boolean       not null default true,
    questions         jsonb         not null default '[]',
    helper_person_ids bigint[]      not null default '{}',
    cancel_reason     varchar(500),
    created_by        varchar(200)  not null,
    created_at        timestamptz   not null,
    published_at      timestamptz,
    ended_at          timestamptz,
    unique (community_code, id),
    unique (series_id, edition_year),
    check ((series_id is null) = (edition_year is null)),
    foreign key (community_code, series_id) references event_series (community_code, id)
);
create index event_events_state_idx on event_events (community_code, state, id);

create table event_organisers (
    id             bigint primary key,
    version        integer      not null default 0,
    community_code varchar(40)  not null references communities (code),
    event_id       bigint       not null,
    role           varchar(20)  not null check (role in ('HOST', 'CO_HOST', 'CO_ORGANISER')),
    unit_id        bigint,
    name           varchar(200) not null,
    unique (community_code, id),
    foreign key (community_code, event_id) references event_events (community_code, id)
);
create index event_organisers_event_idx on event_organisers (event_id);

create table event_sub_events (
    id                     bigint primary key,
    version                integer      not null default 0,
    community_code         varchar(40)  not null references communities (code),
    event_id               bigint       not null,
    title                  varchar(200) not null,
    starts_at              timestamptz  not null,
    ends_at                timestamptz  not null,
    registration_opens_at  timestamptz,
    registration_closes_at timestamptz,
    room_id                bigint,
    booking_id             bigint,
    place_id               bigint,
    place_hold_id          bigint,
    venue_name             varchar(200),
    cancelled              boolean      not null default false,
    check (starts_at < ends_at),
    check (room_id is null or place_id is null),
    unique (community_code, id),
    foreign key (community_code, event_id) references event_events (community_code, id)
);
create index event_sub_events_event_idx on event_sub_events (event_id, starts_at);
create index event_sub_events_time_idx on event_sub_events (community_code, ends_at);

create table event_ticket_kinds (
    id             bigint primary key,
    version        integer      not null default 0,
    community_code varchar(40)  not null references communities (code),
    sub_event_id   bigint       not null,
    name           varchar(100) not null,
    age_group      varchar(20)  not null,
    list_id        bigint       not null,
    max_party_size integer      not null check (max_party_size between 1 and 20),
    unique (community_code, id),
    unique (sub_event_id, name),
    foreign key (community_code, sub_event_id) references event_sub_events (community_code, id),
    foreign key (community_code, list_id) references sign_up_lists (community_code, id)
);

create table event_registrations (
    id              bigint primary key,
    version         integer      not null default 0,
    community_code  varchar(40)  not null references communities (code),
    event_id        bigint       not null,
    sub_event_id    bigint       not null,
    ticket_kind_id  bigint       not null,
    person_id       bigint       not null,
    party_size      integer      not null check (party_size between 1 and 20),
    answers         jsonb        not null default '{}',
    state           varchar(20)  not null check (state in ('PENDING', 'DECLINED', 'WITHDRAWN', 'PLACED')),
    sign_up_id      bigint,
    ticket_code     varchar(16)  not null,
    decision_reason varchar(500),
    created_at      timestamptz  not null,
    check ((state = 'PLACED') = (sign_up_id is not null)),
    unique (community_code, id),
    unique (ticket_code),
    foreign key (community_code, ticket_kind_id) references event_ticket_kinds (community_code, id),
    foreign key (community_code, person_id) references people (community_code, id),
    foreign key (community_code, sign_up_id) references sign_ups (community_code, id)
);
create index event_registrations_sub_event_idx on event_registrations (sub_event_id, id);
create index event_registrations_person_idx on event_registrations (community_code, person_id, id);
create index event_registrations_event_idx on event_registrations (event_id);

create table event_check_in_lists (
    id             bigint primary key,
    version        integer      not null default 0,
    community_code varchar(40)  not null references communities (code),
    event_id       bigint       not null,
    name           varchar(100) not null,
    sub_event_ids  bigint[]     not null default '{}',
    allow_re_entry boolean      not null default false,
    created_at     timestamptz  not null,
    unique (community_code, id),
    unique (event_id, name),
    foreign key (community_code, event_id) references event_events (community_code, id)
);

create table event_check_ins (
    id              bigint primary key,
    version         integer      not null default 0,
    community_code  varchar(40)  not null references communities (code),
    list_id         bigint       not null,
    registration_id bigint       not null,
    first_entry     boolean      not null,
    checked_in_at   timestamptz  not null,
    checked_in_by   varchar(200) not null,
    unique (community_code, id),
    foreign key (community_code, list_id) references event_check_in_lists (community_code, id),
    foreign key (community_code, registration_id) references event_registrations (community_code, id)
);
-- One first entry per ticket and list: two gates scanning one ticket at once cannot both admit it.
create unique index event_check_ins_first_idx on event_check_ins (list_id, registration_id) where first_entry;

create table event_teams (
    id                bigint primary key,
    version           integer      not null default 0,
    community_code    varchar(40)  not null references communities (code),
    event_id          bigint       not null,
    grid_id           bigint,
    grid_name         varchar(200),
    name              varchar(100) not null,
    captain_person_id bigint       not null,
    created_at        timestamptz  not null,
    unique (community_code, id),
    unique (event_id, name),
    foreign key (community_code, event_id) references event_events (community_code, id),
    foreign key (community_code, captain_person_id) references people (community_code, id)
);

create table event_team_members (
    id             bigint primary key,
    version        integer     not null default 0,
    community_code varchar(40) not null references communities (code),
    event_id       bigint      not null,
    team_id        bigint      not null,
    person_id      bigint      not null,
    joined_at      timestamptz not null,
    unique (community_code, id),
    -- one team per person and event
    unique (event_id, person_id),
    foreign key (community_code, team_id) references event_teams (community_code, id),
    foreign key (community_code, person_id) references people (community_code, id)
);
create index event_team_members_team_idx on event_team_members (team_id);

create table event_items (
    id             bigint primary key,
    version        integer      not null default 0,
    community_code varchar(40)  not null references communities (code),
    event_id       bigint       not null,
    name           varchar(100) not null,
    kind           varchar(20)  not null,
    created_at     timestamptz  not null,
    unique (community_code, id),
    unique (event_id, name),
    foreign key (community_code, event_id) references event_events (community_code, id)
);

create table event_results (
    id             bigint primary key,
    version        integer     not null default 0,
    community_code varchar(40) not null references communities (code),
    item_id        bigint      not null,
    team_id        bigint      not null,
    rank           integer     not null check (rank between 1 and 1000),
    score          varchar(50),
    points         integer     not null check (points between 0 and 100000),
    recorded_at    timestamptz not null,
    unique (community_code, id),
    unique (item_id, team_id),
    foreign key (community_code, item_id) references event_items (community_code, id),
    foreign key (community_code, team_id) references event_teams (community_code, id)
);

create table event_reports (
    id             bigint primary key,
    version        integer      not null default 0,
    community_code varchar(40)  not null references communities (code),
    event_id       bigint       not null,
    summary        varchar(5000) not null,
    photo_urls     text[]       not null default '{}',
    organisations  text[]       not null default '{}',
    registered     integer      not null,
    checked_in     integer      not null,
    created_by     varchar(200) not null,
    created_at     timestamptz  not null,
    unique (community_code, id),
    unique (event_id),
    foreign key (community_code, event_id) references event_events (community_code, id)
);

create table event_feedback (
    id             bigint primary key,
    version        integer     not null default 0,
    community_code varchar(40) not null references communities (code),
    event_id       bigint      not null,
    person_id      bigint      not null,
    rating         integer     not null check (rating between 1 and 5),
    comment        varchar(1000),
    created_at     timestamptz not null,
    unique (community_code, id),
    unique (event_id, person_id),
    foreign key (community_code, event_id) references event_events (community_code, id),
    foreign key (community_code, person_id) references people (community_code, id)
);

-- Links to the neighbouring modules, by id only (their tables may not exist where they are not used).
create table event_links (
    id             bigint primary key,
    version        integer     not null default 0,
    community_code varchar(40) not null references communities (code),
    event_id       bigint      not null,
    sub_event_id   bigint,
    kind           varchar(20) not null check (kind in ('STEWARD_SHIFT', 'INCIDENT')),
    target_id      bigint      not null,
    team_id        bigint,
    created_at     timestamptz not null,
    unique (community_code, id),
    foreign key (community_code, event_id) references event_events (community_code, id)
);
create index event_links_event_idx on event_links (event_id, kind);
