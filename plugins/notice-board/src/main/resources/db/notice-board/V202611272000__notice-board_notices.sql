-- Notices of the notice-board plugin.
create table notice_board_notices (
    id             bigint primary key,
    version        integer      not null default 0,
    community_code varchar(40)  not null references communities (code),
    title          varchar(200) not null,
    body           text         not null,
    pinned         boolean      not null,
    signature      varchar(40)  not null,
    published_by   varchar(300) not null,
    published_at   timestamptz  not null,
    withdrawn_at   timestamptz
);
create index notice_board_notices_current_idx on notice_board_notices (community_code, id) where withdrawn_at is null;
