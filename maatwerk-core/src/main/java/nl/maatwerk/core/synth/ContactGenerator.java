package nl.maatwerk.core.synth;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.ContactKind;
import nl.maatwerk.core.model.Direction;
import nl.maatwerk.core.model.TravelDocumentType;

/*
 * Generates the contact history of one resident at a time and streams it to the sink.
 *
 * Spontaneous contacts: a Poisson number of episodes per resident, rate = (requested contacts per
 * citizen-year - TRIGGERED_PER_YEAR) / CONTACTS_PER_EPISODE x years x an age factor (no own contacts
 * under 12, few under 18; mean about 1) x (0.4 + 1.2 x responsiveness), so that with the triggered
 * contacts the total comes out near the requested rate (measured: 1.63 for 1.6, 9.8 for 10). Each
 * episode picks a topic from the resident's own topic weights (base weight x circumstances: permit
 * holders ask about parking, people on social assistance about bijstand, young parents about
 * births...), a channel (the planted preferred channel half of the time, otherwise the
 * age group's mix for that topic), a day (topic month curve x channel weekly curve) and an hour (the
 * planted hour block 70% of the time when the channel is open then).
 *
 * Each contact may be followed by a repeat on the same topic within 7 days (45% if it was not resolved
 * at first contact, 6% if it was) and, when unresolved, by a call-back from the municipality (outbound).
 * About 4% are complaints and 2% compliments. Episodes are anonymous (no citizen id) at the rate that
 * makes ~15% of all contacts anonymous (ANONYMOUS_SHARE is a little higher because anonymous episodes
 * get no call-backs); an anonymous report of public space keeps its location.
 *
 * Triggered contacts: travel documents issued in the period (question, desk application, desk pick-up)
 * or expiring soon / recently expired (question), births (registration by a parent) and cases (see
 * CaseGenerator). All contacts lie inside the period; anything that would fall outside is dropped.
 *
 * Planted surges (SurgePlan) multiply the inbound contacts on a topic from one district in one week after
 * they are drawn, from their own random stream.
 */
final class ContactGenerator {

    /** Triggered contacts (documents, cases, births) per resident per year, whatever the requested rate. */
    static final double TRIGGERED_PER_YEAR = 0.5;
    /** Contacts per spontaneous episode, the first contact plus repeats and call-backs. */
    static final double CONTACTS_PER_EPISODE = 1.3;
    static final double PREFERENCE_STRENGTH = 0.5;
    static final double PREFERRED_BLOCK_STRENGTH = 0.7;
    static final double ANONYMOUS_SHARE = 0.17;
    static final double COMPLAINT = 0.03;
    static final double COMPLIMENT = 0.025;
    static final double CALLBACK = 0.6;
    static final String SOURCE = "synthetic";

    private static final Topic[] TOPICS = Topic.values();

    private final ContactCalendar calendar;
    private final ChannelModel channels;
    private final Rng rng;
    private final SyntheticSink sink;
    private final SurgePlan surges;
    private final double episodesPerResident;
    private final double anonymous;
    private final Instant end;
    private final double[] topicWeights = new double[TOPICS.length];
    private long counter;

    ContactGenerator(ContactCalendar calendar, ChannelModel channels, Rng rng, SyntheticSink sink,
                     double contactsPerCitizenYear, SurgePlan surges) {
        this.calendar = calendar;
        this.channels = channels;
        this.rng = rng;
        this.sink = sink;
        this.surges = surges;
        double spontaneousPerYear = Math.max(0.15 * contactsPerCitizenYear, contactsPerCitizenYear - TRIGGERED_PER_YEAR);
        this.episodesPerResident = spontaneousPerYear / CONTACTS_PER_EPISODE * calendar.days / 365.25;
        this.anonymous = Math.min(0.5, ANONYMOUS_SHARE * contactsPerCitizenYear / spontaneousPerYear);
        this.end = calendar.end();
    }

    // ---- spontaneous ------------------------------------------------------------------------------

    void spontaneous(Resident r) {
        double lambda = episodesPerResident * ageFactor(r.age) * (0.4 + 1.2 * r.responsiveness);
        int episodes = rng.poisson(lambda);
        if (episodes == 0) {
            return;
        }
        double[] topics = topicCumulative(r);
        for (int i = 0; i < episodes; i++) {
            Topic topic = TOPICS[rng.pick(topics)];
            Channel channel = chooseChannel(r, topic);
            int day = calendar.pickDay(topic, ChannelClass.of(channel), rng);
            if (day > r.activeUntilDay) {
                continue;
            }
            boolean anonymous = rng.chance(this.anonymous);
            episode(r, anonymous, channel, topic.kind(rng), topic, topic.subtopic(calendar.month(day), rng), day,
                    ownSecond(r, channel), 0);
        }
    }

    private static double ageFactor(int age) {
        if (age < 12) {
            return 0.0;
        } else if (age < 18) {
            return 0.25;
        } else if (age < 30) {
            return 1.1;
        } else if (age < 65) {
            return 1.25;
        }
        return age < 80 ? 1.1 : 1.0;
    }

    private double[] topicCumulative(Resident r) {
        boolean adult = r.adult();
        for (Topic t : TOPICS) {
            double w = t.baseWeight;
            w *= switch (t) {
                case RIJBEWIJS -> !adult ? 0.0 : r.age >= 75 ? 3.0 : 1.0;
                case VERHUIZING -> r.age >= 18 && r.age < 35 ? 2.0 : r.age >= 65 ? 0.4 : 1.0;
                case AFVAL -> adult ? 1.0 : 0.2;
                case PARKEREN -> !adult ? 0.1 : r.parkingPermit ? 4.0 : 1.0;
                case BELASTINGEN -> !adult ? 0.0 : r.lowIncome() ? 1.5 : 1.0;
                case WMO -> (r.wmoIndication ? 8.0 : 1.0) * (r.age >= 75 ? 2.0 : adult ? 1.0 : 0.1);
                case BIJSTAND -> !adult ? 0.0 : r.socialAssistance ? 12.0 : r.lowIncome() ? 2.0 : 0.2;
                case GEBOORTE -> adult && r.youngestChildAge >= 0 && r.youngestChildAge <= 1 && !r.child ? 15.0 : 0.1;
                case HUWELIJK -> !adult ? 0.0 : r.age >= 25 && r.age <= 40 ? 2.0 : 1.0;
                case OVERLIJDEN -> r.age >= 50 ? 2.0 : r.age < 30 ? 0.2 : 1.0;
                case VERGUNNINGEN -> r.highIncome() ? 2.0 : 1.0;
                default -> 1.0;
            };
            topicWeights[t.ordinal()] = w;
        }
        return Rng.cumulative(topicWeights);
    }

    private Channel chooseChannel(Resident r, Topic topic) {
        if (rng.chance(PREFERENCE_STRENGTH) && topic.channelAffinity(r.preferredChannel) >= 0.5) {
            return r.preferredChannel;
        }
        return channels.channel(r.ageGroup, topic, rng);
    }

    private int ownSecond(Resident r, Channel channel) {
        return channels.secondOfDay(channel, rng.chance(PREFERRED_BLOCK_STRENGTH) ? r.preferredBlock : -1, rng);
    }

    /** One inbound contact with its possible call-back and repeats. */
    private void episode(Resident r, boolean anonymous, Channel channel, ContactKind kind, Topic topic,
                         String subtopic, int day, int second, int depth) {
        double u = rng.nextDouble();
        if (u < COMPLAINT * (depth > 0 ? 2.0 : 1.0)) {
            kind = ContactKind.COMPLAINT;
        } else if (u > 1.0 - COMPLIMENT) {
            kind = ContactKind.COMPLIMENT;
        }
        boolean resolved = emit(r, anonymous, channel, Direction.INBOUND, kind, topic, subtopic, day, second);
        if (!resolved && !anonymous && channel != Channel.DESK && channel != Channel.LETTER && rng.chance(CALLBACK)) {
            int callDay = calendar.workingDayFrom(day + rng.between(0, 2));
            if (callDay < calendar.days && callDay <= r.activeUntilDay) {
                int callSecond = ChannelModel.officeSecond(rng);
                if (callDay > day || callSecond > second) {
                    emit(r, false, Channel.PHONE, Direction.OUTBOUND, kind == ContactKind.COMPLIMENT
                            ? ContactKind.QUESTION : kind, topic, subtopic, callDay, callSecond);
                }
            }
        }
        if (depth < 3 && rng.chance(resolved ? 0.06 : 0.45)) {
            Channel next = rng.chance(0.5) ? channel : chooseChannel(r, topic);
            int nextDay = placeDay(day + rng.between(1, 7), next);
            if (nextDay >= 0 && nextDay <= r.activeUntilDay) {
                ContactKind nextKind = kind == ContactKind.COMPLIMENT ? ContactKind.QUESTION : kind;
                episode(r, anonymous, next, nextKind, topic, subtopic, nextDay, ownSecond(r, next), depth + 1);
            }
        }
    }

    /** The day itself, or for offices and letters the next working day; -1 when outside the period. */
    private int placeDay(int day, Channel channel) {
        int d = ChannelClass.of(channel) == ChannelClass.DIGITAL ? day : calendar.workingDayFrom(day);
        return calendar.contains(d) ? d : -1;
    }

    // ---- triggered --------------------------------------------------------------------------------

    /** Contacts caused by a travel document: renewal in the period, or expiry soon / recently. */
    void travelDocument(Resident r, GeneratedTravelDocument document, LocalDate lastDay) {
        int issue = calendar.dayOf(document.issueDate());
        if (calendar.contains(issue) && issue <= r.activeUntilDay) {
            if (rng.chance(0.35)) {
                Channel channel = chooseChannel(r, Topic.PASPOORT);
                int day = placeDay(issue - rng.between(3, 30), channel);
                if (day >= 0) {
                    episode(r, false, channel, ContactKind.QUESTION, Topic.PASPOORT,
                            rng.chance(0.7) ? "afspraak-maken" : "kosten-en-levertijd", day, ownSecond(r, channel), 1);
                }
            }
            String apply = document.type() == TravelDocumentType.PASSPORT ? "paspoort-aanvragen" : "id-kaart-aanvragen";
            int visit = placeDay(issue, Channel.DESK);
            if (visit >= 0 && visit <= r.activeUntilDay) {
                emit(r, false, Channel.DESK, Direction.INBOUND, ContactKind.REQUEST, Topic.PASPOORT, apply, visit,
                        ownSecond(r, Channel.DESK));
            }
            int pickup = placeDay(issue + rng.between(5, 12), Channel.DESK);
            if (pickup >= 0 && pickup <= r.activeUntilDay) {
                emit(r, false, Channel.DESK, Direction.INBOUND, ContactKind.REQUEST, Topic.PASPOORT, "ophalen", pickup,
                        ownSecond(r, Channel.DESK));
            }
            return;
        }
        long untilExpiry = ChronoUnit.DAYS.between(lastDay, document.expiryDate());
        if (untilExpiry > -180 && untilExpiry <= 56 && r.age >= 12 && rng.chance(0.45)) {
            int from = Math.max(0, calendar.dayOf(document.expiryDate()) - 56);
            int to = Math.min(calendar.days - 1, r.activeUntilDay);
            if (from <= to) {
                Channel channel = chooseChannel(r, Topic.PASPOORT);
                int day = placeDay(rng.between(from, to), channel);
                if (day >= 0) {
                    episode(r, false, channel, ContactKind.QUESTION, Topic.PASPOORT,
                            rng.chance(0.7) ? "afspraak-maken" : "kosten-en-levertijd", day, ownSecond(r, channel), 1);
                }
            }
        }
    }

    /** A parent registers a birth at the desk or online within three days. */
    void birth(Resident parent, LocalDate birthDate) {
        Channel channel = rng.chance(0.6) ? Channel.DESK : Channel.WEBFORM;
        int day = placeDay(calendar.dayOf(birthDate) + rng.between(1, 3), channel);
        if (day >= 0 && day <= parent.activeUntilDay) {
            emit(parent, false, channel, Direction.INBOUND, ContactKind.REQUEST, Topic.GEBOORTE, "aangifte-geboorte",
                    day, ownSecond(parent, channel));
        }
    }

    /** An inbound contact about a case, on the resident's preferred channel when it suits the topic. */
    void caseInbound(Resident r, Topic topic, String subtopic, ContactKind kind, Channel channel, int day) {
        Channel c = channel != null ? channel : chooseChannel(r, topic);
        int d = placeDay(day, c);
        if (d >= 0 && d <= r.activeUntilDay) {
            episode(r, false, c, kind, topic, subtopic, d, ownSecond(r, c), 1);
        }
    }

    /** A letter, e-mail or call from the municipality about a case, in office hours. */
    void caseOutbound(Resident r, Topic topic, String subtopic, Channel channel, int day) {
        int d = calendar.workingDayFrom(Math.max(0, day));
        if (calendar.contains(d) && d <= r.activeUntilDay) {
            emit(r, false, channel, Direction.OUTBOUND, ContactKind.REQUEST, topic, subtopic, d,
                    ChannelModel.officeSecond(rng));
        }
    }

    // ---- emission ---------------------------------------------------------------------------------

    /**
     * Emits one contact, or inside a planted surge as many copies as the surge asks (perhaps none); returns
     * whether it was resolved at first contact (outbound: always true).
     */
    private boolean emit(Resident r, boolean anonymous, Channel channel, Direction direction, ContactKind kind,
                         Topic topic, String subtopic, int day, int second) {
        GeneratedContact contact = contact(rng, r, anonymous, channel, direction, kind, topic, subtopic, day, second);
        double factor = direction == Direction.INBOUND && !surges.isEmpty() ? surges.factor(topic, r.district, day) : 1.0;
        int copies = factor == 1.0 ? 1 : surges.copies(factor);
        if (copies > 0) {
            send(contact);
        }
        for (int i = 1; i < copies; i++) {
            send(contact(surges.rng, r, anonymous, channel, direction, kind, topic, subtopic, day,
                    channels.secondOfDay(channel, -1, surges.rng)));
        }
        return contact.resolvedFirstContact() == null || contact.resolvedFirstContact();
    }

    private void send(GeneratedContact contact) {
        counter++;
        sink.contact(contact);
    }

    /** The next contact to send, with its outcome, rating and text drawn from {@code rng}. */
    private GeneratedContact contact(Rng rng, Resident r, boolean anonymous, Channel channel, Direction direction,
                                     ContactKind kind, Topic topic, String subtopic, int day, int second) {
        Instant at = calendar.instant(day, second);
        boolean inbound = direction == Direction.INBOUND;
        boolean resolved = true;
        long handling;
        if (inbound) {
            double p = ChannelModel.resolution(channel) * (kind == ContactKind.COMPLAINT ? 0.6 : 1.0);
            resolved = rng.chance(p);
            handling = ChannelModel.handlingSeconds(channel, resolved, rng);
            if (kind == ContactKind.REPORT) {
                handling += (long) rng.exponential(3 * 86400);
            }
        } else {
            handling = channel == Channel.PHONE ? 60 + (long) rng.exponential(240) : 0;
        }
        Instant closedAt = at.plusSeconds(handling);
        if (!closedAt.isBefore(end)) {
            closedAt = null;
        }
        Integer satisfaction = null;
        if (rng.chance(inbound ? 0.36 : 0.08)) {
            satisfaction = satisfaction(channel, resolved, kind, rng);
        }
        String text = null;
        if (inbound && channel.digital() && channel != Channel.SMS && rng.chance(0.12)) {
            text = ContactTexts.sentence(topic, subtopic, kind, rng);
        }
        boolean located = !anonymous || topic == Topic.OPENBARE_RUIMTE;
        return new GeneratedContact(SOURCE, "c-" + (counter + 1), anonymous ? null : r.id, null, channel, direction,
                kind, topic.slug, subtopic, at, closedAt, inbound ? resolved : null, satisfaction,
                located ? r.neighbourhood : null, located ? r.district : null, text);
    }

    private static int satisfaction(Channel channel, boolean resolved, ContactKind kind, Rng rng) {
        double mean = ChannelModel.satisfaction(channel) + (resolved ? 0.4 : -0.9);
        if (kind == ContactKind.COMPLAINT) {
            mean -= 1.2;
        } else if (kind == ContactKind.COMPLIMENT) {
            mean += 1.2;
        }
        long score = Math.round(mean + 0.8 * rng.gaussian());
        return (int) Math.max(1, Math.min(5, score));
    }
}
