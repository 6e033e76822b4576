-- Segments: named groups of citizens described in the segment language (docs/segment-language.md), each for
-- one purpose of the purpose register. The text is the canonical form; the tree is its JSON form.
create table segment (
    key             text primary key check (key ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
    name            text not null check (length(name) between 1 and 200),
    purpose         text not null references purpose (key),
    expression      text not null,
    tree            jsonb not null,
    referenced_keys text[] not null default '{}',   -- every segment it uses, directly or through others
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);

-- Who entered or left a segment, and when; journeys read these in id order.
create table segment_membership_event (
    id          bigint generated always as identity primary key,
    segment_key text not null,
    citizen_id  uuid not null references citizen (id) on delete cascade,
    change      text not null check (change in ('entered', 'left')),
    at          timestamptz not null
);
create index segment_membership_event_segment_idx on segment_membership_event (segment_key, id);
create index segment_membership_event_citizen_idx on segment_membership_event (citizen_id);

-- GDPR Art. 21: a citizen who objected to profiling is in no segment. The privacy tooling sets it.
alter table citizen add column profiling_objection boolean not null default false;

-- Change log for the segment index (see V6): citizens by seq; documents, cases and case history by the seqs
-- of the citizens they belong to (before and after an update).
create function change_log_citizen_inserted() returns trigger language plpgsql as $$
begin
    insert into change_log (table_name, op, first_key, last_key)
    select 'citizen', 'I', min(seq), max(seq) from inserted having count(*) > 0;
    return null;
end $$;

create function change_log_citizen_updated() returns trigger language plpgsql as $$
begin
    insert into change_log (table_name, op, keys)
    select 'citizen', 'U', array_agg(seq) from updated having count(*) > 0;
    return null;
end $$;

create function change_log_citizen_deleted() returns trigger language plpgsql as $$
begin
    insert into change_log (table_name, op, keys)
    select 'citizen', 'D', array_agg(seq) from deleted having count(*) > 0;
    return null;
end $$;

create trigger citizen_change_inserted after insert on citizen
    referencing new table as inserted for each statement execute function change_log_citizen_inserted();
create trigger citizen_change_updated after update on citizen
    referencing new table as updated for each statement execute function change_log_citizen_updated();
create trigger citizen_change_deleted after delete on citizen
    referencing old table as deleted for each statement execute function change_log_citizen_deleted();

-- One function per table and operation keeps them plain; rows is the transition table, keyed by citizen_id.
create function change_log_by_citizen(tbl text, operation char, citizen_ids uuid[]) returns void
    language plpgsql as $$
begin
    insert into change_log (table_name, op, keys)
    select tbl, operation, array_agg(distinct c.seq) from citizen c where c.id = any(citizen_ids)
    having count(*) > 0;
end $$;

create function change_log_travel_document_inserted() returns trigger language plpgsql as $$
begin
    perform change_log_by_citizen('travel_document', 'I', (select array_agg(citizen_id) from inserted));
    return null;
end $$;
create function change_log_travel_document_updated() returns trigger language plpgsql as $$
begin
    perform change_log_by_citizen('travel_document', 'U',
        (select array_agg(citizen_id) from (select citizen_id from old_rows union select citizen_id from new_rows) r));
    return null;
end $$;
create function change_log_travel_document_deleted() returns trigger language plpgsql as $$
begin
    perform change_log_by_citizen('travel_document', 'D', (select array_agg(citizen_id) from deleted));
    return null;
end $$;
create trigger travel_document_change_inserted after insert on travel_document
    referencing new table as inserted for each statement execute function change_log_travel_document_inserted();
create trigger travel_document_change_updated after update on travel_document
    referencing old table as old_rows new table as new_rows for each statement
    execute function change_log_travel_document_updated();
create trigger travel_document_change_deleted after delete on travel_document
    referencing old table as deleted for each statement execute function change_log_travel_document_deleted();

create function change_log_municipal_case_inserted() returns trigger language plpgsql as $$
begin
    perform change_log_by_citizen('municipal_case', 'I', (select array_agg(citizen_id) from inserted));
    return null;
end $$;
create function change_log_municipal_case_updated() returns trigger language plpgsql as $$
begin
    perform change_log_by_citizen('municipal_case', 'U',
        (select array_agg(citizen_id) from (select citizen_id from old_rows union select citizen_id from new_rows) r));
    return null;
end $$;
create function change_log_municipal_case_deleted() returns trigger language plpgsql as $$
begin
    perform change_log_by_citizen('municipal_case', 'D', (select array_agg(citizen_id) from deleted));
    return null;
end $$;
create trigger municipal_case_change_inserted after insert on municipal_case
    referencing new table as inserted for each statement execute function change_log_municipal_case_inserted();
create trigger municipal_case_change_updated after update on municipal_case
    referencing old table as old_rows new table as new_rows for each statement
    execute function change_log_municipal_case_updated();
create trigger municipal_case_change_deleted after delete on municipal_case
    referencing old table as deleted for each statement execute function change_log_municipal_case_deleted();

create function change_log_case_status_change() returns trigger language plpgsql as $$
begin
    perform change_log_by_citizen('case_status_change', 'U',
        (select array_agg(k.citizen_id) from municipal_case k where k.id in (select case_id from changed)));
    return null;
end $$;
create trigger case_status_change_inserted after insert on case_status_change
    referencing new table as changed for each statement execute function change_log_case_status_change();
create trigger case_status_change_deleted after delete on case_status_change
    referencing old table as changed for each statement execute function change_log_case_status_change();
