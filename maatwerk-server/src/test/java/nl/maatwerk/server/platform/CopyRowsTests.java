package nl.maatwerk.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** PostgreSQL's COPY text format: tab between values, \N for null, and backslash, tab, newline, return escaped. */
class CopyRowsTests {

    @Test
    void escapesWhatCopyWouldMisread_andKeepsTheRestAsItIs() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CopyRows rows = new CopyRows(out);
        rows.value("plain é").value(null).value("a\\b\tc\nd\re\\").value("").value("\n");
        rows.endRow();
        rows.value("second");
        rows.endRow();

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("plain é\t\\N\ta\\\\b\\tc\\nd\\re\\\\\t\t\\n\nsecond\n");
    }
}
