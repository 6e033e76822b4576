package nl.maatwerk.core.template;

import java.util.Objects;

/**
 * One block of a letter's body, as plain text for the PDF renderer to lay out.
 *
 * @param kind   what the block is
 * @param marker the list marker ({@code •}, {@code 1.}, {@code 2.}, …) for list items, empty otherwise
 * @param text   the text; a hard line break in the Markdown is {@code \n}
 */
public record LetterBlock(Kind kind, String marker, String text) {

    public LetterBlock {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(marker, "marker");
        Objects.requireNonNull(text, "text");
    }

    public enum Kind {
        HEADING,
        PARAGRAPH,
        LIST_ITEM
    }
}
