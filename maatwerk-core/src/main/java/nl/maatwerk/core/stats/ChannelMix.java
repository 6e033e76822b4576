package nl.maatwerk.core.stats;

/** Contacts of one week split into digital (web form, app, e-mail, chat…) and personal (phone, desk, letter). */
public record ChannelMix(long digital, long personal) {

    public ChannelMix {
        if (digital < 0 || personal < 0) {
            throw new IllegalArgumentException("counts must not be negative, was digital " + digital + ", personal "
                    + personal);
        }
    }

    public long total() {
        return digital + personal;
    }
}
