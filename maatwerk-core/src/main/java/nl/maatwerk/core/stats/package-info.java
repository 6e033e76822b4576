/**
 * Weekly change statistics for the contact bulletin: which series of counts rose or fell significantly in
 * the week under review compared with the weeks before, where satisfaction dropped, and where the digital
 * share of contacts shifted, with the false-discovery rate controlled over everything tested in one
 * bulletin.
 *
 * <p>Public face: {@link nl.maatwerk.core.stats.WeeklyChanges} (builder and {@code review(…)}), the input
 * records {@link nl.maatwerk.core.stats.CountSeries}, {@link nl.maatwerk.core.stats.SatisfactionSeries} and
 * {@link nl.maatwerk.core.stats.ChannelMixSeries} (keyed by {@link nl.maatwerk.core.stats.SeriesKey}), and the
 * {@link nl.maatwerk.core.stats.Bulletin} with its items. The tests themselves are package-private. See
 * {@code docs/metrics.md} for the tests, their assumptions and thresholds.
 */
package nl.maatwerk.core.stats;
