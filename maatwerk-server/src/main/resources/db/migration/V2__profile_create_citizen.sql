-- A person known to the municipality, shaped after Haal Centraal BRP (see docs/standards-mapping.md).
create table citizen (
    id                 uuid primary key,
    seq                integer generated always as identity unique,  -- dense number for bitmaps
    bsn                char(9) unique,
    birth_date         date not null,
    household_id       uuid,
    household_type     text not null check (household_type in
                           ('single', 'couple', 'family_with_children', 'single_parent', 'other')),
    household_size     smallint check (household_size between 1 and 30),
    youngest_child_age smallint check (youngest_child_age between 0 and 120),
    postcode           text check (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
    house_number       integer check (house_number > 0),
    neighbourhood      text check (neighbourhood ~ '^BU[0-9A-Z]{8}$'),
    district           text check (district ~ '^WK[0-9A-Z]{6}$'),
    municipality       text check (municipality ~ '^GM[0-9]{4}$'),
    language           text not null default 'nl' check (language ~ '^[a-z]{2}$'),
    status             text not null default 'resident' check (status in ('resident', 'moved_out', 'deceased')),
    attributes         jsonb not null default '{}'::jsonb,
    updated_at         timestamptz not null default now()
);
create index citizen_household_idx on citizen (household_id);
create index citizen_district_idx on citizen (district);
