/**
 * Contact: every contact moment between citizen and municipality on any channel, shaped after VNG
 * Klantinteracties (Klantcontact). Ingest is idempotent on source + sourceId and all-or-nothing.
 */
package nl.maatwerk.server.contact;
