-- Data-subject requests (GDPR Art. 15 access, Art. 17 erasure), the audit log's pseudonyms, and retention.

-- Handling the requests is itself processing of personal data, with its own entry in the purpose register.
insert into purpose (key, name_nl, name_en, description, legal_basis, data_categories, retention, recipients) values
('data_subject_rights', 'Rechten van betrokkenen', 'Data-subject rights',
 'Handling a citizen''s requests for access (Art. 15) and erasure (Art. 17) of their personal data.',
 'legal_obligation', '{identification,address,household,documents,cases,contact_history,consents,segment_membership}',
 'P5Y', '{privacy officer}');

-- One request as the privacy officer filed it, and what became of it. citizen_id is set to null when the citizen
-- is erased (nothing here may point at them afterwards); outcome holds counts per table, never personal data.
create table privacy_request (
    id            uuid primary key,
    type          text not null check (type in ('access', 'erasure')),
    citizen_id    uuid references citizen (id) on delete set null,
    status        text not null check (status in ('completed', 'refused')),
    reason        text check (length(reason) <= 2000),    -- why the citizen asked, as the officer wrote it down
    requested_at  timestamptz not null,
    requested_by  text not null,
    decided_at    timestamptz,
    decided_by    text,
    outcome       jsonb not null default '{}'::jsonb,      -- erasure: rows removed per table
    refusal       text                                     -- why (part of) the request was refused
);
create index privacy_request_citizen_idx on privacy_request (citizen_id);
create index privacy_request_requested_idx on privacy_request (requested_at desc);

-- The audit log names citizens by a pseudonym from format 2 on: a random uuid per citizen, kept here. Erasure
-- deletes the citizen and with it this row, so their entries stay in the chain (still verifiable) but point at nobody.
create table audit_subject (
    citizen_id uuid primary key references citizen (id) on delete cascade,
    pseudonym  uuid not null unique
);

-- Format 1 entries hold citizen ids in citizen_ids; format 2 entries hold pseudonyms (audit_subject) and a request
-- path whose citizen ids are replaced by those pseudonyms. The format is part of the hash (AuditChain's prefix).
-- Adding a column with a constant default rewrites no row, so the append-only trigger is not involved.
alter table audit_log add column format smallint not null default 1 check (format in (1, 2));
alter table audit_log drop constraint audit_log_action_check;
alter table audit_log add constraint audit_log_action_check check (action in ('read', 'export', 'erase'));

-- Consent and objection events stay append-only, except for an erasure: it sets maatwerk.erasure with SET LOCAL in
-- its own transaction. This guards against mistakes, not against a database superuser (see docs/privacy.md).
create function append_only_unless_erasure() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('maatwerk.erasure', true) = 'on' then
        return null;
    end if;
    raise exception '% on % refused: the table is append-only', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end $$;

drop trigger consent_event_append_only on consent_event;
drop trigger objection_event_append_only on objection_event;
create trigger consent_event_append_only before update or delete or truncate on consent_event
    for each statement execute function append_only_unless_erasure();
create trigger objection_event_append_only before update or delete or truncate on objection_event
    for each statement execute function append_only_unless_erasure();

-- Retention per data category: rows of table_name whose time_column is older than period are deleted, or (anonymise)
-- have clear_columns set to null. The period follows the purpose the data is held for (purpose.retention) unless
-- a longer legal period applies; see docs/privacy.md.
create table retention_rule (
    category      text primary key check (category ~ '^[a-z][a-z0-9_]*$'),
    description   text not null,
    purpose       text not null references purpose (key),
    table_name    text not null check (table_name ~ '^[a-z][a-z0-9_]*$'),
    time_column   text not null check (time_column ~ '^[a-z][a-z0-9_]*$'),
    period        text not null check (period ~ '^P([0-9]+Y)?([0-9]+M)?([0-9]+D)?$'),
    action        text not null check (action in ('delete', 'anonymise')),
    clear_columns text[] not null default '{}',
    check ((action = 'anonymise') = (cardinality(clear_columns) > 0))
);

insert into retention_rule (category, description, purpose, table_name, time_column, period, action, clear_columns) values
('contact_free_text', 'Free text of a contact (what the citizen wrote or said): removed after one year; the contact itself stays.',
 'service_delivery', 'contact', 'occurred_at', 'P1Y', 'anonymise', '{text}'),
('contact_metadata', 'The contact itself (channel, topic, time, citizen): deleted after five years.',
 'contact_analytics', 'contact', 'occurred_at', 'P5Y', 'delete', '{}'),
('segment_membership_event', 'Who entered or left a segment when: deleted after one year (the segmentation purpose).',
 'segmentation', 'segment_membership_event', 'at', 'P1Y', 'delete', '{}');

-- What each retention run did: counts per category, never the data.
create table retention_run (
    id          bigint generated always as identity primary key,
    started_at  timestamptz not null,
    finished_at timestamptz not null,
    cutoff_now  timestamptz not null,         -- the moment periods were counted back from
    dry_run     boolean not null,
    results     jsonb not null                -- [{category, action, cutoff, rows}]
);
