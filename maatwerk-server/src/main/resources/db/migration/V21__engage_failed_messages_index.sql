-- Journey messages that ended without being sent (JourneyFallback.catchUp looks for those whose status event was
-- never handled, after a crash between the status commit and the event): few, so a partial index keeps it cheap.
create index outbox_message_journey_failed_idx on outbox_message (updated_at)
    where status in ('permanent_failure', 'cancelled') and journey_key is not null;
