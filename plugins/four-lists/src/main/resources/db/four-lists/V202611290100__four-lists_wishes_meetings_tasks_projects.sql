-- The four lists (四单工作法) and deliberation meetings (协商议事): wishes with supports and evaluations, meetings with
-- agenda, resolutions and registrations (the kernel's sign_up_lists), tasks split from wishes, micro projects with
-- claims, and one timeline of what happened to each. Rooms and places are referred to by booking or hold id.
create extension if not exists pg_trgm;

create table fl_wishes (
    id                    bigint primary key,
    version               integer       not null default 0,
    community_code        varchar(40)   not null references communities (code),
    title                 varchar(200)  not null,
    body                  varchar(4000) not null,
    match_text            text          not null,
    photo_urls            text[]        not null default '{}',
    scope_kind            varchar(10)   not null check (scope_kind in ('BUILDING', 'GRID', 'COMPOUND', 'COMMUNITY')),
    scope_id              bigint,
    scope_name            varchar(310)  not null,
    source                varchar(20)   not null check (source in ('RESIDENT', 'GRID_TEAM', 'HOUSEHOLD_VISIT')),
    source_ref            bigint,
    author_person_id      bigint        not null,
    public                boolean       not null,
    state                 varchar(12)   not null check (state in ('SUBMITTED', 'ACCEPTED', 'MERGED', 'DECLINED',
                                                        'IN_PROGRESS', 'EVALUATING', 'ACHIEVED', 'NOT_ACHIEVED')),
    supports              integer       not null default 0 check (supports >= 0),
    answer                varchar(2000),
    merged_into_id        bigint,
    answered_at           timestamptz,
    evaluation_opens_at   timestamptz,
    evaluation_closes_at  timestamptz,
    ratings               integer       not null default 0,
    rating_average        numeric(3, 2),
    created_at            timestamptz   not null,
    closed_at             timestamptz,
    unique (community_code, id),
    foreign key (community_code, author_person_id) references people (community_code, id),
    foreign key (community_code, merged_into_id) references fl_wishes (community_code, id),
    check ((scope_kind = 'COMMUNITY') = (scope_id is null))
);
create index fl_wishes_state on fl_wishes (community_code, state, id);
-- Similar open wishes are found by pg_trgm's similarity of match_text (WishMatchText: Latin words as they are, each
-- pair of adjacent Chinese characters as one hashed ASCII word, so that pg_trgm compares Chinese whatever the
-- database's locale), over the community's open wishes (fl_wishes_state).

create table fl_wish_supports (
    id             bigint primary key,
    version        integer     not null default 0,
    community_code varchar(40) not null references communities (code),
    wish_id        bigint      not null,
    person_id      bigint      not null,
    created_at     timestamptz not null,
    unique (community_code, wish_id, person_id),
    foreign key (community_code, wish_id) references fl_wishes (community_code, id),
    foreign key (community_code, person_id) references people (community_code, id)
);

create table fl_evaluations (
    id             bigint primary key,
    version        integer     not null default 0,
    community_code varchar(40) not null references communities (code),
    wish_id        bigint      not null,
    person_id      bigint      not null,
    rating         integer     not null check (rating between 1 and 5),
    comment        varchar(2000),
    created_at     timestamptz not null,
    unique (community_code, wish_id, person_id),
    foreign key (community_code, wish_id) references fl_wishes (community_code, id),
    foreign key (community_code, person_id) references people (community_code, id)
);

create table fl_meetings (
    id                   bigint primary key,
    version              integer       not null default 0,
    community_code       varchar(40)   not null references communities (code),
    kind                 varchar(20)   not null check (kind in ('BUILDING', 'RESIDENTS_FORUM', 'TRIPARTITE', 'OWNERS')),
    title                varchar(200)  not null,
    building_id          bigint,
    starts_at            timestamptz   not null,
    ends_at              timestamptz   not null check (ends_at > starts_at),
    room_id              bigint,
    room_booking_id      bigint,
    place_id             bigint,
    place_hold_id        bigint,
    venue_name           varchar(200)  not null,
    sign_up_list_id      bigint        not null,
    invitees             jsonb         not null default '[]',
    state                varchar(10)   not null check (state in ('PLANNED', 'CANCELLED', 'CLOSED')),
    convener_person_id   bigint        not null,
    cancel_reason        varchar(500),
    minutes              varchar(20000),
    summary              varchar(4000),
    attended             integer,
    walk_ins             integer,
    created_at           timestamptz   not null,
    closed_at            timestamptz,
    unique (community_code, id),
    foreign key (community_code, convener_person_id) references people (community_code, id),
    foreign key (community_code, sign_up_list_id) references sign_up_lists (community_code, id)
);
create index fl_meetings_starts on fl_meetings (community_code, starts_at);

create table fl_agenda_items (
    id             bigint primary key,
    version        integer      not null default 0,
    community_code varchar(40)  not null references communities (code),
    meeting_id     bigint       not null,
    position       integer      not null,
    title          varchar(200) not null,
    wish_id        bigint,
    task_id        bigint,
    project_id     bigint,
    unique (community_code, id),
    unique (community_code, meeting_id, position),
    foreign key (community_code, meeting_id) references fl_meetings (community_code, id),
    foreign key (community_code, wish_id) references fl_wishes (community_code, id)
);

create table fl_resolutions (
    id             bigint primary key,
    version        integer       not null default 0,
    community_code varchar(40)   not null references communities (code),
    meeting_id     bigint        not null,
    agenda_item_id bigint,
    text           varchar(2000) not null,
    votes_for      integer check (votes_for >= 0),
    votes_against  integer check (votes_against >= 0),
    abstentions    integer check (abstentions >= 0),
    adopted        boolean       not null,
    recorded_at    timestamptz   not null,
    unique (community_code, id),
    foreign key (community_code, meeting_id) references fl_meetings (community_code, id),
    foreign key (community_code, agenda_item_id) references fl_agenda_items (community_code, id),
    check ((votes_for is null) = (votes_against is null) and (votes_for is null) = (abstentions is null))
);

create table fl_tasks (
    id                    bigint primary key,
    version               integer       not null default 0,
    community_code        varchar(40)   not null references communities (code),
    wish_id               bigint        not null,
    meeting_id            bigint        not null,
    title                 varchar(200)  not null,
    detail                varchar(2000),
    party                 varchar(20)   not null check (party in ('COMMUNITY', 'PROPERTY', 'OWNERS_COMMITTEE',
                                                                  'PARTNER')),
    unit_id               bigint,
    unit_name             varchar(200)  not null,
    due_on                date          not null,
    state                 varchar(12)   not null check (state in ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    progress              integer       not null default 0 check (progress between 0 and 100),
    overdue_since         timestamptz,
    incident_id           bigint,
    created_by_person_id  bigint        not null,
    created_at            timestamptz   not null,
    done_at               timestamptz,
    unique (community_code, id),
    foreign key (community_code, wish_id) references fl_wishes (community_code, id),
    foreign key (community_code, meeting_id) references fl_meetings (community_code, id)
);
create index fl_tasks_wish on fl_tasks (community_code, wish_id);
create index fl_tasks_due on fl_tasks (due_on) where state in ('OPEN', 'IN_PROGRESS');

create table fl_projects (
    id                   bigint primary key,
    version              integer       not null default 0,
    community_code       varchar(40)   not null references communities (code),
    meeting_id           bigint        not null,
    wish_id              bigint,
    title                varchar(200)  not null,
    description          varchar(4000),
    needs                jsonb         not null,
    state                varchar(10)   not null check (state in ('PROPOSED', 'STARTED', 'COMPLETED', 'CANCELLED')),
    progress             integer       not null default 0 check (progress between 0 and 100),
    proposed_by_person_id bigint       not null,
    created_at           timestamptz   not null,
    started_at           timestamptz,
    completed_at         timestamptz,
    unique (community_code, id),
    foreign key (community_code, meeting_id) references fl_meetings (community_code, id),
    foreign key (community_code, wish_id) references fl_wishes (community_code, id)
);
create index fl_projects_wish on fl_projects (community_code, wish_id);

create table fl_claims (
    id                   bigint primary key,
    version              integer       not null default 0,
    community_code       varchar(40)   not null references communities (code),
    project_id           bigint        not null,
    need_index           integer       not null check (need_index >= 0),
    party                varchar(20)   not null check (party in ('COMMUNITY', 'PROPERTY', 'OWNERS_COMMITTEE',
                                                                 'PARTNER')),
    unit_id              bigint,
    party_name           varchar(200)  not null,
    quantity             integer       not null check (quantity > 0),
    commitment           varchar(1000) not null,
    claimed_by_person_id bigint        not null,
    claimed_at           timestamptz   not null,
    unique (community_code, id),
    foreign key (community_code, project_id) references fl_projects (community_code, id)
);
create index fl_claims_project on fl_claims (community_code, project_id);

-- What happened to a wish, task or project, in order: states, answers, progress notes.
create table fl_timeline (
    id             bigint primary key,
    version        integer       not null default 0,
    community_code varchar(40)   not null references communities (code),
    subject_kind   varchar(10)   not null check (subject_kind in ('WISH', 'TASK', 'PROJECT')),
    subject_id     bigint        not null,
    at             timestamptz   not null,
    actor          varchar(200)  not null,
    state          varchar(12)   not null,
    progress       integer,
    note           varchar(2000),
    unique (community_code, id)
);
create index fl_timeline_subject on fl_timeline (community_code, subject_kind, subject_id, id);
