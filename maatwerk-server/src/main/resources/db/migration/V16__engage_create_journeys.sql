-- Journeys (docs/journeys.md): a trigger, an audience, steps and limits, defined as JSON.
create table journey (
    key        text primary key check (key ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
    name       text not null check (length(name) between 1 and 200),
    purpose    text not null references purpose (key),
    definition jsonb not null,
    enabled    boolean not null default true,     -- the kill switch: false stops every further step
    version    integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

-- One trigger occurrence for one citizen (a document number with its expiry date, a case status change, ...):
-- acted on once, whatever restarts or retries happen. The state walks through the journey's steps.
create table journey_occurrence (
    id          bigint generated always as identity primary key,
    journey_key text not null references journey (key) on delete cascade,
    citizen_id  uuid not null references citizen (id) on delete cascade,
    occurrence  text not null check (length(occurrence) between 1 and 300),
    trigger_values jsonb not null default '{}'::jsonb,   -- what the trigger knew: document_expiry_date, case_type, ...
    segment_key text,                                    -- the audience segment, for stats by segment
    state       text not null check (state in ('active', 'done', 'stopped')),
    step        integer not null default 0,
    attempt     integer not null default 0,              -- fallback channel attempt within a send step
    due_at      timestamptz not null,
    created_at  timestamptz not null,
    unique (journey_key, citizen_id, occurrence)
);
create index journey_occurrence_due_idx on journey_occurrence (due_at) where state = 'active';
create index journey_occurrence_citizen_idx on journey_occurrence (citizen_id);

-- Every decision taken for an occurrence, with its reason; a send carries the outbox idempotency key.
create table journey_decision (
    id            bigint generated always as identity primary key,
    occurrence_id bigint not null references journey_occurrence (id) on delete cascade,
    journey_key   text not null,
    citizen_id    uuid not null,
    step          integer not null,
    kind          text not null check (kind in ('send', 'skip', 'blocked', 'deferred', 'escalated', 'wait',
                      'branch', 'end', 'stopped', 'failed', 'cancelled', 'delivered')),
    channel       text,
    reason        text not null,
    detail        text,
    message_key   text unique,
    not_before    timestamptz,
    decided_at    timestamptz not null
);
create index journey_decision_occurrence_idx on journey_decision (occurrence_id, id);
create index journey_decision_citizen_send_idx on journey_decision (citizen_id, not_before) where kind = 'send';
create index journey_decision_journey_idx on journey_decision (journey_key, kind);

-- A link in a message that records a click before it redirects (/r/{token}).
create table tracked_link (
    token         text primary key,
    occurrence_id bigint not null references journey_occurrence (id) on delete cascade,
    step          integer not null,
    target        text not null check (target ~ '^https?://'),
    created_at    timestamptz not null default now()
);

-- Outcomes an integrator posts ("online_application_completed"), identified by source + source_id.
create table outcome_event (
    id         bigint generated always as identity primary key,
    source     text not null check (length(source) between 1 and 100),
    source_id  text not null check (length(source_id) between 1 and 200),
    citizen_id uuid not null references citizen (id) on delete cascade,
    outcome    text not null check (outcome ~ '^[a-z][a-z0-9_]{0,62}$'),
    journey_key text,
    at         timestamptz not null,
    unique (source, source_id)
);

-- A citizen's response to a journey: a click on a tracked link or an outcome.
create table journey_response (
    id            bigint generated always as identity primary key,
    occurrence_id bigint not null references journey_occurrence (id) on delete cascade,
    kind          text not null check (kind in ('click', 'outcome')),
    name          text not null,
    at            timestamptz not null
);
create index journey_response_occurrence_idx on journey_response (occurrence_id);

-- The contact centre's task list: a person calls or writes where the digital route did not work.
create table contact_task (
    id            bigint generated always as identity primary key,
    citizen_id    uuid not null references citizen (id) on delete cascade,
    journey_key   text,
    occurrence_id bigint references journey_occurrence (id) on delete cascade,
    step          integer,
    action        text not null check (action in ('call', 'letter')),
    reason        text not null,
    context       jsonb not null default '{}'::jsonb,
    state         text not null default 'open' check (state in ('open', 'done')),
    created_at    timestamptz not null,
    done_at       timestamptz,
    done_by       text,
    note          text,
    unique (occurrence_id, step)
);
create index contact_task_open_idx on contact_task (created_at) where state = 'open';

-- The last known status of each message a journey queued (from MessageStatusChanged), for stats and fallback.
create table journey_message_status (
    message_key text primary key,
    status      text not null,
    reason      text,
    at          timestamptz not null
);
