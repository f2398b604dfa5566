-- Kernel tables: communities and their places, people, module enablement, audit log.
-- Community-owned tables carry community_code (the tenant, set and filtered by Hibernate) and reference
-- their parents with (community_code, id), so a row can never point into another community.

create sequence linqin_id_seq start with 1 increment by 50;

create table communities (
    id          bigint primary key,
    version     integer     not null default 0,
    code        varchar(40) not null unique check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        varchar(200) not null,
    district    varchar(200),
    time_zone   varchar(64) not null default 'Asia/Shanghai',
    founded_on  date,
    created_at  timestamptz not null
);

create table compounds (
    id             bigint primary key,
    version        integer     not null default 0,
    community_code varchar(40) not null references communities (code),
    name           varchar(200) not null,
    delivered_on   date,
    description    varchar(2000),
    unique (community_code, id),
    unique (community_code, name)
);

create table buildings (
    id             bigint primary key,
    version        integer     not null default 0,
    community_code varchar(40) not null references communities (code),
    compound_id    bigint      not null,
    name           varchar(100) not null,
    units          text[]      not null default '{}',
    floors         integer check (floors between 1 and 200),
    unique (community_code, id),
    unique (compound_id, name),
    foreign key (community_code, compound_id) references compounds (community_code, id)
);

create table places (
    id             bigint primary key,
    version        integer     not null default 0,
    community_code varchar(40) not null references communities (code),
    name           varchar(200) not null,
    kind           varchar(20) not null check (kind in ('SQUARE', 'SERVICE_CENTRE', 'PARK', 'OTHER')),
    compound_id    bigint,
    address        varchar(500),
    description    varchar(2000),
    unique (community_code, id),
    unique (community_code, name),
    foreign key (community_code, compound_id) references compounds (community_code, id)
);

create table people (
    id             bigint primary key,
    version        integer     not null default 0,
    community_code varchar(40) not null references communities (code),
    name           varchar(100) not null,
    phone          varchar(20),
    building_id    bigint,
    unit           varchar(20),
    household      varchar(20),
    subject        varchar(100),
    unique (community_code, id),
    unique (community_code, subject),
    foreign key (community_code, building_id) references buildings (community_code, id)
);
create index people_name_idx on people (community_code, name);

create table module_enablements (
    id             bigint primary key,
    version        integer     not null default 0,
    community_code varchar(40) not null references communities (code),
    module_id      varchar(60) not null,
    enabled        boolean     not null,
    settings       jsonb       not null default '{}',
    changed_by     varchar(300) not null,
    changed_at     timestamptz not null,
    unique (community_code, module_id)
);

create table audit_log (
    id             bigint primary key,
    version        integer     not null default 0,
    community_code varchar(40),
    actor          varchar(300) not null,
    action         varchar(60)  not null,
    target_type    varchar(60)  not null,
    target_id      varchar(100) not null,
    details        jsonb,
    at             timestamptz  not null
);
create index audit_log_community_at_idx on audit_log (community_code, at);
