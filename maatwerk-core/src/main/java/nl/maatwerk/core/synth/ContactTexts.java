package nl.maatwerk.core.synth;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.maatwerk.core.model.ContactKind;

/*
 * Short Dutch sentences for the few contacts that carry a text, as a resident might type them in a web
 * form, e-mail or chat. They name no person, address or number, so the synthetic data holds no personal
 * data in free text. Reports about public space name their Signalen subcategory.
 */
final class ContactTexts {

    private static final Map<Topic, List<String>> BY_TOPIC = new EnumMap<>(Topic.class);
    private static final List<String> COMPLAINTS = List.of("Ik ben niet tevreden over hoe mijn vraag is behandeld.",
            "Ik heb nu al drie keer gebeld en nog steeds geen antwoord.", "Ik wacht al weken op een reactie.");
    private static final List<String> COMPLIMENTS = List.of("Dank voor de snelle en vriendelijke hulp!",
            "Prima geholpen aan de balie, heel fijn.", "Top dat het zo snel is opgelost.");

    static {
        BY_TOPIC.put(Topic.PASPOORT, List.of("Mijn paspoort verloopt binnenkort. Hoe maak ik een afspraak?",
                "Hoe lang duurt het voordat mijn identiteitskaart klaar is?",
                "Kan ik mijn nieuwe paspoort ook op een zaterdag ophalen?",
                "Wat kost een identiteitskaart voor een kind?"));
        BY_TOPIC.put(Topic.RIJBEWIJS, List.of("Ik wil mijn rijbewijs verlengen. Wat moet ik meenemen?",
                "Is mijn nieuwe rijbewijs al klaar om op te halen?"));
        BY_TOPIC.put(Topic.VERHUIZING, List.of("Ik ga verhuizen binnen de gemeente. Hoe geef ik dat door?",
                "Ik heb een uittreksel uit de basisregistratie nodig voor mijn werkgever.",
                "Mijn verhuizing is nog niet verwerkt, klopt dat?"));
        BY_TOPIC.put(Topic.AFVAL, List.of("Wanneer wordt het grofvuil bij ons opgehaald?",
                "De container in onze straat is al dagen vol.",
                "Ik wil graag een afspraak maken voor het ophalen van grofvuil.",
                "Waar kan ik mijn kerstboom kwijt?"));
        BY_TOPIC.put(Topic.PARKEREN, List.of("Ik wil een parkeervergunning aanvragen voor mijn nieuwe auto.",
                "Waarom heb ik een naheffingsaanslag gekregen? Ik had betaald.",
                "Hoe werkt de bezoekersregeling?"));
        BY_TOPIC.put(Topic.BELASTINGEN, List.of("Ik heb de aanslag gemeentelijke belastingen ontvangen en heb een vraag.",
                "Kan ik de aanslag in termijnen betalen?",
                "Ik denk dat de WOZ-waarde van mijn woning te hoog is.",
                "Hoe vraag ik kwijtschelding aan?"));
        BY_TOPIC.put(Topic.WMO, List.of("Ik heb hulp nodig in het huishouden. Waar moet ik beginnen?",
                "Wanneer wordt mijn scootmobiel geleverd?",
                "Ik zorg voor mijn moeder en zoek ondersteuning als mantelzorger."));
        BY_TOPIC.put(Topic.BIJSTAND, List.of("Wanneer wordt mijn uitkering deze maand betaald?",
                "Ik heb een wijziging in mijn inkomen door te geven.",
                "Ik heb schulden en wil graag hulp."));
        BY_TOPIC.put(Topic.GEBOORTE, List.of("Hoe doe ik aangifte van de geboorte van onze zoon?",
                "Welke documenten heb ik nodig voor de geboorteaangifte?"));
        BY_TOPIC.put(Topic.HUWELIJK, List.of("Wij willen volgend jaar trouwen. Hoe plannen we een datum?",
                "Welke trouwlocaties zijn er in de gemeente?"));
        BY_TOPIC.put(Topic.OVERLIJDEN, List.of("Mijn vader is overleden. Wat moet ik regelen bij de gemeente?"));
        BY_TOPIC.put(Topic.VERGUNNINGEN, List.of("Heb ik een vergunning nodig voor een dakkapel?",
                "Wat is de status van onze aanvraag voor een evenementenvergunning?",
                "Mag ik de boom in mijn tuin kappen?"));
        BY_TOPIC.put(Topic.BEZWAAR, List.of("Ik ben het niet eens met het besluit en wil bezwaar maken.",
                "Wanneer hoor ik iets over mijn bezwaar?"));
        BY_TOPIC.put(Topic.ALGEMEEN, List.of("Wat zijn de openingstijden van het stadsloket?",
                "Ik wil mijn afspraak verzetten.", "Met wie kan ik hierover het beste spreken?"));
    }

    private ContactTexts() {
    }

    static String sentence(Topic topic, String subtopic, ContactKind kind, Rng rng) {
        if (kind == ContactKind.COMPLAINT) {
            return rng.pick(COMPLAINTS);
        }
        if (kind == ContactKind.COMPLIMENT) {
            return rng.pick(COMPLIMENTS);
        }
        if (topic == Topic.OPENBARE_RUIMTE) {
            SignalCategories signals = SignalCategories.instance();
            int index = signals.slugs.indexOf(subtopic);
            String name = index >= 0 ? signals.names.get(index).toLowerCase(Locale.ROOT) : "een probleem";
            return rng.pick(List.of("Melding over " + name + " bij ons in de straat.",
                    "Graag aandacht voor " + name + " op de hoek bij het plein.",
                    "Al een week last van " + name + ", kan hier iemand naar kijken?"));
        }
        return rng.pick(BY_TOPIC.get(topic));
    }
}
