-- A citizen's digital addresses and stated preferred channel, shaped after VNG Klantinteracties "DigitaleAdressen"
-- (soortDigitaalAdres email / telefoonnummer / overig: here push_token), one row per citizen.
create table digital_address (
    citizen_id        uuid primary key references citizen (id) on delete cascade,
    email             text check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and length(email) <= 254),
    mobile_phone      text check (mobile_phone ~ '^\+[1-9][0-9]{7,14}$'),       -- E.164
    push_token        text check (length(push_token) between 8 and 4096),
    preferred_channel text check (preferred_channel in ('email', 'sms', 'whatsapp', 'app', 'letter')),
    updated_at        timestamptz not null default now()
);
