-- Grid module: grids with their buildings and people, incidents with the three-level response and timeline.

create table grid_grids (
    id                  bigint primary key,
    version             integer      not null default 0,
    community_code      varchar(40)  not null references communities (code),
    name                varchar(200) not null,
    description         varchar(2000),
    party_group_unit_id bigint,
    unique (community_code, id),
    unique (community_code, name),
    foreign key (community_code, party_group_unit_id) references org_units (community_code, id)
);

-- A building is in at most one grid.
create table grid_buildings (
    grid_id     bigint not null references grid_grids (id) on delete cascade,
    building_id bigint not null unique references buildings (id)
);

create table grid_members (
    id             bigint primary key,
    version        integer     not null default 0,
    community_code varchar(40) not null references communities (code),
    grid_id        bigint      not null,
    person_id      bigint      not null,
    role           varchar(40) not null,
    building_id    bigint,
    unique (grid_id, person_id, role, building_id),
    foreign key (community_code, grid_id) references grid_grids (community_code, id),
    foreign key (community_code, person_id) references people (community_code, id),
    foreign key (community_code, building_id) references buildings (community_code, id)
);
create index grid_members_person_idx on grid_members (community_code, person_id);

create table grid_incidents (
    id                 bigint primary key,
    version            integer       not null default 0,
    community_code     varchar(40)   not null references communities (code),
    category           varchar(40)   not null,
    description        varchar(4000) not null,
    building_id        bigint,
    unit               varchar(20),
    place_id           bigint,
    photo_urls         text[]        not null default '{}',
    reporter_person_id bigint        not null,
    grid_id            bigint,
    routed_role        varchar(40)   not null,
    routed_unit_id     bigint,
    state              varchar(20)   not null check (state in ('REPORTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED')),
    level              integer       not null check (level between 1 and 3),
    level_deadline     timestamptz   not null,
    overdue            boolean       not null default false,
    reported_at        timestamptz   not null,
    acknowledged_at    timestamptz,
    resolved_at        timestamptz,
    closed_at          timestamptz,
    updated_at         timestamptz   not null,
    rating             integer check (rating between 1 and 5),
    rating_comment     varchar(1000),
    settled_at         varchar(10) check (settled_at in ('BUILDING', 'COMMUNITY')),
    unique (community_code, id),
    foreign key (community_code, building_id) references buildings (community_code, id),
    foreign key (community_code, place_id) references places (community_code, id),
    foreign key (community_code, reporter_person_id) references people (community_code, id),
    foreign key (community_code, grid_id) references grid_grids (community_code, id),
    foreign key (community_code, routed_unit_id) references org_units (community_code, id)
);
create index grid_incidents_updated_idx on grid_incidents (community_code, updated_at);
create index grid_incidents_reported_idx on grid_incidents (community_code, reported_at);
create index grid_incidents_due_idx on grid_incidents (level_deadline) where state in ('REPORTED', 'ACKNOWLEDGED', 'IN_PROGRESS') and not overdue;

create table grid_incident_events (
    id             bigint primary key,
    version        integer       not null default 0,
    community_code varchar(40)   not null references communities (code),
    incident_id    bigint        not null,
    at             timestamptz   not null,
    actor          varchar(300)  not null,
    action         varchar(30)   not null,
    level          integer       not null,
    state_after    varchar(20)   not null,
    note           varchar(4000),
    foreign key (community_code, incident_id) references grid_incidents (community_code, id)
);
create index grid_incident_events_incident_idx on grid_incident_events (community_code, incident_id, at);

create table grid_joint_meetings (
    id             bigint primary key,
    version        integer       not null default 0,
    community_code varchar(40)   not null references communities (code),
    incident_id    bigint        not null,
    held_at        timestamptz   not null,
    parties        text[]        not null,
    minutes        varchar(8000) not null,
    decisions      varchar(4000) not null,
    actions        text[]        not null default '{}',
    foreign key (community_code, incident_id) references grid_incidents (community_code, id)
);

create table grid_summons (
    id             bigint primary key,
    version        integer       not null default 0,
    community_code varchar(40)   not null references communities (code),
    incident_id    bigint        not null,
    department     varchar(200)  not null,
    due_on         date          not null,
    response       varchar(4000),
    responded_at   timestamptz,
    foreign key (community_code, incident_id) references grid_incidents (community_code, id)
);
