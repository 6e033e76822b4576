package nl.maatwerk.core.synth;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.maatwerk.core.bsn.Bsn;
import nl.maatwerk.core.calibration.Calibration;
import nl.maatwerk.core.calibration.District;
import nl.maatwerk.core.calibration.Neighbourhood;
import nl.maatwerk.core.model.RegistrationStatus;

/*
 * Runs one generation: spreads the requested residents over the districts by largest remainder on CBS
 * population, plans each district's households (HouseholdPlanner), places every household in a
 * neighbourhood (weighted by population) at a postcode made of the neighbourhood's most common 4 digits
 * and two random letters, and then emits each resident with everything that hangs off it.
 *
 * Three independent random streams keep the parts stable against each other: the population stream
 * (households, residents, attributes, preferences), the records stream (documents, cases) and the
 * contact stream. Changing the number of months or contacts per citizen-year therefore leaves the
 * residents and their preferences unchanged. Only one district's households are in memory at a time.
 */
final class PopulationGenerator {

    private static final long RECORDS_STREAM = 0x9E3779B97F4A7C15L;
    private static final long CONTACTS_STREAM = 0xC2B2AE3D27D4EB4FL;
    private static final int BSN_BASE = 90_000_000;
    private static final long BSN_STRIDE = 7_654_321L;     // coprime with 10^7: a permutation of 90000000..99999999
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final SyntheticMunicipality spec;
    private final SyntheticSink sink;
    private final LocalDate lastDay;
    private final ContactCalendar calendar;
    private final Rng population;
    private final ResidentProfiles profiles;
    private final TravelDocumentGenerator documents;
    private final ContactGenerator contacts;
    private final CaseGenerator cases;
    private long bsnCounter;

    PopulationGenerator(SyntheticMunicipality spec, SyntheticSink sink) {
        this.spec = spec;
        this.sink = sink;
        this.lastDay = spec.endDate();
        this.calendar = new ContactCalendar(spec.firstDay(), lastDay);
        this.population = new Rng(spec.seed());
        Rng records = new Rng(spec.seed() ^ RECORDS_STREAM);
        ChannelModel channels = new ChannelModel();
        this.profiles = new ResidentProfiles(population, channels, spec.calibration().figures().averageIncomeKeur());
        this.documents = new TravelDocumentGenerator(records, lastDay);
        this.contacts = new ContactGenerator(calendar, channels, new Rng(spec.seed() ^ CONTACTS_STREAM), sink,
                spec.contactsPerCitizenYear(), new SurgePlan(spec.surges(), calendar, spec.seed()));
        this.cases = new CaseGenerator(calendar, records, sink, contacts);
    }

    void run() {
        Calibration calibration = spec.calibration();
        List<District> districts = calibration.districts();
        double[] weights = new double[districts.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = districts.get(i).population();
        }
        int[] quotas = Quotas.largestRemainder(spec.citizens(), weights);
        for (int i = 0; i < quotas.length; i++) {
            if (quotas[i] > 0) {
                district(calibration.municipalityCode(), districts.get(i), quotas[i]);
            }
        }
    }

    private void district(String municipality, District d, int residents) {
        List<Neighbourhood> neighbourhoods = d.neighbourhoods();
        double[] weights = new double[neighbourhoods.size()];
        String fallbackPostcode = "1011";
        int heaviest = -1;
        for (int i = 0; i < weights.length; i++) {
            Neighbourhood n = neighbourhoods.get(i);
            weights[i] = Math.max(1, n.population());
            if (n.postcode() != null && (heaviest < 0 || n.population() > heaviest)) {
                heaviest = n.population();
                fallbackPostcode = n.postcode();
            }
        }
        double[] cumulative = Rng.cumulative(weights);
        for (PlannedHousehold h : HouseholdPlanner.plan(residents, d.figures(), population)) {
            household(municipality, d, neighbourhoods.get(population.pick(cumulative)), fallbackPostcode, h);
        }
    }

    private void household(String municipality, District d, Neighbourhood n, String fallbackPostcode, PlannedHousehold h) {
        UUID householdId = population.uuid();
        String postcode = (n.postcode() != null ? n.postcode() : fallbackPostcode) + postcodeLetters();
        int houseNumber = 1 + (int) Math.min(998, population.exponential(40));
        ResidentProfiles.HouseholdProfile profile = profiles.household(d.figures());
        int size = h.size();
        Resident[] members = new Resident[size];
        @SuppressWarnings("unchecked")
        Map<String, Object>[] attributes = new Map[size];
        for (int m = 0; m < size; m++) {
            Resident r = new Resident();
            r.id = population.uuid();
            r.age = h.ages()[m];
            r.birthDate = lastDay.minusYears(r.age).minusDays(population.nextInt(365));
            r.child = h.isChild(m);
            r.householdType = h.type();
            r.householdSize = size;
            r.youngestChildAge = h.youngestChildAge();
            r.neighbourhood = n.code();
            r.district = d.code();
            attributes[m] = profiles.person(r, profile, d.figures());
            r.activeUntilDay = r.status == RegistrationStatus.RESIDENT ? Integer.MAX_VALUE
                    : population.between(-180, calendar.days - 1);
            members[m] = r;
        }
        Integer youngest = h.youngestChildAge() >= 0 ? h.youngestChildAge() : null;
        for (int m = 0; m < size; m++) {
            Resident r = members[m];
            sink.citizen(new GeneratedCitizen(r.id, nextBsn(), r.birthDate, householdId, h.type(), size, youngest,
                    postcode, houseNumber, n.code(), d.code(), municipality, profile.language(), r.status,
                    attributes[m]));
            sink.plantedPreference(ResidentProfiles.preference(r));
            for (GeneratedTravelDocument document : documents.documents(r)) {
                sink.travelDocument(document);
                contacts.travelDocument(r, document, lastDay);
            }
            cases.generate(r);
            contacts.spontaneous(r);
            if (m == 0 && youngest != null && youngest == 0) {
                for (int c = h.heads(); c < size; c++) {
                    if (calendar.contains(calendar.dayOf(members[c].birthDate))) {
                        contacts.birth(r, members[c].birthDate);
                    }
                }
            }
        }
    }

    private String postcodeLetters() {
        while (true) {
            char a = LETTERS.charAt(population.nextInt(26));
            char b = LETTERS.charAt(population.nextInt(26));
            if (!(a == 'S' && (b == 'A' || b == 'D' || b == 'S'))) {     // not used in Dutch postcodes
                return new String(new char[] {a, b});
            }
        }
    }

    private Bsn nextBsn() {
        while (true) {
            int prefix = BSN_BASE + (int) ((bsnCounter++ * BSN_STRIDE) % 10_000_000L);
            Bsn bsn = Bsn.withCheckDigit(prefix);
            if (bsn != null) {
                return bsn;
            }
        }
    }
}
