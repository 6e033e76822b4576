package nl.maatwerk.core.segment;

import java.util.EnumSet;
import java.util.Set;

/** What kind of value a field holds, and so which operators and literals it takes. */
enum FieldKind {
    /** One of a closed list of codes. */
    ENUM(EnumSet.of(Operator.EQ, Operator.NE), true, false),
    /** Free text, compared whole. */
    TEXT(EnumSet.of(Operator.EQ, Operator.NE), true, false),
    /** {@code true} or {@code false}; also usable on its own as a flag. */
    BOOLEAN(EnumSet.of(Operator.EQ, Operator.NE), false, false),
    /** A whole number. */
    INTEGER(EnumSet.allOf(Operator.class), true, true),
    /** Any number. */
    DECIMAL(EnumSet.allOf(Operator.class), true, true),
    /** Age in whole years, from the birth date, in the municipality's time zone. */
    AGE(EnumSet.allOf(Operator.class), true, true),
    /** A calendar date; compared with dates, and with {@code now ± span} taken as a date. */
    DATE(EnumSet.allOf(Operator.class), false, true),
    /** A moment; a date literal stands for that whole day in the municipality's time zone. */
    TIMESTAMP(EnumSet.allOf(Operator.class), false, true),
    /** A yes/no test written on its own ({@code channel.digital}). */
    FLAG(EnumSet.noneOf(Operator.class), false, false),
    /** A test with a time window ({@code document.travel.expiresWithin(8w)}). */
    CALL(EnumSet.noneOf(Operator.class), false, false);

    private final Set<Operator> operators;
    private final boolean inList;
    private final boolean between;

    FieldKind(Set<Operator> operators, boolean inList, boolean between) {
        this.operators = operators;
        this.inList = inList;
        this.between = between;
    }

    Set<Operator> operators() {
        return operators;
    }

    boolean allowsInList() {
        return inList;
    }

    boolean allowsBetween() {
        return between;
    }

    /** The operators in words, for "use …" in messages. */
    String describeOperators() {
        if (this == FLAG) {
            return "the field on its own";
        }
        if (this == CALL) {
            return "the test with a time span, like (8w)";
        }
        StringBuilder out = new StringBuilder();
        operators.forEach(o -> out.append(out.length() == 0 ? "" : ", ").append(o.symbol()));
        if (between) {
            out.append(", between");
        }
        if (inList) {
            out.append(", in (…)");
        }
        return out.toString();
    }
}
