-- Consent and objections (GDPR Art. 7 and 21). Every expression of a citizen's will is an event, kept for good:
-- the current state is the latest event. Both tables are append-only (see append_only_refuse below).

-- A purpose that rests on consent, so that consent has something to apply to.
insert into purpose (key, name_nl, name_en, description, legal_basis, data_categories, retention, recipients) values
('participation', 'Participatie en nieuwsbrieven', 'Participation and newsletters',
 'Invitations to the citizen panel, surveys and newsletters, only for citizens who asked for them.',
 'consent', '{identification,contact_preferences}', 'P2Y', '{communication}');

-- Per citizen, per purpose and per channel (null: every channel). given/withdrawn apply to purposes resting on
-- consent; objected to purposes resting on public task or legitimate interest (withdrawn lifts it).
create table consent_event (
    id          bigint generated always as identity primary key,
    citizen_id  uuid not null references citizen (id),
    purpose     text not null references purpose (key),
    channel     text check (channel ~ '^[a-z_]+$'),
    state       text not null check (state in ('given', 'withdrawn', 'objected')),
    legal_basis text not null,              -- the purpose's legal basis when the event was recorded
    source      text not null check (length(source) between 1 and 100),
    actor       text not null,
    trace_id    text,
    at          timestamptz not null default clock_timestamp()
);
create index consent_event_citizen_idx on consent_event (citizen_id, purpose, id);

-- Objections that are not about one purpose: to profiling (no segment, no learning) and to digital contact.
-- The profiling objection is mirrored in citizen.profiling_objection (V8), in the same transaction.
create table objection_event (
    id          bigint generated always as identity primary key,
    citizen_id  uuid not null references citizen (id),
    kind        text not null check (kind in ('profiling', 'digital_contact')),
    objected    boolean not null,
    source      text not null check (length(source) between 1 and 100),
    actor       text not null,
    trace_id    text,
    at          timestamptz not null default clock_timestamp()
);
create index objection_event_citizen_idx on objection_event (citizen_id, kind, id);

-- Refuses UPDATE, DELETE and TRUNCATE for everyone, the table owner included. A superuser can still disable
-- the trigger; the audit log's hash chain (V10) is what detects that there.
create function append_only_refuse() returns trigger language plpgsql as $$
begin
    raise exception '% on % refused: the table is append-only', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end $$;

-- Statement-level, so an UPDATE or DELETE that matches no row is refused too.
create trigger consent_event_append_only before update or delete or truncate on consent_event
    for each statement execute function append_only_refuse();
create trigger objection_event_append_only before update or delete or truncate on objection_event
    for each statement execute function append_only_refuse();
