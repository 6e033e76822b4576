package nl.maatwerk.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SegmentProblemTests {

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = SegmentProblem.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyKind_hasEnglishAndDutchText_andTheBundlesHaveTheSameKeys() throws IOException {
        Properties en = bundle("messages.properties");
        Properties nl = bundle("messages_nl.properties");

        assertThat(nl.keySet()).isEqualTo(en.keySet());
        for (SegmentProblem.Kind kind : SegmentProblem.Kind.values()) {
            assertThat(en).containsKey(kind.key());
        }
    }

    @Test
    void message_inDutch_andEnglishForOtherLocales() {
        SegmentProblem p = new SegmentProblem(SegmentProblem.Kind.UNKNOWN_SEGMENT, 3, 7, "x", List.of(), List.of("x"));

        assertThat(p.message(Locale.forLanguageTag("nl-NL"))).isEqualTo("Regel 3, kolom 7: er is geen segment \"x\".");
        assertThat(p.message(Locale.GERMAN)).isEqualTo("Line 3, column 7: there is no segment \"x\".");
        assertThat(p.message()).isEqualTo("Line 3, column 7: there is no segment \"x\".");
    }

    @Test
    void message_withoutPosition_hasNoPositionPrefix() {
        SegmentProblem p = new SegmentProblem(SegmentProblem.Kind.CYCLE, 0, 0, "a", List.of(), List.of("a → a"));

        assertThat(p.message()).isEqualTo("segments refer to each other in a circle: a → a.");
    }
}
