-- One contact moment, shaped after VNG Klantinteracties Klantcontact (see docs/standards-mapping.md).
create table contact (
    id                     bigint generated always as identity primary key,
    source                 text not null,
    source_id              text not null,
    citizen_id             uuid references citizen (id) on delete set null,
    channel                text not null check (channel in
                               ('phone', 'desk', 'email', 'webform', 'chat', 'whatsapp', 'social', 'letter', 'app', 'sms')),
    direction              text not null check (direction in ('inbound', 'outbound')),
    kind                   text not null check (kind in ('question', 'request', 'report', 'complaint', 'compliment')),
    topic                  text not null,
    subtopic               text,
    occurred_at            timestamptz not null,
    closed_at              timestamptz,
    resolved_first_contact boolean,
    satisfaction           smallint check (satisfaction between 1 and 5),
    neighbourhood          text,
    district               text,
    text                   text,
    content_hash           uuid not null,   -- of what the sender sent; tells a retry from a conflicting resend
    received_at            timestamptz not null default now(),
    unique (source, source_id),
    check (closed_at is null or closed_at >= occurred_at)
);
create index contact_citizen_idx on contact (citizen_id, occurred_at desc);
create index contact_occurred_idx on contact (occurred_at);
