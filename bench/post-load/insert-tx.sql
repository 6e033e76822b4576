-- pgbench script: insert.sql shaped like the server's @Transactional call: BEGIN, the same INSERT, COMMIT as
-- separate statements (pgjdbc with autocommit off sends BEGIN with the INSERT and COMMIT on its own round trip).
\set n :n + 1
begin;
insert into contact (source, source_id, citizen_id, channel, direction, kind, topic, subtopic, occurred_at, closed_at,
    resolved_first_contact, satisfaction, neighbourhood, district, text, content_hash)
values (:src, :client_id::text || '-' || :n::text, null, 'phone', 'inbound', 'question', 'parkeren', 'parkeren/a',
    '2025-06-12T10:15:00+02:00', '2025-06-12T10:59:00+02:00', true, 4, 'BU03630012', 'WK036300',
    'Vraag over de aanslag van café De Zon', md5(:client_id::text || '-' || :n::text)::uuid)
on conflict (source, source_id) do nothing returning id, received_at;
commit;
