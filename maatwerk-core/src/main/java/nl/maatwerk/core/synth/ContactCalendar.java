package nl.maatwerk.core.synth;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

/*
 * The days of the contact period, with what the generator needs per day precomputed so that placing a
 * contact costs a binary search and an addition: the local date as epoch seconds, the UTC offset of
 * Europe/Amsterdam before and after the 02:00-03:00 daylight-saving switch, the weekday, the month and
 * whether it is a Dutch public holiday on which municipal offices are closed (New Year, Easter Monday,
 * King's Day, Ascension, Whit Monday, Christmas).
 *
 * Day weights multiply a topic's month curve with a weekly curve per channel class: offices (phone,
 * desk) peak on Monday and are closed at weekends and on holidays; letters are registered on
 * working days only; digital channels also run at weekends at about half strength.
 */
final class ContactCalendar {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    /** Monday..Sunday weights for {@link ChannelClass#OFFICE}, {@link ChannelClass#LETTER}, {@link ChannelClass#DIGITAL}. */
    private static final double[][] WEEKDAY = {
        {1.40, 1.10, 1.05, 1.00, 0.85, 0.0, 0.0},
        {1.30, 1.10, 1.00, 1.00, 0.90, 0.0, 0.0},
        {1.25, 1.05, 1.00, 0.95, 0.85, 0.50, 0.45},
    };
    private static final double[] HOLIDAY = {0.0, 0.0, 0.6};

    final LocalDate firstDay;
    final int days;
    private final long[] localMidnight;
    private final int[] offsetEarly;
    private final int[] offsetLate;
    private final byte[] weekday;
    private final byte[] month;
    private final boolean[] holiday;
    private final double[][][] cumulative = new double[Topic.values().length][ChannelClass.values().length][];

    ContactCalendar(LocalDate firstDay, LocalDate lastDay) {
        this.firstDay = firstDay;
        this.days = (int) (lastDay.toEpochDay() - firstDay.toEpochDay()) + 1;
        localMidnight = new long[days];
        offsetEarly = new int[days];
        offsetLate = new int[days];
        weekday = new byte[days];
        month = new byte[days];
        holiday = new boolean[days];
        Set<LocalDate> holidays = new HashSet<>();
        for (int year = firstDay.getYear(); year <= lastDay.getYear(); year++) {
            holidays.addAll(holidays(year));
        }
        for (int d = 0; d < days; d++) {
            LocalDate date = firstDay.plusDays(d);
            localMidnight[d] = date.toEpochDay() * 86_400L;
            offsetEarly[d] = offsetAt(date, 1);
            offsetLate[d] = offsetAt(date, 12);
            weekday[d] = (byte) (date.getDayOfWeek().getValue() - 1);
            month[d] = (byte) (date.getMonthValue() - 1);
            holiday[d] = holidays.contains(date);
        }
    }

    private static int offsetAt(LocalDate date, int hour) {
        ZoneOffset offset = ZONE.getRules().getOffset(date.atTime(hour, 0));
        return offset.getTotalSeconds();
    }

    static Set<LocalDate> holidays(int year) {
        LocalDate easter = easterSunday(year);
        LocalDate kingsDay = LocalDate.of(year, 4, 27);
        if (kingsDay.getDayOfWeek() == DayOfWeek.SUNDAY) {
            kingsDay = kingsDay.minusDays(1);
        }
        return Set.of(MonthDay.of(1, 1).atYear(year), easter.plusDays(1), kingsDay, easter.plusDays(39),
                easter.plusDays(50), MonthDay.of(12, 25).atYear(year), MonthDay.of(12, 26).atYear(year));
    }

    /** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int monthValue = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, monthValue, day);
    }

    boolean contains(int day) {
        return day >= 0 && day < days;
    }

    int dayOf(LocalDate date) {
        return (int) (date.toEpochDay() - firstDay.toEpochDay());
    }

    LocalDate date(int day) {
        return firstDay.plusDays(day);
    }

    /** 0 = Monday … 6 = Sunday. */
    int weekday(int day) {
        return weekday[day];
    }

    /** 0 = January … 11 = December. */
    int month(int day) {
        return month[day];
    }

    boolean isWorkingDay(int day) {
        return weekday[day] < 5 && !holiday[day];
    }

    /** The first working day on or after {@code day}; may lie beyond the period. */
    int workingDayFrom(int day) {
        int d = day;
        while (d >= 0 && d < days && !isWorkingDay(d)) {
            d++;
        }
        return d;
    }

    Instant instant(int day, int secondOfDay) {
        int offset = secondOfDay < 3 * 3600 ? offsetEarly[day] : offsetLate[day];
        return Instant.ofEpochSecond(localMidnight[day] + secondOfDay - offset);
    }

    /** Start of the period, local midnight of the first day. */
    Instant start() {
        return firstDay.atStartOfDay(ZONE).toInstant();
    }

    /** End of the period (exclusive), local midnight after the last day. */
    Instant end() {
        return date(days).atStartOfDay(ZONE).toInstant();
    }

    /** A day drawn from the topic's month curve times the channel class's weekly curve. */
    int pickDay(Topic topic, ChannelClass channelClass, Rng rng) {
        double[] c = cumulative[topic.ordinal()][channelClass.ordinal()];
        if (c == null) {
            double[] weights = new double[days];
            for (int d = 0; d < days; d++) {
                weights[d] = topic.monthWeight(month[d]) * WEEKDAY[channelClass.ordinal()][weekday[d]]
                        * (holiday[d] ? HOLIDAY[channelClass.ordinal()] : 1.0);
            }
            c = Rng.cumulative(weights);
            cumulative[topic.ordinal()][channelClass.ordinal()] = c;
        }
        return rng.pick(c);
    }
}
