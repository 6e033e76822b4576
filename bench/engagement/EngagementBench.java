import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.maatwerk.core.template.EmailTemplate;
import nl.maatwerk.core.template.RenderedEmail;
import nl.maatwerk.core.template.SmsTemplate;
import nl.maatwerk.server.MaatwerkApplication;
import nl.maatwerk.server.engage.JourneyBatch;
import nl.maatwerk.server.engage.Journeys;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * bench/engagement (render + queue): N citizens with a passport expiring in 8 weeks and a digital address; a
 * journey renders and queues a personalised message for each eligible one through the product's bulk path
 * (JourneyBatch: chunked decisions, parallel rendering, JdbcOutbox.enqueueAll), against a naive per-row loop
 * (render, then one autocommit INSERT into outbox_message per message) on a sample, in the same run and database.
 *
 * Usage: java -cp CP EngagementBench.java DATA_DIR CITIZENS NAIVE_SAMPLE CHUNK
 */
public class EngagementBench {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int citizens = Integer.parseInt(args[1]);
        int sample = Integer.parseInt(args[2]);
        int chunk = Integer.parseInt(args[3]);
        SpringApplication app = new SpringApplication(MaatwerkApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = app.run("--maatwerk.data-dir=" + dir, "--logging.level.root=warn",
                "--maatwerk.background=false", "--spring.main.banner-mode=off")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            LocalDate today = LocalDate.now(ZONE);
            Instant now = today.atTime(10, 0).atZone(ZONE).toInstant();
            long t = System.nanoTime();
            seed(jdbc, citizens, today);
            log("seeded %,d citizens in %.1f s", citizens, secs(t));
            jdbc.execute("delete from outbox_message where journey_key in ('bench-batch', 'bench-naive')");
            jdbc.execute("delete from journey where key = 'bench-batch'");
            jdbc.execute("vacuum analyze");
            // start both measurements from a checkpoint: otherwise the seed's WAL makes one fall at a random moment
            // inside them, and the full-page images after it cost the bulk path up to ~10 s (RESULTS.md)
            jdbc.execute("checkpoint");

            Journeys journeys = context.getBean(Journeys.class);
            ObjectMapper json = context.getBean(ObjectMapper.class);
            boolean followUp = "1".equals(System.getenv("BENCH_FOLLOW_UP"));
            journeys.create(json.readTree(followUp ? JOURNEY_WITH_FOLLOW_UP : JOURNEY));
            journeys.setEnabled("bench-batch", false);   // only the bulk path runs it here

            // naive reference: render and insert one row at a time, autocommit
            List<Object[]> rows = jdbc.query("""
                    select c.id, d.number, d.expiry_date, a.email from citizen c
                    join travel_document d on d.citizen_id = c.id join digital_address a on a.citizen_id = c.id
                    where c.status = 'resident' and a.email is not null order by c.seq limit ?
                    """, (rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2),
                    rs.getObject(3, LocalDate.class), rs.getString(4)}, sample);
            EmailTemplate mail = EmailTemplate.of(SUBJECT, BODY);
            t = System.nanoTime();
            int naive = 0;
            for (Object[] r : rows) {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("document_type", "paspoort");
                values.put("document_expiry_date", r[2].toString());
                values.put("days_left", 56);
                values.put("municipality", "gemeente Amsterdam");
                values.put("link", "http://localhost:8080/r/naive-" + r[1]);
                RenderedEmail e = mail.render(values);
                naive += jdbc.update("""
                        insert into outbox_message (idempotency_key, citizen_id, journey_key, channel, purpose, recipient, body,
                            not_before, next_attempt_at) values (?, ?, 'bench-naive', 'email', 'proactive_service', ?, ?::jsonb, ?, ?)
                        on conflict (idempotency_key) do nothing
                        """, "naive:" + r[1], r[0], r[3], json.writeValueAsString(e), Timestamp.from(now), Timestamp.from(now));
            }
            double naiveSecs = secs(t);
            log("naive per-row loop: %,d rendered and inserted in %.1f s = %,.0f/s", naive, naiveSecs, naive / naiveSecs);

            t = System.nanoTime();
            JourneyBatch.Result result = context.getBean(JourneyBatch.class).run("bench-batch", now, chunk);
            double batchSecs = secs(t);
            long queued = jdbc.queryForObject("select count(*) from outbox_message where journey_key = 'bench-batch'", Long.class);
            log("bulk path: %,d occurrences found (%.1f s); %,d sent + %,d other decisions, written with their occurrences (%.1f s); %,d queued; total %.1f s = %,.0f/s",
                    result.occurrences(), result.triggerMillis() / 1000.0, result.sent(), result.other(),
                    result.decideMillis() / 1000.0, queued, batchSecs, result.sent() / batchSecs);
            Map<String, Long> kinds = new LinkedHashMap<>();
            jdbc.query("select kind || ':' || coalesce(channel, '-') || ':' || reason, count(*) from journey_decision"
                    + " where journey_key = 'bench-batch' group by 1 order by 2 desc", rs -> {
                        kinds.put(rs.getString(1), rs.getLong(2));
                    });
            log("decisions: %s", kinds);
            // the minute schedule runs the journey again while its window lasts: the cost of finding nothing new
            t = System.nanoTime();
            JourneyBatch.Result again = context.getBean(JourneyBatch.class).run("bench-batch", now.plusSeconds(60), chunk);
            double againSecs = secs(t);
            log("the next minute's run: %,d new, %.1f s (trigger scan %.1f s)", again.occurrences(), againSecs,
                    again.triggerMillis() / 1000.0);
            if (followUp) {
                // a week later every occurrence is due for its reminder: the one-by-one path, as the schedule runs it
                journeys.setEnabled("bench-batch", true);
                t = System.nanoTime();
                Journeys.RunReport later = journeys.runDue(now.plus(java.time.Duration.ofDays(7)).plusSeconds(3600));
                double laterSecs = secs(t);
                long reminders = jdbc.queryForObject("select count(*) from outbox_message where journey_key = 'bench-batch'"
                        + " and idempotency_key ~ ':2:[a-z]+$'", Long.class);
                log("follow-up a week later: %,d steps taken, %,d reminders queued in %.1f s = %,.0f steps/s", later.stepsTaken(),
                        reminders, laterSecs, later.stepsTaken() / laterSecs);
            }
            double naiveRate = naive / naiveSecs;
            double batchRate = result.sent() / batchSecs;
            System.out.printf("RESULT citizens=%d sent=%d queued=%d batch_s=%.1f trigger_s=%.1f decide_s=%.1f batch_per_s=%.0f"
                    + " naive_n=%d naive_s=%.1f naive_per_s=%.0f naive_extrapolated_s=%.1f ratio=%.1f next_minute_s=%.1f%n",
                    citizens, result.sent(), queued, batchSecs, result.triggerMillis() / 1000.0, result.decideMillis() / 1000.0,
                    batchRate, naive, naiveSecs, naiveRate, result.sent() / naiveRate, batchRate / naiveRate, againSecs);
        }
    }

    static void seed(JdbcTemplate jdbc, int n, LocalDate today) {
        long have = jdbc.queryForObject("select count(*) from citizen", Long.class);
        if (have >= n) {
            return;
        }
        jdbc.execute("""
                insert into citizen (id, birth_date, household_type, household_size, postcode, house_number, municipality)
                select gen_random_uuid(), date '1950-01-01' + (g %% 20000), 'single', 1, '1012AB', 1 + g %% 300, 'GM0363'
                from generate_series(%d, %d) g
                """.formatted(have + 1, n));
        // 5 in 6 have e-mail, 1 in 3 prefer SMS, 1 in 50 has no digital address at all
        jdbc.execute("""
                insert into digital_address (citizen_id, email, mobile_phone, preferred_channel)
                select id, case when seq % 6 <> 0 then 'inwoner-' || seq || '@example.org' end,
                       '+3169' || lpad((seq % 10000000)::text, 7, '0'), case when seq % 3 = 0 then 'sms' else 'email' end
                from citizen where seq % 50 <> 0 on conflict do nothing
                """);
        jdbc.update("""
                insert into travel_document (number, citizen_id, type, issue_date, expiry_date)
                select 'B' || lpad(seq::text, 8, '0'), id, 'PN', ?::date - interval '10 years', ?::date from citizen
                on conflict do nothing
                """, today.plusDays(56), today.plusDays(56));
    }

    static final String SUBJECT = "Uw ((document_type)) is nog ((days_left)) dagen geldig";
    static final String BODY = "Beste inwoner,\n\nUw ((document_type)) is geldig tot en met **((document_expiry_date))**."
            + " Dat is over ((days_left)) dagen.\n\n[Maak een afspraak](((link)))\n\nMet vriendelijke groet,\n\n((municipality))";

    static final String JOURNEY = """
            {"key":"bench-batch","name":"Paspoort verloopt (bench)","purpose":"proactive_service",
             "trigger":{"type":"document_expiry","offsetDays":-56},
             "steps":[{"id":"herinnering","type":"send","channels":["email","sms"],"link":"https://www.amsterdam.nl/paspoort",
               "templates":{"email":{"subject":"%s","body":"%s"},
                            "sms":{"text":"Uw ((document_type)) is geldig tot ((document_expiry_date)). Afspraak: ((link))"}}}]}
            """.formatted(SUBJECT, BODY.replace("\n", "\\n"));

    /** The same journey with a reminder by SMS a week later (BENCH_FOLLOW_UP=1). */
    static final String JOURNEY_WITH_FOLLOW_UP = JOURNEY.replace("}}}]}", """
            }}},
               {"id":"wacht","type":"wait","days":7},
               {"id":"herinnering-2","type":"send","channels":["sms","email"],
                "templates":{"sms":{"text":"Vergeet niet: uw ((document_type)) is geldig tot ((document_expiry_date))."},
                             "email":{"subject":"Herinnering","body":"Uw ((document_type)) is geldig tot ((document_expiry_date))."}}}]}""");

    static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static void log(String format, Object... args) {
        System.err.printf("%tT " + format + "%n", prepend(java.time.LocalTime.now(), args));
    }

    static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
