package nl.maatwerk.server.privacy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The outcome of walking the audit log's hash chain.
 *
 * @param entries  how many entries were checked (up to and including the broken one)
 * @param brokenId the first entry whose link or content does not match, or null when the chain is whole
 * @param reason   why that entry is broken
 */
public record ChainVerification(long entries, Long brokenId, Instant brokenAt, String reason) {

    @JsonProperty("ok")
    public boolean ok() {
        return brokenId == null;
    }

    @Override
    public String toString() {
        return ok() ? "OK: " + entries + " audit log entries, hash chain intact"
                : "BROKEN at entry " + brokenId + " (" + brokenAt + "): " + reason;
    }
}
