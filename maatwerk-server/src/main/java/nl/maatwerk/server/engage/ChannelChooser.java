package nl.maatwerk.server.engage;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.server.profile.DigitalAddress;

/**
 * Orders the channels a send step may use for one citizen, best first, leaving out those that cannot be used now.
 * The default ({@link PreferenceChannelChooser}) follows the stated preference, consent and the addresses on file; a
 * learned chooser (best channel and moment) can replace it as a bean of this type.
 */
public interface ChannelChooser {

    /**
     * @param candidates the step's channels that have a template, in the journey's order
     * @param exclude channels already tried for this step (a permanent failure), never chosen again
     * @param addresses the citizen's digital addresses, or null when none are on file
     */
    record Request(UUID citizenId, String purpose, List<Channel> candidates, Set<Channel> exclude,
            DigitalAddress addresses) {
    }

    /** Why a channel was left out, for the decision's record and the dry run. */
    record Refusal(Channel channel, String reason) {
    }

    /** The usable channels best first, and for each left-out channel why. */
    record Choice(List<Channel> usable, List<Refusal> refused) {
    }

    Choice choose(Request request);
}
