-- The synthetic generator's hidden planted preferences. The product never reads this schema;
-- tests of learning (later issues) score what was learned against it.
create schema truth;
create table truth.planted_preference (
    citizen_id           uuid primary key,
    preferred_channel    text not null,
    preferred_hour_block text not null check (preferred_hour_block in ('morning', 'afternoon', 'evening')),
    responsiveness       double precision not null check (responsiveness between 0 and 1)
);
