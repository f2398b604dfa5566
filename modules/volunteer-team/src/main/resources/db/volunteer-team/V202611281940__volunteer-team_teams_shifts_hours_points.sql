-- Volunteer teams (志愿服务队), their activities and shifts (places through the kernel's sign_up_lists), the hours
-- ledger (never edited: corrections are new rows), and points with rewards. Balances and stock are held non-negative
-- by the database.
create table volunteer_teams (
    id              bigint primary key,
    version         integer      not null default 0,
    community_code  varchar(40)  not null references communities (code),
    name            varchar(100) not null,
    kind            varchar(30)  not null,
    description     varchar(2000),
    grid_id         bigint,
    building_ids    bigint[]     not null default '{}',
    leading_unit_id bigint,
    recruitment     varchar(10)  not null check (recruitment in ('OPEN', 'CLOSED')),
    join_code       varchar(12),
    created_at      timestamptz  not null,
    unique (community_code, id),
    unique (community_code, name),
    unique (community_code, join_code)
);

create table volunteer_members (
    id              bigint primary key,
    version         integer      not null default 0,
    community_code  varchar(40)  not null references communities (code),
    team_id         bigint       not null,
    person_id       bigint       not null,
    role            varchar(10)  not null check (role in ('LEADER', 'DEPUTY', 'MEMBER')),
    state           varchar(10)  not null check (state in ('APPLIED', 'ACTIVE', 'DECLINED', 'LEFT')),
    skills          text[]       not null default '{}',
    availability    varchar(500),
    motivation      varchar(500),
    decision_reason varchar(500),
    applied_at      timestamptz  not null,
    joined_at       timestamptz,
    unique (community_code, id),
    foreign key (community_code, team_id) references volunteer_teams (community_code, id),
    foreign key (community_code, person_id) references people (community_code, id)
);
create unique index volunteer_members_one_current_idx on volunteer_members (team_id, person_id)
    where state in ('APPLIED', 'ACTIVE');
create index volunteer_members_person_idx on volunteer_members (community_code, person_id, state);

create table volunteer_activities (
    id             bigint primary key,
    version        integer      not null default 0,
    community_code varchar(40)  not null references communities (code),
    team_id        bigint       not null,
    title          varchar(200) not null,
    kind           varchar(20)  not null,
    description    varchar(2000),
    created_at     timestamptz  not null,
    unique (community_code, id),
    foreign key (community_code, team_id) references volunteer_teams (community_code, id)
);

create table volunteer_shifts (
    id                    bigint primary key,
    version               integer      not null default 0,
    community_code        varchar(40)  not null references communities (code),
    activity_id           bigint       not null,
    team_id               bigint       not null,
    starts_at             timestamptz  not null,
    ends_at               timestamptz  not null,
    place_name            varchar(200),
    building_id           bigint,
    grid_id               bigint,
    requirements          text[]       not null default '{}',
    self_sign_up          boolean      not null,
    state                 varchar(10)  not null check (state in ('OPEN', 'CANCELLED')),
    series_id             varchar(40),
    check_code            varchar(6),
    check_code_expires_at timestamptz,
    settled_at            timestamptz,
    created_at            timestamptz  not null,
    check (starts_at < ends_at and ends_at <= starts_at + interval '24 hours'),
    unique (community_code, id),
    foreign key (community_code, activity_id) references volunteer_activities (community_code, id),
    foreign key (community_code, team_id) references volunteer_teams (community_code, id),
    foreign key (community_code, building_id) references buildings (community_code, id)
);
create index volunteer_shifts_team_time_idx on volunteer_shifts (community_code, team_id, starts_at);
create index volunteer_shifts_time_idx on volunteer_shifts (community_code, starts_at);
create index volunteer_shifts_unsettled_idx on volunteer_shifts (ends_at) where settled_at is null;

create table volunteer_shift_positions (
    id             bigint primary key,
    version        integer      not null default 0,
    community_code varchar(40)  not null references communities (code),
    shift_id       bigint       not null,
    name           varchar(100) not null,
    list_id        bigint       not null unique,
    unique (community_code, id),
    unique (shift_id, name),
    foreign key (community_code, shift_id) references volunteer_shifts (community_code, id),
    foreign key (community_code, list_id) references sign_up_lists (community_code, id)
);

create table volunteer_hours (
    id              bigint primary key,
    version         integer      not null default 0,
    community_code  varchar(40)  not null references communities (code),
    person_id       bigint       not null,
    team_id         bigint       not null,
    shift_id        bigint,
    sign_up_id      bigint       unique,
    kind            varchar(12)  not null check (kind in ('VERIFIED', 'BACKFILLED', 'CORRECTION')),
    state           varchar(10)  not null check (state in ('PENDING', 'APPROVED', 'DECLINED')),
    minutes         integer      not null check (minutes between -1440 and 1440),
    worked_on       date         not null,
    reason          varchar(500),
    corrects_id     bigint,
    recorded_by     varchar(300) not null,
    decided_by      varchar(300),
    decision_reason varchar(500),
    created_at      timestamptz  not null,
    check (kind = 'CORRECTION' or minutes > 0),
    check (kind = 'VERIFIED' or reason is not null),
    unique (community_code, id),
    foreign key (community_code, person_id) references people (community_code, id),
    foreign key (community_code, team_id) references volunteer_teams (community_code, id),
    foreign key (community_code, shift_id) references volunteer_shifts (community_code, id),
    foreign key (community_code, corrects_id) references volunteer_hours (community_code, id)
);
create index volunteer_hours_person_idx on volunteer_hours (community_code, person_id, worked_on);
create index volunteer_hours_team_idx on volunteer_hours (community_code, team_id, worked_on);

create table volunteer_profiles (
    id                 bigint primary key,
    version            integer     not null default 0,
    community_code     varchar(40) not null references communities (code),
    person_id          bigint      not null,
    points_balance     integer     not null default 0 check (points_balance >= 0),
    leaderboard_opt_in boolean     not null default false,
    unique (community_code, id),
    unique (community_code, person_id),
    foreign key (community_code, person_id) references people (community_code, id)
);

create table volunteer_rewards (
    id             bigint primary key,
    version        integer      not null default 0,
    community_code varchar(40)  not null references communities (code),
    name           varchar(200) not null,
    description    varchar(1000),
    cost           integer      not null check (cost > 0),
    stock          integer      not null check (stock >= 0),
    active         boolean      not null default true,
    unique (community_code, id),
    unique (community_code, name)
);

create table volunteer_points (
    id             bigint primary key,
    version        integer      not null default 0,
    community_code varchar(40)  not null references communities (code),
    person_id      bigint       not null,
    points         integer      not null check (points <> 0),
    reason         varchar(300) not null,
    hours_id       bigint unique,
    reward_id      bigint,
    created_at     timestamptz  not null,
    unique (community_code, id),
    foreign key (community_code, person_id) references people (community_code, id),
    foreign key (community_code, hours_id) references volunteer_hours (community_code, id),
    foreign key (community_code, reward_id) references volunteer_rewards (community_code, id)
);
create index volunteer_points_person_idx on volunteer_points (community_code, person_id, id);

-- Issued service records (志愿服务记录证明): a person and a period behind an unguessable link for printing.
create table volunteer_service_records (
    id             bigint primary key,
    version        integer      not null default 0,
    community_code varchar(40)  not null references communities (code),
    person_id      bigint       not null,
    from_date      date         not null,
    to_date        date         not null,
    token          varchar(64)  not null unique,
    issued_by      varchar(300) not null,
    issued_at      timestamptz  not null,
    check (from_date < to_date),
    unique (community_code, id),
    foreign key (community_code, person_id) references people (community_code, id)
);
