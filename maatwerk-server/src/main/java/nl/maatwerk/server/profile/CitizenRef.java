package nl.maatwerk.server.profile;

import java.util.UUID;

/** Just enough of a citizen to attach a contact to them: their id and BSN. */
public record CitizenRef(UUID id, String bsn) {
}
