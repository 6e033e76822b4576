package nl.maatwerk.core.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRowsTests {

    @Test
    void row_specialCharacters_quotedAndDoubled_nullsEmpty(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("x.csv");
        try (CsvRows rows = new CsvRows(file, new String[] {"a", "b", "c", "d", "e"})) {
            rows.text("plain").text("with, comma").text("say \"hi\"").text(null).bool(null).end();
            rows.text("line\nbreak").number(7).number((Integer) null).bool(true).decimal(0.5).end();
        }

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(
                "a,b,c,d,e\nplain,\"with, comma\",\"say \"\"hi\"\"\",,\n\"line\nbreak\",7,,true,0.5\n");
    }

    @Test
    void instantAndDate_sameAsJavaTimeIsoText(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.csv");
        Instant[] instants = {Instant.parse("2026-03-02T08:15:00Z"), Instant.parse("1999-12-31T23:59:59Z"),
            Instant.parse("2026-03-29T01:00:07Z"), Instant.parse("2026-01-01T00:00:00Z")};
        try (CsvRows rows = new CsvRows(file, new String[] {"at", "day", "id"})) {
            for (Instant i : instants) {
                rows.instant(i).date(LocalDate.ofInstant(i, ZoneOffset.UTC)).uuid(new UUID(1, 2)).end();
            }
        }
        String[] lines = Files.readString(file).split("\n");
        for (int i = 0; i < instants.length; i++) {
            assertThat(lines[i + 1]).isEqualTo(instants[i] + "," + instants[i].toString().substring(0, 10) + ","
                    + new UUID(1, 2));
        }
    }

    @Test
    void json_object_compactInOrderWithEscapes() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("income_band", "low");
        map.put("flag", true);
        map.put("n", 3);
        map.put("quote", "a\"b\\c");

        assertThat(Json.object(map)).isEqualTo("{\"income_band\":\"low\",\"flag\":true,\"n\":3,\"quote\":\"a\\\"b\\\\c\"}");
    }
}
