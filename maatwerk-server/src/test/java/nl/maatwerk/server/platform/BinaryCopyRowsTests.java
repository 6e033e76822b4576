package nl.maatwerk.server.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.maatwerk.server.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Rows in PostgreSQL's binary COPY format read back by the server as the values they were. */
@ApiTest
class BinaryCopyRowsTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    record Row(long id, UUID citizen, String text, int step, Instant at, String json) {
    }

    @Test
    void everyTypeAndNull_readBackAsWritten() {
        UUID citizen = UUID.fromString("f0000000-0000-4000-8000-00000000000a");   // high bit set: unsigned order
        List<Row> rows = List.of(
                new Row(Long.MAX_VALUE, citizen, "tab\there, newline\n, backslash \\ and é€😀", -7,
                        Instant.parse("2026-12-07T20:15:30.123456789Z"), "{\"a\": [1, \"ü\"]}"),
                new Row(-1, null, null, 0, Instant.parse("1969-07-20T20:17:40Z"), null),
                new Row(0, citizen, "", Integer.MIN_VALUE, null, "{}"));

        List<Map<String, Object>> back = transaction.execute(s -> {
            jdbc.execute("create temp table copied (id bigint, citizen uuid, text text, step integer, at timestamptz,"
                    + " json jsonb) on commit drop");
            long copied = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Long>) c -> BinaryCopyRows.copy(c,
                    "copied (id, citizen, text, step, at, json)", rows, (r, row) -> {
                        row.bigint(r.id()).uuid(r.citizen()).text(r.text()).integer(r.step()).timestamp(r.at()).jsonb(r.json());
                    }));
            assertThat(copied).isEqualTo(3);
            return jdbc.queryForList("select id, citizen, text, step, to_char(at at time zone 'UTC',"
                    + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US') at, json ->> 'a' a, json::text json from copied order by id desc");
        });

        assertThat(back).hasSize(3);
        assertThat(back.get(0)).containsEntry("id", Long.MAX_VALUE).containsEntry("citizen", citizen)
                .containsEntry("text", "tab\there, newline\n, backslash \\ and é€😀").containsEntry("step", -7)
                .containsEntry("at", "2026-12-07T20:15:30.123456").containsEntry("a", "[1, \"ü\"]");
        assertThat(back.get(1)).containsEntry("id", 0L).containsEntry("text", "").containsEntry("step", Integer.MIN_VALUE)
                .containsEntry("at", null).containsEntry("json", "{}");
        assertThat(back.get(2)).containsEntry("id", -1L).containsEntry("citizen", null).containsEntry("text", null)
                .containsEntry("at", "1969-07-20T20:17:40.000000").containsEntry("json", null);
    }

    @Test
    void aValueOfTheWrongWidth_isRefusedByTheServer_andNothingIsWritten() {
        assertThatThrownBy(() -> transaction.execute(s -> {
            jdbc.execute("create temp table narrow (n integer) on commit drop");
            return jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Long>) c -> BinaryCopyRows.copy(c,
                    "narrow (n)", List.of(1L), (n, row) -> row.bigint(n)));
        })).hasCauseInstanceOf(SQLException.class).cause()
                .hasMessageContaining("incorrect binary data format").hasMessageContaining("COPY narrow, line 1, column n");
        assertThat(jdbc.queryForObject("select count(*) from pg_class where relname = 'narrow' and relpersistence = 't'",
                Long.class)).isZero();
    }

    @Test
    void aRowThatCannotBeWritten_endsTheCopy_andTheTransactionRollsBackInsteadOfWaiting() {
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> {
            assertThatThrownBy(() -> transaction.execute(s -> {
                jdbc.execute("create temp table broken (n bigint) on commit drop");
                return jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Long>) c -> BinaryCopyRows.copy(c,
                        "broken (n)", List.of(1L, 2L), (n, row) -> {
                            if (n == 2L) {
                                throw new IllegalStateException("row 2 cannot be written");
                            }
                            row.bigint(n);
                        }));
            })).isInstanceOf(IllegalStateException.class).hasMessage("row 2 cannot be written");
            assertThat(jdbc.queryForObject("select 1", Integer.class)).as("the pool's connections still answer").isOne();
        });
    }
}
