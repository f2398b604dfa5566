-- A booking may name the volunteer team it is for by id (volunteer-team module). No foreign key: that module's
-- table exists only where the module is installed; the service checks the team when booking.
alter table booking_bookings add column team_id bigint;
