package nl.maatwerk.server.analytics;

import java.util.List;

/**
 * One finding of a weekly bulletin. {@code dimensions}/{@code values} say what it is about (for example
 * topic=afval × district=WK036394). A count is null where it stands for fewer than k persons.
 *
 * @param kind       RISE or FALL of a count, SATISFACTION_DROP, or CHANNEL_SHIFT
 * @param week       the week's count, mean score or digital share (null when withheld)
 * @param baseline   the baseline's mean count per week, mean score or digital share
 * @param change     ratio (counts), difference in score points, or change in percentage points
 * @param low        lower end of the confidence interval of {@code change}
 * @param high       upper end
 * @param q          false-discovery-rate adjusted p-value
 * @param certainty  VERY_SURE, SURE or LIKELY
 * @param link       the dashboard view behind the finding, relative to the application's address
 */
public record BulletinItem(String kind, List<String> dimensions, List<String> values, Double week, double baseline,
        double change, double low, double high, double q, String certainty, String link) {
}
