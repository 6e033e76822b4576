-- The transactional outbox (docs/delivery.md): one row per rendered message, written in the deciding transaction.
-- next_attempt_at is set while a row still needs the dispatcher (created, temporary_failure, and sending whose
-- lease may run out); it is null once the peer accepted the message or the row is final.
create table outbox_message (
    id                  bigint generated always as identity primary key,
    idempotency_key     text collate "C" not null unique,   -- byte order: cheaper to index than the locale's
    citizen_id          uuid not null references citizen (id),
    journey_key         text,
    channel             text not null check (channel in ('email', 'sms', 'whatsapp', 'app', 'letter')),
    purpose             text not null,
    recipient           text,
    body                jsonb not null,
    not_before          timestamptz not null,
    status              text not null default 'created' check (status in
                            ('created', 'sending', 'delivered', 'temporary_failure', 'permanent_failure', 'cancelled')),
    attempts            integer not null default 0,
    next_attempt_at     timestamptz,
    last_error          text,
    provider            text,
    provider_message_id text,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    sent_at             timestamptz,
    delivered_at        timestamptz
);
create index outbox_message_due_idx on outbox_message (channel, next_attempt_at) where next_attempt_at is not null;
create index outbox_message_citizen_idx on outbox_message (citizen_id);

-- Every status a message passed through, with the reason (append-only by convention; written with the change).
create table outbox_status_history (
    message_id bigint not null references outbox_message (id) on delete cascade,
    status     text not null,
    reason     text,
    at         timestamptz not null default now()
);
create index outbox_status_history_message_idx on outbox_status_history (message_id, at);
