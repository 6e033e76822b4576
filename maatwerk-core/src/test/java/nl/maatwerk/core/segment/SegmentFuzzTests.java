package nl.maatwerk.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.time.Instant;
import java.util.Map;

/**
 * Fuzzes the segment language: any text either fails with a {@link SegmentException} (which names the problem and its
 * position) or parses, and then its canonical form parses to the same canonical form, it compiles or is refused with
 * a {@link SegmentException}, and a compiled segment evaluates in memory and translates to SQL without any other
 * exception. Seeds in {@code SegmentFuzzTestsInputs/}; {@code bench/fuzz/run.sh} fuzzes it for minutes.
 */
class SegmentFuzzTests {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final SegmentCompiler COMPILER = new SegmentCompiler(Fixtures.SCHEMA, SegmentResolver.of(Map.of(
            "digitaal-actief", "count(contacts where channel.digital and occurredAt > now - 12m) >= 1",
            "gezinnen", "household.type = \"family_with_children\"",
            "a", "age > 18 and in segment \"b\"",
            "b", "in segment \"a\"")));
    private static final SegmentIndex INDEX = new SegmentIndex();

    static {
        new TestPopulation(7L, NOW, 300, 2_000).loadInto(INDEX);
    }

    @FuzzTest(maxDuration = "5m")
    void parseCompileEvaluate(@NotNull String text) {
        Expression parsed;
        try {
            parsed = SegmentLanguage.parse(text);
        } catch (SegmentException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return;
        }
        String canonical = SegmentLanguage.format(parsed);
        assertThat(SegmentLanguage.format(SegmentLanguage.parse(canonical))).isEqualTo(canonical);
        assertThat(SegmentLanguage.format(SegmentJson.read(SegmentJson.write(parsed)))).isEqualTo(canonical);
        CheckedSegment segment;
        try {
            segment = COMPILER.compile(null, "segmentation", parsed);
        } catch (SegmentException expected) {
            return;
        }
        INDEX.members(segment, NOW);
        SegmentSql.where(segment, NOW);
    }
}
