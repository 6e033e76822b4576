package nl.maatwerk.core.synth;

import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.ContactKind;

/*
 * Municipal contact topics with their Dutch slugs and subtopics, a base weight (share of spontaneous
 * contacts before a resident's own circumstances are applied), a month curve (passports peak in spring
 * before the holidays, local taxes in February-March after the assessment, waste around New Year,
 * moving in summer, weddings in May-June), the mix of question / request / report, and per channel a
 * multiplier on the resident's age-group channel mix (passports mean a desk visit, reports of public
 * space come through the app and web form, social support and assistance by phone and at the desk).
 * Channel multipliers are in Channel order: phone, desk, email, webform, chat, whatsapp, social,
 * letter, app, sms.
 */
enum Topic {
    PASPOORT("paspoort-id-kaart", 0.10,
            new double[] {0.8, 0.9, 1.2, 1.4, 1.5, 1.4, 1.1, 0.9, 0.8, 0.8, 0.7, 0.6},
            new String[] {"afspraak-maken", "paspoort-aanvragen", "id-kaart-aanvragen", "ophalen",
                "kosten-en-levertijd", "vermissing-diefstal", "spoedaanvraag"},
            new double[] {0.30, 0.18, 0.17, 0.12, 0.13, 0.05, 0.05}, 0.55, 0.45, 0.0,
            new double[] {1.0, 2.5, 0.8, 1.0, 1.0, 1.0, 0.3, 0.3, 1.0, 1.0}),
    RIJBEWIJS("rijbewijs", 0.04, null,
            new String[] {"rijbewijs-verlengen", "rijbewijs-ophalen", "gezondheidsverklaring", "rijbewijs-kwijt"},
            new double[] {0.5, 0.2, 0.15, 0.15}, 0.6, 0.4, 0.0,
            new double[] {1.0, 2.0, 0.8, 1.0, 1.0, 1.0, 0.3, 0.5, 1.0, 1.0}),
    VERHUIZING("verhuizing", 0.07,
            new double[] {0.9, 0.9, 1.0, 1.0, 1.0, 1.1, 1.3, 1.3, 1.1, 0.9, 0.8, 0.8},
            new String[] {"verhuizing-doorgeven", "uittreksel-brp", "adresonderzoek", "emigratie", "briefadres"},
            new double[] {0.55, 0.2, 0.1, 0.1, 0.05}, 0.5, 0.48, 0.02,
            new double[] {1.0, 0.8, 1.0, 1.6, 1.0, 1.0, 0.5, 0.6, 1.3, 1.0}),
    AFVAL("afval", 0.13,
            new double[] {2.2, 1.0, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 1.0, 1.6},
            new String[] {"grofvuil-afspraak", "afvalkalender", "afvalpas", "container-aanvragen",
                "afvalstoffenheffing", "gft-inzameling"},
            new double[] {0.35, 0.2, 0.1, 0.15, 0.1, 0.1}, 0.45, 0.40, 0.15,
            new double[] {1.0, 0.2, 0.8, 1.5, 1.0, 1.2, 0.8, 0.3, 1.5, 1.0}),
    PARKEREN("parkeren", 0.07,
            new double[] {1.4, 1.1, 1.0, 1.0, 1.0, 1.0, 0.9, 0.9, 1.0, 1.0, 1.0, 1.0},
            new String[] {"parkeervergunning", "bezoekersvergunning", "naheffingsaanslag",
                "gehandicaptenparkeerkaart", "laadpaal"},
            new double[] {0.4, 0.25, 0.2, 0.1, 0.05}, 0.55, 0.43, 0.02,
            new double[] {1.0, 0.4, 1.0, 1.5, 1.0, 1.0, 0.6, 0.6, 1.5, 1.0}),
    BELASTINGEN("belastingen", 0.10,
            new double[] {0.8, 2.4, 2.0, 1.1, 0.9, 0.8, 0.7, 0.7, 0.7, 0.7, 0.7, 0.6},
            new String[] {"aanslag-gemeentelijke-belastingen", "woz-waarde", "kwijtschelding", "betalingsregeling",
                "automatische-incasso", "hondenbelasting", "toeristenbelasting"},
            new double[] {0.3, 0.2, 0.15, 0.15, 0.1, 0.05, 0.05}, 0.6, 0.4, 0.0,
            new double[] {1.0, 0.5, 1.3, 1.3, 1.0, 0.8, 0.4, 1.5, 0.5, 1.0}),
    WMO("wmo", 0.03, null,
            new String[] {"huishoudelijke-hulp", "hulpmiddelen", "woningaanpassing", "vervoer-op-maat", "mantelzorg",
                "persoonsgebonden-budget"},
            new double[] {0.3, 0.2, 0.15, 0.15, 0.1, 0.1}, 0.55, 0.45, 0.0,
            new double[] {1.5, 1.5, 1.0, 0.8, 0.8, 0.8, 0.2, 1.5, 0.3, 1.0}),
    BIJSTAND("bijstand", 0.025,
            new double[] {1.2, 1.0, 1.0, 1.0, 1.0, 1.0, 0.9, 0.9, 1.0, 1.0, 1.0, 1.1},
            new String[] {"bijstand-aanvragen", "wijziging-doorgeven", "betaaldatum", "schuldhulpverlening",
                "bijzondere-bijstand"},
            new double[] {0.25, 0.25, 0.2, 0.15, 0.15}, 0.55, 0.45, 0.0,
            new double[] {1.3, 1.5, 1.0, 1.0, 1.0, 1.0, 0.3, 1.3, 0.8, 1.0}),
    GEBOORTE("geboorte", 0.008, null,
            new String[] {"aangifte-geboorte", "erkenning-kind", "naamskeuze"},
            new double[] {0.7, 0.2, 0.1}, 0.5, 0.5, 0.0,
            new double[] {1.0, 1.5, 1.0, 1.2, 1.0, 1.0, 0.3, 0.5, 1.0, 1.0}),
    HUWELIJK("huwelijk", 0.012,
            new double[] {0.6, 0.7, 0.9, 1.1, 1.4, 1.5, 1.3, 1.2, 1.1, 0.8, 0.6, 0.6},
            new String[] {"huwelijk-plannen", "geregistreerd-partnerschap", "trouwlocatie", "getuigen"},
            new double[] {0.5, 0.2, 0.15, 0.15}, 0.6, 0.4, 0.0,
            new double[] {1.0, 1.2, 1.2, 1.2, 1.0, 1.0, 0.3, 0.5, 1.0, 1.0}),
    OVERLIJDEN("overlijden", 0.01, null,
            new String[] {"aangifte-overlijden", "begraven-en-cremeren", "nabestaanden"},
            new double[] {0.5, 0.3, 0.2}, 0.6, 0.4, 0.0,
            new double[] {1.5, 1.3, 1.0, 0.8, 0.7, 0.7, 0.2, 1.0, 0.5, 1.0}),
    OPENBARE_RUIMTE("openbare-ruimte", 0.20,
            new double[] {0.9, 0.9, 1.0, 1.1, 1.2, 1.2, 1.2, 1.1, 1.0, 1.1, 1.0, 1.0},
            null, null, 0.08, 0.05, 0.87,
            new double[] {0.9, 0.1, 0.6, 1.5, 0.8, 1.5, 1.5, 0.2, 3.0, 1.0}),
    VERGUNNINGEN("vergunningen", 0.035,
            new double[] {0.8, 0.9, 1.1, 1.2, 1.2, 1.1, 1.0, 0.9, 1.0, 1.0, 0.9, 0.8},
            new String[] {"bouwvergunning", "evenementenvergunning", "kapvergunning", "terrasvergunning",
                "omgevingsvergunning-status", "splitsingsvergunning"},
            new double[] {0.3, 0.2, 0.15, 0.1, 0.15, 0.1}, 0.55, 0.45, 0.0,
            new double[] {1.0, 0.6, 1.3, 1.6, 0.8, 0.6, 0.3, 0.8, 0.6, 1.0}),
    BEZWAAR("bezwaar", 0.015, null,
            new String[] {"bezwaar-indienen", "status-bezwaar", "hoorzitting"},
            new double[] {0.5, 0.3, 0.2}, 0.5, 0.5, 0.0,
            new double[] {1.0, 0.5, 1.3, 1.5, 0.7, 0.5, 0.3, 1.5, 0.5, 1.0}),
    ALGEMEEN("algemeen", 0.06, null,
            new String[] {"openingstijden", "afspraak-wijzigen", "doorverbinden", "informatie"},
            new double[] {0.3, 0.25, 0.25, 0.2}, 0.8, 0.2, 0.0, null);

    final String slug;
    final double baseWeight;
    private final double[] months;
    private final String[] subtopics;
    private final double[] subtopicCumulative;
    private final double[] kindCumulative;
    private final double[] channelAffinity;

    Topic(String slug, double baseWeight, double[] months, String[] subtopics, double[] subtopicWeights,
          double question, double request, double report, double[] channelAffinity) {
        this.slug = slug;
        this.baseWeight = baseWeight;
        this.months = months == null ? new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1} : months;
        this.subtopics = subtopics;
        this.subtopicCumulative = subtopicWeights == null ? null : Rng.cumulative(subtopicWeights);
        this.kindCumulative = Rng.cumulative(question, request, report);
        this.channelAffinity = channelAffinity == null ? new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1} : channelAffinity;
        if (Channel.values().length != this.channelAffinity.length) {
            throw new IllegalStateException("channel affinity of " + slug + " must have one entry per channel");
        }
    }

    /** The topic with this slug, or null. */
    static Topic ofSlug(String slug) {
        for (Topic t : values()) {
            if (t.slug.equals(slug)) {
                return t;
            }
        }
        return null;
    }

    double monthWeight(int month) {
        return months[month];
    }

    double channelAffinity(Channel channel) {
        return channelAffinity[channel.ordinal()];
    }

    /** A subtopic for a contact in {@code month} (0 = January). */
    String subtopic(int month, Rng rng) {
        if (subtopics == null) {
            SignalCategories signals = SignalCategories.instance();
            return signals.slugs.get(signals.pick(month, rng));
        }
        return subtopics[rng.pick(subtopicCumulative)];
    }

    /** Question, request or report, in this topic's proportions. */
    ContactKind kind(Rng rng) {
        return switch (rng.pick(kindCumulative)) {
            case 0 -> ContactKind.QUESTION;
            case 1 -> ContactKind.REQUEST;
            default -> ContactKind.REPORT;
        };
    }
}
