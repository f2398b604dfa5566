-- Sign-ups for several seats (a parent with children) and waiting lists that offer a freed place for a time instead
-- of giving it at once. `confirmed` counts the seats of CONFIRMED and OFFERED sign-ups.
alter table sign_up_lists add column offer_hours integer check (offer_hours between 1 and 720);

alter table sign_ups add column seats integer not null default 1 check (seats between 1 and 20);
alter table sign_ups add column offer_expires_at timestamptz;
alter table sign_ups drop constraint sign_ups_state_check;
alter table sign_ups add constraint sign_ups_state_check
    check (state in ('CONFIRMED', 'WAITING', 'OFFERED', 'EXPIRED', 'CANCELLED', 'NO_SHOW'));
alter table sign_ups add check (state <> 'OFFERED' or offer_expires_at is not null);
drop index sign_ups_one_active_idx;
create unique index sign_ups_one_active_idx on sign_ups (list_id, person_id)
    where state in ('CONFIRMED', 'WAITING', 'OFFERED');
create index sign_ups_offers_idx on sign_ups (offer_expires_at) where state = 'OFFERED';
