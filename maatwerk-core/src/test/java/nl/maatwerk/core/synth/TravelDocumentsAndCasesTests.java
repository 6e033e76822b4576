package nl.maatwerk.core.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.maatwerk.core.model.CaseStatus;
import nl.maatwerk.core.model.CaseType;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.TravelDocumentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Travel documents and cases of a 30,000-citizen town over 12 months. */
class TravelDocumentsAndCasesTests {

    private static final LocalDate END = LocalDate.of(2026, 3, 31);

    private static SyntheticMunicipality spec;
    private static RecordingSink town;
    private static Map<UUID, GeneratedCitizen> citizens;

    @BeforeAll
    static void generate() {
        spec = SyntheticMunicipality.builder().citizens(30_000).months(12).endDate(END).seed(5).build();
        town = RecordingSink.of(spec);
        citizens = new HashMap<>();
        town.citizens.forEach(c -> citizens.put(c.id(), c));
    }

    @Test
    void documents_mostResidentsHoldOne_numbersUniqueWithoutLetterO() {
        Set<UUID> holders = town.documents.stream().map(GeneratedTravelDocument::citizenId).collect(Collectors.toSet());
        Set<String> numbers = new HashSet<>();
        for (GeneratedTravelDocument d : town.documents) {
            assertThat(d.number()).hasSize(9).doesNotContain("O").matches("[A-Z]{2}[A-Z0-9]{6}[0-9]");
            assertThat(numbers.add(d.number())).isTrue();
            assertThat(citizens).containsKey(d.citizenId());
        }
        assertThat(holders.size() / 30_000.0).isGreaterThan(0.8);
        assertThat(town.documents.stream().map(GeneratedTravelDocument::type)).contains(TravelDocumentType.PASSPORT,
                TravelDocumentType.IDENTITY_CARD);
    }

    @Test
    void documents_validTenYearsForAdultsFiveForMinors() {
        for (GeneratedTravelDocument d : town.documents) {
            LocalDate birth = citizens.get(d.citizenId()).birthDate();
            boolean minorAtIssue = d.issueDate().isBefore(birth.plusYears(18));
            assertThat(d.expiryDate()).isEqualTo(d.issueDate().plusYears(minorAtIssue ? 5 : 10));
            assertThat(d.issueDate()).isAfterOrEqualTo(birth).isBeforeOrEqualTo(END);
        }
    }

    @Test
    void documents_expiriesSpreadOverComingYears_someExpiredSomeWithinEightWeeks() {
        int[] perYear = new int[10];
        int expired = 0;
        int withinEightWeeks = 0;
        for (GeneratedTravelDocument d : town.documents) {
            long days = ChronoUnit.DAYS.between(END, d.expiryDate());
            if (days < 0) {
                expired++;
            } else {
                perYear[(int) Math.min(9, days / 366)]++;
                if (days <= 56) {
                    withinEightWeeks++;
                }
            }
        }
        double n = town.documents.size();
        assertThat(expired / n).isBetween(0.01, 0.08);
        assertThat(withinEightWeeks / n).isBetween(0.008, 0.03);
        for (int year = 0; year < 10; year++) {
            assertThat(perYear[year] / n).as("expiring in year %d", year).isBetween(0.05, 0.16);
        }
    }

    @Test
    void documents_renewedInPeriod_haveDeskContacts() {
        long renewed = town.documents.stream().filter(d -> !d.issueDate().isBefore(spec.firstDay())).count();
        long deskApplications = town.contacts.stream().filter(c -> c.topic().equals("paspoort-id-kaart")
                && c.subtopic().endsWith("-aanvragen") && c.channel() == Channel.DESK).count();

        assertThat(renewed).isGreaterThan(1_000);
        assertThat(deskApplications).isBetween(renewed * 8 / 10, renewed + renewed / 5);
    }

    @Test
    void cases_aFewPercentOfCitizens_allTypesOpenAndClosed() {
        Set<UUID> withCase = town.cases.stream().map(GeneratedCase::citizenId).collect(Collectors.toSet());

        assertThat(withCase.size() / 30_000.0).isBetween(0.02, 0.08);
        assertThat(town.cases.stream().map(GeneratedCase::type).distinct().count()).isEqualTo(6);
        assertThat(town.cases).anyMatch(c -> c.status() == CaseStatus.CLOSED);
        assertThat(town.cases).anyMatch(c -> c.status() != CaseStatus.CLOSED);
    }

    @Test
    void cases_deadlinesFollowTheRules() {
        for (GeneratedCase c : town.cases) {
            LocalDate submitted = c.submittedAt().atZone(SyntheticMunicipality.ZONE).toLocalDate();
            assertThat(c.decisionDeadline()).isEqualTo(submitted.plusWeeks(8));
            if (c.decisionDate() != null) {
                assertThat(c.objectionDeadline()).isEqualTo(c.decisionDate().plusWeeks(6));
                assertThat(c.status()).isIn(CaseStatus.DECIDED, CaseStatus.CLOSED);
            }
            assertThat(c.closedAt() != null).isEqualTo(c.status() == CaseStatus.CLOSED);
            assertThat(c.submittedAt()).isBefore(spec.periodEnd());
        }
    }

    @Test
    void cases_someOpenWithDeadlineInTheComingWeeks() {
        long soon = town.cases.stream().filter(c -> c.decisionDate() == null)
                .filter(c -> !c.decisionDeadline().isBefore(END) && c.decisionDeadline().isBefore(END.plusWeeks(8)))
                .count();

        assertThat(soon).isGreaterThan(10);
    }

    @Test
    void statusHistory_followsThePathAndEndsInTheCaseStatus() {
        Map<UUID, List<GeneratedCaseStatusChange>> history = town.changes.stream()
                .collect(Collectors.groupingBy(GeneratedCaseStatusChange::caseId));
        for (GeneratedCase c : town.cases) {
            List<GeneratedCaseStatusChange> steps = history.get(c.id());
            assertThat(steps.get(0).status()).isEqualTo(CaseStatus.RECEIVED);
            assertThat(steps.get(0).at()).isEqualTo(c.submittedAt());
            assertThat(steps.get(steps.size() - 1).status()).isEqualTo(c.status());
            for (int i = 1; i < steps.size(); i++) {
                assertThat(steps.get(i).status().ordinal()).isGreaterThan(steps.get(i - 1).status().ordinal());
                assertThat(steps.get(i).at()).isAfter(steps.get(i - 1).at()).isBefore(spec.periodEnd());
            }
            if (steps.size() > 1) {
                assertThat(steps.get(1).status()).isEqualTo(CaseStatus.IN_PROGRESS);
            }
        }
    }

    @Test
    void cases_generateContactsOnTheirTopic() {
        Set<UUID> caseCitizens = town.cases.stream()
                .filter(c -> c.type() == CaseType.SOCIAL_ASSISTANCE)
                .map(GeneratedCase::citizenId).collect(Collectors.toSet());
        long withBijstandContact = town.contacts.stream().filter(c -> c.topic().equals("bijstand"))
                .map(GeneratedContact::citizenId).filter(caseCitizens::contains).distinct().count();

        assertThat(withBijstandContact).isGreaterThan(caseCitizens.size() / 2);
    }

    @Test
    void expiringDocuments_triggerPassportQuestions() {
        Set<UUID> expiringSoon = town.documents.stream()
                .filter(d -> d.issueDate().isBefore(spec.firstDay()))
                .filter(d -> ChronoUnit.DAYS.between(END, d.expiryDate()) <= 56
                        && ChronoUnit.DAYS.between(END, d.expiryDate()) > -180)
                .map(GeneratedTravelDocument::citizenId).collect(Collectors.toSet());
        Set<UUID> askedRecently = town.contacts.stream()
                .filter(c -> c.topic().equals("paspoort-id-kaart") && c.citizenId() != null)
                .filter(c -> c.occurredAt().isAfter(spec.periodEnd().minusSeconds(240 * 86_400L)))
                .map(GeneratedContact::citizenId).collect(Collectors.toSet());
        long asked = expiringSoon.stream().filter(askedRecently::contains).count();

        assertThat((double) asked / expiringSoon.size()).isGreaterThan(0.35);
    }
}
