-- Purpose register: the GDPR Art. 30 record of processing (verwerkingsregister).
create table purpose (
    key             text primary key check (key ~ '^[a-z][a-z0-9_]*$'),
    name_nl         text not null,
    name_en         text not null,
    description     text not null,
    legal_basis     text not null check (legal_basis in
                        ('consent', 'contract', 'legal_obligation', 'vital_interest', 'public_task', 'legitimate_interest')),
    data_categories text[] not null,
    retention       text not null,          -- ISO-8601 period, e.g. P2Y
    recipients      text[] not null default '{}'
);

-- Attribute register: every profile attribute, what it is, where it comes from and what it may be used for.
create table attribute_definition (
    name             text primary key check (name ~ '^[a-z][a-z0-9_]*$'),
    type             text not null check (type in ('text', 'number', 'boolean', 'date')),
    allowed_values   text[],                -- for text attributes with a closed list
    source           text not null,
    description      text not null,
    purposes         text[] not null,
    special_category text check (special_category in
                        ('religion', 'health', 'ethnicity', 'political_opinion', 'trade_union',
                         'sexual_orientation', 'biometric', 'genetic', 'criminal'))
);

insert into purpose (key, name_nl, name_en, description, legal_basis, data_categories, retention, recipients) values
('service_delivery', 'Dienstverlening', 'Service delivery',
 'Citizens helped on the channel they choose; the contact centre sees a citizen''s own contacts, documents and cases.',
 'public_task', '{identification,address,contact_history,documents,cases}', 'P2Y', '{contact centre}'),
('proactive_service', 'Proactieve dienstverlening', 'Proactive service',
 'Reminders before a document expires or a deadline passes, and the next step of an application.',
 'public_task', '{identification,address,documents,cases,contact_preferences}', 'P1Y', '{communication,contact centre}'),
('contact_analytics', 'Analyse klantcontact', 'Contact analytics',
 'Aggregated insight into volumes, topics, channels and satisfaction; never about one person.',
 'public_task', '{contact_history,address}', 'P2Y', '{customer-contact team}'),
('segmentation', 'Doelgroepen en segmenten', 'Segmentation',
 'Building (micro)segments to choose message, channel and moment.',
 'public_task', '{household,address,age,contact_history,documents}', 'P1Y', '{communication}'),
('social_support', 'Wmo en sociaal domein', 'Social support',
 'Handling applications and support under the Wmo and Participatiewet.',
 'legal_obligation', '{identification,address,health,income}', 'P7Y', '{social domain}');

insert into attribute_definition (name, type, allowed_values, source, description, purposes, special_category) values
('income_band', 'text', '{low,middle,high}', 'synthetic (CBS income distribution)',
 'Household income band.', '{segmentation,contact_analytics,social_support}', null),
('receives_social_assistance', 'boolean', null, 'Participatiewet administration',
 'Receives social assistance (bijstand).', '{social_support,proactive_service}', null),
('parking_permit_holder', 'boolean', null, 'parking permit administration',
 'Holds a residential parking permit.', '{segmentation,proactive_service,service_delivery}', null),
('wmo_indication', 'boolean', null, 'Wmo administration',
 'Has a social-support (Wmo) indication; reveals health.', '{social_support}', 'health'),
('migration_background', 'text', '{none,western,non_western}', 'BRP (derived)',
 'Migration background (CBS concept); reveals ethnicity.', '{}', 'ethnicity');
