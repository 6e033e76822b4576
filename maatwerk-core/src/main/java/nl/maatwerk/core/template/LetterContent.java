package nl.maatwerk.core.template;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What goes on a letter, for the server's PDF renderer: the recipient's address lines (for the envelope window,
 * see {@link LetterLayout}), the date (and how it is written in Dutch), the subject ("Onderwerp") and the body
 * blocks. Logo, sender details and page numbers belong to the municipality's letterhead, not to the template.
 */
public record LetterContent(List<String> addressLines, LocalDate date, String dateText, String subject,
        List<LetterBlock> blocks) {

    public LetterContent {
        addressLines = List.copyOf(addressLines);
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(dateText, "dateText");
        Objects.requireNonNull(subject, "subject");
        blocks = List.copyOf(blocks);
    }
}
