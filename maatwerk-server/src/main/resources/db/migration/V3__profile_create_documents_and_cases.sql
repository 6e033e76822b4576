-- Travel documents, shaped after Haal Centraal Reisdocumenten.
create table travel_document (
    number      text primary key check (number ~ '^[A-Z0-9]{9}$'),  -- reisdocumentnummer
    citizen_id  uuid not null references citizen (id) on delete cascade,
    type        text not null check (type in ('PN', 'NI')),           -- soort.code
    issue_date  date not null,                                         -- datumUitgifte
    expiry_date date not null,                                         -- datumEindeGeldigheid
    check (expiry_date > issue_date)
);
create index travel_document_citizen_idx on travel_document (citizen_id);
create index travel_document_expiry_idx on travel_document (expiry_date);

-- A municipal case (zaak). "case" is an SQL keyword, hence the table name.
create table municipal_case (
    id                 uuid primary key,
    citizen_id         uuid not null references citizen (id) on delete cascade,
    type               text not null check (type in ('objection', 'parking_permit', 'social_support',
                           'social_assistance', 'building_permit', 'registration_move')),
    status             text not null check (status in ('received', 'in_progress', 'awaiting_information', 'decided', 'closed')),
    submitted_at       timestamptz not null,
    decision_deadline  date,
    decision_date      date,
    objection_deadline date,
    closed_at          timestamptz
);
create index municipal_case_citizen_idx on municipal_case (citizen_id);

create table case_status_change (
    case_id uuid not null references municipal_case (id) on delete cascade,
    status  text not null check (status in ('received', 'in_progress', 'awaiting_information', 'decided', 'closed')),
    at      timestamptz not null,
    primary key (case_id, at, status)
);
