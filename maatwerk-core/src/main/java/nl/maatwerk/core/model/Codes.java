package nl.maatwerk.core.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Looks up enum constants by their {@link Coded#code()}. */
public final class Codes {

    private Codes() {
    }

    public static <E extends Enum<E> & Coded> Optional<E> find(Class<E> type, String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (E e : type.getEnumConstants()) {
            if (e.code().equals(code)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The codes of all constants, comma separated, for error messages. */
    public static <E extends Enum<E> & Coded> String list(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).collect(Collectors.joining(", "));
    }
}
