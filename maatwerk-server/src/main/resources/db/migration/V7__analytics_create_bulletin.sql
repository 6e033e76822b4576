-- The weekly "tamtam" bulletin: one per ISO week reviewed, composed once (or again on demand) and
-- e-mailed once. sending_since claims the sending, so two servers or a retry never send it twice at once.
create table bulletin (
    week          date primary key check (extract(isodow from week) = 1),
    report        jsonb not null,
    composed_at   timestamptz not null default now(),
    sending_since timestamptz,
    sent_at       timestamptz,
    recipients    text
);
