package nl.maatwerk.core.synth;

import nl.maatwerk.core.model.Channel;

/*
 * How residents use channels. Assumptions, loosely after Dutch municipal KCC reports (phone still the
 * largest channel, digital growing among the young, desk and letter mostly for the old):
 *
 * - Channel mix per age group (<18, 18-29, 30-44, 45-64, 65-79, 80+), multiplied per topic by
 *   Topic.channelAffinity; a resident's planted preferred channel is drawn from the same age mix.
 * - Opening hours: phone 8-18, desk 9-17 with a few evening slots, letters registered 9-16, chat and
 *   WhatsApp staffed 8-22, the other digital channels around the clock with an evening bump. A resident's
 *   preferred hour block is used when the channel is open then.
 * - Handling time, first-contact resolution and satisfaction (1-5) per channel: desk and chat score
 *   highest, letters and social media lowest; an unresolved contact scores about a point lower.
 */
final class ChannelModel {

    static final int AGE_GROUPS = 6;
    static final int MORNING = 0;
    static final int AFTERNOON = 1;
    static final int EVENING = 2;
    static final String[] BLOCK_NAMES = {"morning", "afternoon", "evening"};
    private static final int[][] BLOCK_HOURS = {{8, 12}, {12, 17}, {17, 22}};

    private static final Channel[] CHANNELS = Channel.values();

    /** Weights in Channel order: phone, desk, email, webform, chat, whatsapp, social, letter, app, sms. */
    private static final double[][] AGE_MIX = {
        {0.12, 0.10, 0.05, 0.20, 0.13, 0.20, 0.06, 0.00, 0.13, 0.01},
        {0.14, 0.06, 0.08, 0.24, 0.12, 0.16, 0.04, 0.005, 0.15, 0.01},
        {0.20, 0.06, 0.12, 0.25, 0.10, 0.10, 0.02, 0.01, 0.13, 0.01},
        {0.32, 0.09, 0.15, 0.20, 0.06, 0.06, 0.01, 0.03, 0.07, 0.01},
        {0.44, 0.16, 0.13, 0.10, 0.03, 0.03, 0.00, 0.08, 0.02, 0.01},
        {0.50, 0.22, 0.06, 0.04, 0.01, 0.01, 0.00, 0.15, 0.00, 0.01},
    };

    /** Relative contacts per hour 0-23 (by channel). */
    private static final double[][] HOURS = new double[CHANNELS.length][];

    static {
        double[] phone = hours(8, 18, new double[] {0.6, 1.4, 1.3, 1.2, 0.9, 1.0, 1.0, 0.9, 0.8, 0.4});
        double[] desk = hours(9, 20, new double[] {0.8, 1.2, 1.2, 0.8, 1.0, 1.1, 1.0, 0.7, 0.25, 0.15, 0.1});
        double[] letter = hours(9, 16, new double[] {1.0, 1.0, 1.0, 0.5, 1.0, 1.0, 0.6});
        double[] staffed = hours(8, 22, new double[] {0.7, 1.1, 1.2, 1.1, 0.9, 1.0, 1.0, 0.9, 0.8, 0.7, 0.7, 0.9,
            1.0, 0.8});
        double[] always = {0.05, 0.03, 0.02, 0.02, 0.02, 0.04, 0.1, 0.4, 0.8, 1.1, 1.2, 1.1, 0.9, 1.0, 1.0, 0.9,
            0.8, 0.7, 0.7, 0.9, 1.0, 0.9, 0.5, 0.2};
        for (Channel c : CHANNELS) {
            HOURS[c.ordinal()] = switch (c) {
                case PHONE -> phone;
                case DESK -> desk;
                case LETTER -> letter;
                case CHAT, WHATSAPP -> staffed;
                default -> always;
            };
        }
    }

    private final double[][][] channelCumulative = new double[AGE_GROUPS][Topic.values().length][];
    private final double[][] preferenceCumulative = new double[AGE_GROUPS][];
    private final double[][][] hourCumulative = new double[CHANNELS.length][4][];

    ChannelModel() {
        for (int g = 0; g < AGE_GROUPS; g++) {
            preferenceCumulative[g] = Rng.cumulative(AGE_MIX[g]);
            for (Topic t : Topic.values()) {
                double[] w = new double[CHANNELS.length];
                for (Channel c : CHANNELS) {
                    w[c.ordinal()] = AGE_MIX[g][c.ordinal()] * t.channelAffinity(c);
                }
                channelCumulative[g][t.ordinal()] = Rng.cumulative(w);
            }
        }
        for (Channel c : CHANNELS) {
            double[] all = HOURS[c.ordinal()];
            hourCumulative[c.ordinal()][3] = Rng.cumulative(all);
            for (int b = 0; b < 3; b++) {
                double[] masked = new double[24];
                double sum = 0;
                for (int h = BLOCK_HOURS[b][0]; h < BLOCK_HOURS[b][1]; h++) {
                    masked[h] = all[h];
                    sum += all[h];
                }
                hourCumulative[c.ordinal()][b] = sum > 0.5 ? Rng.cumulative(masked) : null;
            }
        }
    }

    private static double[] hours(int from, int to, double[] weights) {
        double[] day = new double[24];
        for (int h = from; h < to && h - from < weights.length; h++) {
            day[h] = weights[h - from];
        }
        return day;
    }

    static int ageGroup(int age) {
        if (age < 18) {
            return 0;
        } else if (age < 30) {
            return 1;
        } else if (age < 45) {
            return 2;
        } else if (age < 65) {
            return 3;
        } else if (age < 80) {
            return 4;
        }
        return 5;
    }

    Channel preferredChannel(int ageGroup, Rng rng) {
        return CHANNELS[rng.pick(preferenceCumulative[ageGroup])];
    }

    /** A channel from the age group's mix for this topic. */
    Channel channel(int ageGroup, Topic topic, Rng rng) {
        return CHANNELS[rng.pick(channelCumulative[ageGroup][topic.ordinal()])];
    }

    /** Second of the day for a contact on {@code channel}, in {@code block} when the channel is open then (-1: any). */
    int secondOfDay(Channel channel, int block, Rng rng) {
        double[] c = block >= 0 ? hourCumulative[channel.ordinal()][block] : null;
        if (c == null) {
            c = hourCumulative[channel.ordinal()][3];
        }
        return rng.pick(c) * 3600 + rng.nextInt(3600);
    }

    /** Office hours for the municipality's own outbound calls, letters and e-mails: 9-17. */
    static int officeSecond(Rng rng) {
        return rng.between(9 * 3600, 17 * 3600 - 1);
    }

    /** Seconds until an inbound contact on this channel is closed. */
    static long handlingSeconds(Channel channel, boolean resolved, Rng rng) {
        double seconds = switch (channel) {
            case PHONE -> 90 + rng.exponential(300);
            case DESK -> 300 + rng.exponential(900);
            case CHAT -> 180 + rng.exponential(600);
            case WHATSAPP -> 300 + rng.exponential(3 * 3600);
            case SMS -> 60 + rng.exponential(3600);
            case EMAIL, WEBFORM -> 3600 + rng.exponential(2 * 86400);
            case APP -> 3600 + rng.exponential(86400);
            case SOCIAL -> 1800 + rng.exponential(86400);
            case LETTER -> 2 * 86400 + rng.exponential(7 * 86400);
        };
        return (long) (resolved ? seconds : seconds * 1.5 + rng.exponential(2 * 86400));
    }

    /** Probability that an inbound contact on this channel is resolved at first contact. */
    static double resolution(Channel channel) {
        return switch (channel) {
            case PHONE -> 0.78;
            case DESK -> 0.86;
            case EMAIL -> 0.62;
            case WEBFORM -> 0.66;
            case CHAT -> 0.74;
            case WHATSAPP -> 0.72;
            case SOCIAL -> 0.45;
            case LETTER -> 0.55;
            case APP -> 0.70;
            case SMS -> 0.60;
        };
    }

    /** Mean satisfaction (1-5) on this channel before resolution and kind are taken into account. */
    static double satisfaction(Channel channel) {
        return switch (channel) {
            case PHONE -> 3.7;
            case DESK -> 4.1;
            case EMAIL -> 3.3;
            case WEBFORM -> 3.5;
            case CHAT -> 3.9;
            case WHATSAPP -> 4.0;
            case SOCIAL -> 3.0;
            case LETTER -> 3.1;
            case APP -> 3.8;
            case SMS -> 3.5;
        };
    }
}
