-- Organisation module: units (five-level axis and partners), appointments, party members, household visits,
-- co-construction agreements. References stay inside one community through (community_code, id) keys.

create table org_units (
    id                bigint primary key,
    version           integer      not null default 0,
    community_code    varchar(40)  not null references communities (code),
    name              varchar(200) not null,
    kind              varchar(40)  not null check (kind in ('COMMUNITY_PARTY_COMMITTEE', 'COMPOUND_PARTY_COMMITTEE',
                          'COMPOUND_PARTY_BRANCH', 'PARTY_GROUP', 'PARTY_MEMBER_HOUSEHOLD', 'PROPERTY_SERVICE_COMPANY',
                          'TWO_NEW_PARTY_BRANCH', 'OWNERS_COMMITTEE', 'SCHOOL', 'CITY_MANAGEMENT',
                          'PROFESSIONAL_SOCIAL_ORGANISATION', 'JURISDICTION_UNIT')),
    parent_id         bigint,
    compound_id       bigint,
    building_id       bigint,
    unit              varchar(20),
    household         varchar(20),
    served_households text[]       not null default '{}',
    contact_phone     varchar(20),
    dissolved_on      date,
    unique (community_code, id),
    check (parent_id is null or parent_id <> id),
    foreign key (community_code, parent_id) references org_units (community_code, id),
    foreign key (community_code, compound_id) references compounds (community_code, id),
    foreign key (community_code, building_id) references buildings (community_code, id)
);
create index org_units_parent_idx on org_units (community_code, parent_id);
create unique index org_units_one_party_committee on org_units (community_code)
    where kind = 'COMMUNITY_PARTY_COMMITTEE' and dissolved_on is null;

create table org_appointments (
    id             bigint primary key,
    version        integer     not null default 0,
    community_code varchar(40) not null references communities (code),
    unit_id        bigint      not null,
    person_id      bigint      not null,
    position       varchar(40) not null,
    start_on       date        not null,
    end_on         date,
    public_contact boolean     not null default false,
    check (end_on is null or end_on >= start_on),
    foreign key (community_code, unit_id) references org_units (community_code, id),
    foreign key (community_code, person_id) references people (community_code, id)
);
create index org_appointments_unit_idx on org_appointments (community_code, unit_id);
create index org_appointments_person_idx on org_appointments (community_code, person_id);

create table org_party_memberships (
    id             bigint primary key,
    version        integer     not null default 0,
    community_code varchar(40) not null references communities (code),
    person_id      bigint      not null,
    unit_id        bigint      not null,
    joined_on      date        not null,
    unique (community_code, person_id),
    foreign key (community_code, unit_id) references org_units (community_code, id),
    foreign key (community_code, person_id) references people (community_code, id)
);

create table org_household_visits (
    id                bigint primary key,
    version           integer      not null default 0,
    community_code    varchar(40)  not null references communities (code),
    visitor_person_id bigint       not null,
    building_id       bigint       not null,
    unit              varchar(20),
    household         varchar(20)  not null,
    visited_at        timestamptz  not null,
    outcome           varchar(4000) not null,
    foreign key (community_code, visitor_person_id) references people (community_code, id),
    foreign key (community_code, building_id) references buildings (community_code, id)
);

create table org_agreements (
    id             bigint primary key,
    version        integer      not null default 0,
    community_code varchar(40)  not null references communities (code),
    title          varchar(200) not null,
    status         varchar(10)  not null check (status in ('DRAFT', 'SIGNED', 'ENDED')),
    signed_on      date,
    ended_on       date,
    unique (community_code, id)
);

create table org_agreement_parties (
    agreement_id bigint        not null references org_agreements (id) on delete cascade,
    position     integer       not null,
    unit_id      bigint        not null references org_units (id),
    commitments  varchar(4000) not null,
    primary key (agreement_id, position)
);
