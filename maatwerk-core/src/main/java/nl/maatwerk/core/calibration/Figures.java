package nl.maatwerk.core.calibration;

import java.util.Objects;

/**
 * The CBS figures of one area (a district, or the whole municipality) that the generator reproduces.
 *
 * @param ages                  share of residents per age band
 * @param households            share of households per CBS household kind
 * @param averageHouseholdSize  persons per private household (CBS {@code avg_household_size})
 * @param westernShare          share of residents with a western migration background (CBS 2019 concept)
 * @param nonWesternShare       share of residents with a non-western migration background
 * @param lowIncomeShare        share of households with a low income
 * @param averageIncomeKeur     average income per income recipient, in thousands of euros
 * @param socialAssistanceShare persons receiving social assistance (bijstand) per resident
 */
public record Figures(AgeBands ages, HouseholdMix households, double averageHouseholdSize, double westernShare,
                      double nonWesternShare, double lowIncomeShare, double averageIncomeKeur,
                      double socialAssistanceShare) {

    public Figures {
        Objects.requireNonNull(ages, "ages");
        Objects.requireNonNull(households, "households");
        if (!(averageHouseholdSize >= 1.0 && averageHouseholdSize <= 10.0)) {
            throw new IllegalArgumentException("averageHouseholdSize must be within [1, 10], was " + averageHouseholdSize);
        }
        Shares.requireShare("westernShare", westernShare);
        Shares.requireShare("nonWesternShare", nonWesternShare);
        if (westernShare + nonWesternShare > 1.0 + Shares.SUM_TOLERANCE) {
            throw new IllegalArgumentException("westernShare + nonWesternShare must be at most 1, was "
                    + (westernShare + nonWesternShare));
        }
        Shares.requireShare("lowIncomeShare", lowIncomeShare);
        if (!(averageIncomeKeur > 0 && averageIncomeKeur < 1000)) {
            throw new IllegalArgumentException("averageIncomeKeur must be within (0, 1000), was " + averageIncomeKeur);
        }
        Shares.requireShare("socialAssistanceShare", socialAssistanceShare);
    }
}
