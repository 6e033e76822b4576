package nl.maatwerk.core.synth;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import nl.maatwerk.core.model.TravelDocumentType;

/*
 * A resident's current passport and/or identity card. Most adults hold at least one (passport 72%,
 * identity card 62%, at least one for ~98%), under-18s about 60%. A document issued before the
 * holder turned 18 is valid 5 years, otherwise 10.
 *
 * Adults aged 28+ got their current document at a uniformly random moment in the last ten years, so
 * expiries are spread evenly over the coming ten years (about 1.5% within the next 8 weeks); 5% let an
 * earlier one lapse 0-3 years ago. Younger residents follow their chain of documents from childhood,
 * renewing up to two months before each expiry, which spreads their expiries over the coming five or
 * ten years. Issue dates lean to spring (the passport peak) and fall on working days.
 */
final class TravelDocumentGenerator {

    private static final double[] SPRING = {0.8, 0.9, 1.2, 1.4, 1.5, 1.4, 1.1, 0.9, 0.8, 0.8, 0.7, 0.6};

    private final Rng rng;
    private final LocalDate lastDay;
    private final DocumentNumbers numbers = new DocumentNumbers();

    TravelDocumentGenerator(Rng rng, LocalDate lastDay) {
        this.rng = rng;
        this.lastDay = lastDay;
    }

    List<GeneratedTravelDocument> documents(Resident r) {
        boolean passport;
        boolean idCard;
        if (r.adult()) {
            passport = rng.chance(0.72);
            idCard = rng.chance(0.62);
            if (!passport && !idCard && rng.chance(0.85)) {
                idCard = true;
            }
        } else {
            boolean any = rng.chance(r.age == 0 ? 0.25 : 0.6);
            passport = any && rng.chance(0.55);
            idCard = any && (!passport || rng.chance(0.25));
        }
        List<GeneratedTravelDocument> result = new ArrayList<>(2);
        if (passport) {
            result.add(document(r, TravelDocumentType.PASSPORT));
        }
        if (idCard) {
            result.add(document(r, TravelDocumentType.IDENTITY_CARD));
        }
        return result;
    }

    private GeneratedTravelDocument document(Resident r, TravelDocumentType type) {
        LocalDate issue;
        if (r.age >= 28) {
            issue = rng.chance(0.05)
                    ? lastDay.minusYears(10).minusDays(rng.between(1, 3 * 365))
                    : seasonal(lastDay.minusDays(rng.between(0, 3652)));
        } else {
            long lived = ChronoUnit.DAYS.between(r.birthDate, lastDay);
            issue = r.birthDate.plusDays(rng.between(14, (int) Math.max(14, Math.min(lived, 5 * 365))));
            for (LocalDate expiry = issue.plusYears(validity(r, issue)); !expiry.isAfter(lastDay);
                    expiry = issue.plusYears(validity(r, issue))) {
                LocalDate next = seasonal(expiry.minusDays(rng.between(0, 60)));
                issue = next.isAfter(issue) ? next : expiry;
            }
        }
        issue = workingDay(issue.isAfter(lastDay) ? lastDay : issue);
        if (issue.isAfter(lastDay) || issue.isBefore(r.birthDate)) {
            issue = r.birthDate.isAfter(lastDay.minusDays(1)) ? lastDay : lastDay.minusDays(1);
        }
        LocalDate expiry = issue.plusYears(validity(r, issue));
        return new GeneratedTravelDocument(r.id, type, numbers.next(rng), issue, expiry);
    }

    private int validity(Resident r, LocalDate issue) {
        return issue.isBefore(r.birthDate.plusYears(18)) ? 5 : 10;
    }

    /** Nudges a date toward spring: the further its month is below the spring peak, the likelier it moves. */
    private LocalDate seasonal(LocalDate date) {
        int month = date.getMonthValue();
        double weight = SPRING[month - 1];
        if (weight < 1.0 && rng.chance(1.0 - weight)) {
            LocalDate shifted = month <= 2 ? date.plusDays(rng.between(30, 90))
                    : month <= 9 ? date.minusDays(rng.between(30, 90))
                    : date.plusDays(rng.between(100, 170));
            return shifted.isAfter(lastDay) ? date : shifted;
        }
        return date;
    }

    /** A weekend date moves to a random weekday of the same week (the week before if that is past the last day). */
    private LocalDate workingDay(LocalDate date) {
        if (date.getDayOfWeek().getValue() <= 5) {
            return date;
        }
        LocalDate weekday = date.with(DayOfWeek.of(rng.between(1, 5)));
        return weekday.isAfter(lastDay) ? weekday.minusWeeks(1) : weekday;
    }
}
