-- Lighter writes for the journeys' bulk path (docs/journeys.md, bench/engagement): each of its million-row chunks
-- paid a row lock per foreign-key check and a row per tracked link.

-- A tracked link is now <occurrence id>-<step>-<secret>, checked against the occurrence's secret and led to the
-- step's link in the journey definition: no row per link, nothing to look up but the occurrence's primary key.
-- gen_random_uuid() draws from the strong random source (122 random bits).
alter table journey_occurrence add column link_secret text not null default replace(gen_random_uuid()::text, '-', '');
drop table tracked_link;

-- Three references are kept by the writers instead of checked per row: a journey's occurrences are only added while
-- the journey row is locked (for share); decisions only for an occurrence written or locked in the same transaction;
-- outbox messages only for a citizen the decision just read (and the outbox is a queue: a message for a citizen who
-- is gone is cancelled by the dispatcher). Deleting the parent still removes the children, once per statement.
alter table journey_occurrence drop constraint journey_occurrence_journey_key_fkey;
alter table journey_decision drop constraint journey_decision_occurrence_id_fkey;
alter table outbox_message drop constraint outbox_message_citizen_id_fkey;

create function journey_deleted() returns trigger language plpgsql as $$
begin
    delete from journey_occurrence o using deleted d where o.journey_key = d.key;
    return null;
end $$;
create trigger journey_deleted after delete on journey referencing old table as deleted
    for each statement execute function journey_deleted();

create function journey_occurrence_deleted() returns trigger language plpgsql as $$
begin
    delete from journey_decision x using deleted d where x.occurrence_id = d.id;
    return null;
end $$;
create trigger journey_occurrence_deleted after delete on journey_occurrence referencing old table as deleted
    for each statement execute function journey_occurrence_deleted();

create function citizen_deleted_outbox() returns trigger language plpgsql as $$
begin
    delete from outbox_message m using deleted d where m.citizen_id = d.id;
    return null;
end $$;
create trigger citizen_deleted_outbox after delete on citizen referencing old table as deleted
    for each statement execute function citizen_deleted_outbox();

-- The frequency cap counts the outbox (every message queued for the citizen, by its not_before and status), and a
-- decision is found from its message key through the occurrence id in it: two indexes fewer per send.
drop index journey_decision_citizen_send_idx;
alter table journey_decision drop constraint journey_decision_message_key_key;
drop index outbox_message_citizen_idx;
create index outbox_message_citizen_idx on outbox_message (citizen_id, not_before);

-- The database never looks inside a rendered body (OutboxBodies reads it): text, not parsed into jsonb on every insert.
alter table outbox_message alter column body type text;
