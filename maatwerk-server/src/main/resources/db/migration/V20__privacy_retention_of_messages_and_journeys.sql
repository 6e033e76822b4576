-- Retention for what the journeys and the outbox keep about a citizen (docs/privacy.md "Retention"). The outbound
-- contact each sent message became stays under contact_metadata (five years) for the analytics.
insert into retention_rule (category, description, purpose, table_name, time_column, period, action, clear_columns) values
('sent_message', 'A queued or sent message: its rendered text, the recipient''s address and its status history. Deleted one year after it was queued; the outbound contact it became stays.',
 'proactive_service', 'outbox_message', 'created_at', 'P1Y', 'delete', '{}'),
('journey_occurrence', 'Which journey a citizen was in, the steps taken and why (decisions, clicks and outcomes, the contact-centre task it led to). Deleted two years after the occurrence began.',
 'proactive_service', 'journey_occurrence', 'created_at', 'P2Y', 'delete', '{}'),
('contact_task', 'A contact-centre task (call or letter) with its context and the agent''s note. Deleted two years after it was made.',
 'proactive_service', 'contact_task', 'created_at', 'P2Y', 'delete', '{}');
