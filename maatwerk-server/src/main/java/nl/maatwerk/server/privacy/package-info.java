/**
 * Privacy: the attribute register (what each profile attribute is, its source, its purposes, whether it is a
 * GDPR special category) and the purpose register (the Art. 30 record); {@link nl.maatwerk.server.privacy.ConsentService}
 * (consent and objections per citizen, purpose and channel: what segments and sending must ask) and
 * {@link nl.maatwerk.server.privacy.AuditLog} (the append-only, hash-chained log of every read of personal data).
 * Privacy reads and flags the {@code citizen} table directly: profile depends on privacy, not the other way round.
 * See docs/privacy.md.
 */
package nl.maatwerk.server.privacy;
