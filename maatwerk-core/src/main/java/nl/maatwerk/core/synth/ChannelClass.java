package nl.maatwerk.core.synth;

import nl.maatwerk.core.model.Channel;

/** Channels grouped by when they are open: offices (phone, desk), letters, and digital channels. */
enum ChannelClass {
    OFFICE, LETTER, DIGITAL;

    static ChannelClass of(Channel channel) {
        return switch (channel) {
            case PHONE, DESK -> OFFICE;
            case LETTER -> LETTER;
            default -> DIGITAL;
        };
    }
}
