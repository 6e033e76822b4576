package nl.maatwerk.server.profile;

import java.util.UUID;

/** Just enough of a citizen to attach a contact to them: identity and where they live. */
public record CitizenRef(UUID id, String bsn, String neighbourhood, String district) {
}
