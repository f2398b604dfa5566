-- Resident verification (居民认证): a signed-in user becomes the resident of a person record of a community, by the
-- phone number WeChat confirms, by a one-time invitation code from staff, or by staff approving a pending request.

create table resident_verifications (
    id              bigint primary key,
    version         integer      not null default 0,
    community_code  varchar(40)  not null references communities (code),
    subject         varchar(100) not null,
    applicant       varchar(300) not null,
    method          varchar(20)  not null check (method in ('PHONE', 'INVITATION')),
    status          varchar(20)  not null check (status in ('PENDING', 'VERIFIED', 'REJECTED', 'UNLINKED')),
    phone           varchar(20),
    person_id       bigint,
    requested_at    timestamptz  not null,
    decided_at      timestamptz,
    decided_by      varchar(300),
    reason          varchar(500),
    unique (community_code, id),
    foreign key (community_code, person_id) references people (community_code, id),
    check (status = 'PENDING' or status = 'REJECTED' or person_id is not null)
);
-- One open request per user and community; staff decide it before another can be made.
create unique index resident_verifications_one_pending on resident_verifications (community_code, subject)
    where status = 'PENDING';
create index resident_verifications_status_idx on resident_verifications (community_code, status, id);
-- The caller's own requests across communities.
create index resident_verifications_subject_idx on resident_verifications (subject, id);
create index resident_verifications_person_idx on resident_verifications (community_code, person_id);

-- One-time invitation codes issued by staff for a person record. Only the SHA-256 of the code is kept.
create table resident_invitations (
    id              bigint primary key,
    version         integer      not null default 0,
    community_code  varchar(40)  not null references communities (code),
    person_id       bigint       not null,
    code_hash       varchar(64)  not null,
    issued_by       varchar(300) not null,
    issued_at       timestamptz  not null,
    expires_at      timestamptz  not null,
    used_at         timestamptz,
    used_by         varchar(100),
    revoked_at      timestamptz,
    unique (community_code, id),
    unique (community_code, code_hash),
    foreign key (community_code, person_id) references people (community_code, id)
);
create index resident_invitations_person_idx on resident_invitations (community_code, person_id);

-- Failed attempts to redeem an invitation code, per user across communities, to bound guessing.
create table resident_invitation_attempts (
    id              bigint generated always as identity primary key,
    subject         varchar(100) not null,
    at              timestamptz  not null
);
create index resident_invitation_attempts_subject_at_idx on resident_invitation_attempts (subject, at);
