-- Committed changes, for in-memory structures (analytics, segments) that must stay fresh without
-- re-reading whole tables. Written by statement-level triggers, so one row per statement, not per row:
-- an insert keeps the range of new keys, an update or delete the keys themselves. A row becomes visible
-- when its transaction commits, and never before. Readers poll by id and must be idempotent.
create table change_log (
    id         bigint generated always as identity primary key,
    changed_at timestamptz not null default clock_timestamp(),
    table_name text not null,
    op         char(1) not null check (op in ('I', 'U', 'D')),
    first_key  bigint,
    last_key   bigint,
    keys       bigint[]
);
create index change_log_changed_idx on change_log (changed_at);

create function change_log_contact_inserted() returns trigger language plpgsql as $$
begin
    insert into change_log (table_name, op, first_key, last_key)
    select 'contact', 'I', min(id), max(id) from inserted having count(*) > 0;
    return null;
end $$;

create function change_log_contact_updated() returns trigger language plpgsql as $$
begin
    insert into change_log (table_name, op, keys)
    select 'contact', 'U', array_agg(id) from updated having count(*) > 0;
    return null;
end $$;

create function change_log_contact_deleted() returns trigger language plpgsql as $$
begin
    insert into change_log (table_name, op, keys)
    select 'contact', 'D', array_agg(id) from deleted having count(*) > 0;
    return null;
end $$;

create trigger contact_change_inserted after insert on contact
    referencing new table as inserted for each statement execute function change_log_contact_inserted();
create trigger contact_change_updated after update on contact
    referencing new table as updated for each statement execute function change_log_contact_updated();
create trigger contact_change_deleted after delete on contact
    referencing old table as deleted for each statement execute function change_log_contact_deleted();
