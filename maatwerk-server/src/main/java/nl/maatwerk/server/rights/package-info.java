/**
 * Data-subject rights: access (GDPR Art. 15) and erasure (Art. 17) requests, filed by the privacy officer through
 * {@link nl.maatwerk.server.rights.PrivacyRequests}. What is held about a citizen is found in the database catalogue
 * (every table that references {@code citizen}, directly or through another table, or has a {@code citizen_id}
 * column), so a new table is exported and erased without a change here. See docs/privacy.md.
 */
package nl.maatwerk.server.rights;
