/**
 * Proactive engagement: journeys decide who gets which message when (reminders, campaigns, escalation to a
 * person), and the {@link nl.maatwerk.server.engage.Outbox} delivers what they decided over real protocols. A
 * decision and its rendered message are written in one transaction; dispatchers deliver each message once.
 */
package nl.maatwerk.server.engage;
