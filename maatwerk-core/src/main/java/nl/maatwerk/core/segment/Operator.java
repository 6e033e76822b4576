package nl.maatwerk.core.segment;

import java.util.Arrays;
import java.util.Optional;

/** A comparison operator, with the symbol the language writes. */
public enum Operator {
    EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** The operator written as {@code symbol}; {@code <>} is accepted for {@code !=}. */
    public static Optional<Operator> ofSymbol(String symbol) {
        if ("<>".equals(symbol)) {
            return Optional.of(NE);
        }
        return Arrays.stream(values()).filter(o -> o.symbol.equals(symbol)).findFirst();
    }

    /** Whether {@code left op right} holds. */
    public boolean test(int comparison) {
        return switch (this) {
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
        };
    }
}
