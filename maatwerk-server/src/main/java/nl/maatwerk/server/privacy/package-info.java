/**
 * Privacy: the attribute register (what each profile attribute is, its source, its purposes, whether it is a
 * GDPR special category) and the purpose register (the Art. 30 record). Consent, audit and erasure build on these.
 */
package nl.maatwerk.server.privacy;
