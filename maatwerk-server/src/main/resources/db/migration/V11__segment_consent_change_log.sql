-- Consent events reach the segment index like the profiling objection does (V8): a withdrawn consent or an
-- objection for a purpose takes the citizen out of every segment of that purpose within a second. consent_event
-- is append-only (V9), so inserts are the only changes; the change log names the citizens by seq.
create function change_log_consent_event_inserted() returns trigger language plpgsql as $$
begin
    perform change_log_by_citizen('consent_event', 'I', (select array_agg(citizen_id) from inserted));
    return null;
end $$;
create trigger consent_event_change_inserted after insert on consent_event
    referencing new table as inserted for each statement execute function change_log_consent_event_inserted();
