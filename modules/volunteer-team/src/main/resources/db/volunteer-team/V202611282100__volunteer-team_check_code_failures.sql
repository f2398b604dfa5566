-- Wrong check-in codes entered against a shift's current code; at 10 the code stops working and the leader shows a
-- new one (a six-digit code cannot then be guessed in its few minutes).
alter table volunteer_shifts add column check_code_failures integer not null default 0;
