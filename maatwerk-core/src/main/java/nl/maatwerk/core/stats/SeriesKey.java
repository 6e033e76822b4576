package nl.maatwerk.core.stats;

import java.util.List;

/**
 * What a series counts: one or more dimensions with a value each, for example {@code topic=afval} or
 * {@code topic=afval × district=DX05}.
 *
 * @param dimensions names such as {@code topic}, {@code subtopic}, {@code channel}, {@code district},
 *                   {@code kind}; at least one, none blank
 * @param values     the value of each dimension, in the same order
 */
public record SeriesKey(List<String> dimensions, List<String> values) {

    public SeriesKey {
        dimensions = List.copyOf(dimensions);
        values = List.copyOf(values);
        if (dimensions.isEmpty() || dimensions.size() != values.size()) {
            throw new IllegalArgumentException("a series key needs as many values as dimensions (at least one), was "
                    + dimensions + " = " + values);
        }
        for (int i = 0; i < dimensions.size(); i++) {
            if (dimensions.get(i).isBlank() || values.get(i).isBlank()) {
                throw new IllegalArgumentException("dimension and value must not be blank, was " + dimensions + " = "
                        + values);
            }
        }
    }

    public static SeriesKey of(String dimension, String value) {
        return new SeriesKey(List.of(dimension), List.of(value));
    }

    public static SeriesKey of(String dimension, String value, String otherDimension, String otherValue) {
        return new SeriesKey(List.of(dimension, otherDimension), List.of(value, otherValue));
    }

    /** The dimensions joined by {@code ×}, for example {@code topic×district}. */
    public String dimension() {
        return String.join("×", dimensions);
    }

    /** For example {@code topic=afval × district=DX05}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < dimensions.size(); i++) {
            s.append(i == 0 ? "" : " × ").append(dimensions.get(i)).append('=').append(values.get(i));
        }
        return s.toString();
    }
}
