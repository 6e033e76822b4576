-- Messages a provider accepted and that wait for its delivery report (DeliveryReportTimeout): few at any time, so a
-- partial index keeps the periodic check cheap; rows queued in bulk ('created') never enter it.
create index outbox_message_awaiting_report_idx on outbox_message (sent_at)
    where status = 'sending' and next_attempt_at is null;
