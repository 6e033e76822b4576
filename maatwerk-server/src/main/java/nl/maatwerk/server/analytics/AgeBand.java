package nl.maatwerk.server.analytics;

/** Age of the citizen on the day of the contact, in the bands the contact centre reports in. */
enum AgeBand {
    UNDER_18("0-17", 0), FROM_18("18-24", 18), FROM_25("25-34", 25), FROM_35("35-44", 35), FROM_45("45-54", 45),
    FROM_55("55-64", 55), FROM_65("65-74", 65), FROM_75("75+", 75);

    static final int UNKNOWN = values().length;

    private final String code;
    private final int from;

    AgeBand(String code, int from) {
        this.code = code;
        this.from = from;
    }

    static int of(int age) {
        if (age < 0) {
            return UNKNOWN;
        }
        AgeBand[] bands = values();
        for (int i = bands.length - 1; i >= 0; i--) {
            if (age >= bands[i].from) {
                return i;
            }
        }
        return UNKNOWN;
    }

    static String code(int index) {
        return index == UNKNOWN ? null : values()[index].code;
    }

    static int index(String code) {
        for (AgeBand band : values()) {
            if (band.code.equals(code)) {
                return band.ordinal();
            }
        }
        return -1;
    }

    /** The SQL expression giving the same band for an age in years (for reference queries). */
    static String sqlCase(String ageExpression) {
        StringBuilder sql = new StringBuilder("case");
        AgeBand[] bands = values();
        for (int i = bands.length - 1; i >= 0; i--) {
            sql.append(" when ").append(ageExpression).append(" >= ").append(bands[i].from).append(" then '")
                    .append(bands[i].code).append('\'');
        }
        return sql.append(" end").toString();
    }
}
