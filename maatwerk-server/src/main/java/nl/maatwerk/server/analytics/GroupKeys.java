package nl.maatwerk.server.analytics;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.ContactKind;
import nl.maatwerk.core.model.Direction;

/**
 * Turns a row into the number of its group, and a group number back into the dimension values. Groups
 * are numbered densely (mixed radix over the dimensions' value counts), so totals live in plain arrays.
 */
final class GroupKeys {

    static final int MAX_GROUPS = 4_000_000;

    private final List<Dimension> dimensions;
    private final int[] radix;
    private final int[] multiplier;
    private final int fromDay;
    private final int[] weekOfDay, monthOfDay, weekdayOfDay;
    private final List<String> weeks = new ArrayList<>(), months = new ArrayList<>();
    private final ContactDictionaries dictionaries;
    private final int groups;

    GroupKeys(List<Dimension> dimensions, int fromDay, int toDay, ContactDictionaries dictionaries) {
        this.dimensions = dimensions;
        this.fromDay = fromDay;
        this.dictionaries = dictionaries;
        int days = Math.max(0, toDay - fromDay + 1);
        weekOfDay = new int[days];
        monthOfDay = new int[days];
        weekdayOfDay = new int[days];
        Map<String, Integer> weekIndex = new LinkedHashMap<>(), monthIndex = new LinkedHashMap<>();
        for (int d = 0; d < days; d++) {
            LocalDate date = LocalDate.ofEpochDay(fromDay + d);
            String week = String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            String month = String.format("%d-%02d", date.getYear(), date.getMonthValue());
            weekOfDay[d] = weekIndex.computeIfAbsent(week, w -> { weeks.add(w); return weeks.size() - 1; });
            monthOfDay[d] = monthIndex.computeIfAbsent(month, m -> { months.add(m); return months.size() - 1; });
            weekdayOfDay[d] = date.getDayOfWeek().getValue() - 1;
        }
        radix = new int[dimensions.size()];
        multiplier = new int[dimensions.size()];
        long product = 1;
        for (int i = dimensions.size() - 1; i >= 0; i--) {
            radix[i] = Math.max(1, valueCount(dimensions.get(i), days));
            multiplier[i] = (int) Math.min(product, Integer.MAX_VALUE);
            product *= radix[i];
        }
        if (product > MAX_GROUPS) {
            throw new TooManyGroups(dimensions, product);
        }
        groups = (int) product;
    }

    /** Thrown when a grouping would have more cells than a scan may hold. */
    static final class TooManyGroups extends IllegalArgumentException {
        TooManyGroups(List<Dimension> dimensions, long product) {
            super("grouping by " + dimensions.stream().map(Dimension::code).toList() + " gives up to " + product
                    + " groups; at most " + MAX_GROUPS + " are allowed: narrow the period or drop a dimension");
        }
    }

    int groups() {
        return groups;
    }

    private int valueCount(Dimension d, int days) {
        return switch (d) {
            case CHANNEL -> Channel.values().length;
            case KIND -> ContactKind.values().length;
            case DIRECTION -> Direction.values().length;
            case TOPIC -> dictionaries.topics().size();
            case SUBTOPIC -> dictionaries.subtopics().size();
            case DISTRICT -> dictionaries.districts().size();
            case NEIGHBOURHOOD -> dictionaries.neighbourhoods().size();
            case DAY -> days;
            case WEEK -> weeks.size();
            case MONTH -> months.size();
            case AGE_BAND -> AgeBand.UNKNOWN + 1;
            case HOUR -> 24;
            case WEEKDAY -> 7;
            case SOURCE -> dictionaries.sources().size();
        };
    }

    /** The group of a row that lies within the period. */
    int of(ContactColumns c, int row) {
        int g = 0;
        for (int i = 0; i < radix.length; i++) {
            g += multiplier[i] * value(dimensions.get(i), c, row);
        }
        return g;
    }

    private int value(Dimension d, ContactColumns c, int row) {
        return switch (d) {
            case CHANNEL -> c.channel[row];
            case KIND -> c.kind[row];
            case DIRECTION -> c.direction[row];
            case TOPIC -> c.topic[row];
            case SUBTOPIC -> c.subtopic[row];
            case DISTRICT -> c.district[row];
            case NEIGHBOURHOOD -> c.neighbourhood[row];
            case DAY -> c.day[row] - fromDay;
            case WEEK -> weekOfDay[c.day[row] - fromDay];
            case MONTH -> monthOfDay[c.day[row] - fromDay];
            case AGE_BAND -> c.ageBand[row];
            case HOUR -> c.hour[row];
            case WEEKDAY -> weekdayOfDay[c.day[row] - fromDay];
            case SOURCE -> c.source[row];
        };
    }

    /** The dimension values of group {@code g}, as the API names them. */
    List<String> keys(int g) {
        List<String> keys = new ArrayList<>(radix.length);
        for (int i = 0; i < radix.length; i++) {
            keys.add(label(dimensions.get(i), (g / multiplier[i]) % radix[i]));
        }
        return keys;
    }

    private String label(Dimension d, int v) {
        return switch (d) {
            case CHANNEL -> Channel.values()[v].code();
            case KIND -> ContactKind.values()[v].code();
            case DIRECTION -> Direction.values()[v].code();
            case TOPIC -> dictionaries.topics().value(v);
            case SUBTOPIC -> dictionaries.subtopics().value(v);
            case DISTRICT -> dictionaries.districts().value(v);
            case NEIGHBOURHOOD -> dictionaries.neighbourhoods().value(v);
            case DAY -> LocalDate.ofEpochDay(fromDay + v).toString();
            case WEEK -> weeks.get(v);
            case MONTH -> months.get(v);
            case AGE_BAND -> AgeBand.code(v);
            case HOUR -> Integer.toString(v);
            case WEEKDAY -> Integer.toString(v + 1);
            case SOURCE -> dictionaries.sources().value(v);
        };
    }
}
