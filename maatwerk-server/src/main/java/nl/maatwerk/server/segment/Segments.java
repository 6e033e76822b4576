package nl.maatwerk.server.segment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.maatwerk.core.segment.CheckedSegment;
import nl.maatwerk.core.segment.MinimumSize;
import nl.maatwerk.core.segment.SegmentCount;
import nl.maatwerk.core.segment.SegmentException;
import nl.maatwerk.core.segment.SegmentJson;
import nl.maatwerk.core.segment.SegmentSql;
import nl.maatwerk.core.segment.SqlPredicate;
import nl.maatwerk.server.platform.ApiProblem;
import nl.maatwerk.server.platform.FieldProblem;
import nl.maatwerk.server.privacy.Purpose;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public face of segments: define, change and delete them, try an expression, and read sizes, overlaps,
 * profiles and members. Every count leaves through {@link MinimumSize} (k from {@code maatwerk.segments.k},
 * default 50): below k it is "fewer than k", and such a segment cannot be chosen as an audience (its member
 * list is refused). Problems leave as {@link ApiProblem}s naming the field, attribute, purpose or segment.
 */
@Service
public class Segments {

    private static final String KEY = "[a-z0-9][a-z0-9_-]{0,62}";

    private final SegmentStore store;
    private final SegmentEngine engine;
    private final Compilation compilation;
    private final RegisterSchema registers;
    private final ProfileQueries profiles;
    private final TransactionTemplate transaction;
    private final MinimumSize k;

    Segments(SegmentStore store, SegmentEngine engine, Compilation compilation, RegisterSchema registers,
            ProfileQueries profiles, TransactionTemplate transaction, @Value("${maatwerk.segments.k:50}") int k) {
        this.store = store;
        this.engine = engine;
        this.compilation = compilation;
        this.registers = registers;
        this.profiles = profiles;
        this.transaction = transaction;
        this.k = new MinimumSize(k);
    }

    /** A segment with its size now (withheld below k) and, when it no longer compiles, why. */
    public record Summary(Segment segment, SegmentCount count, String problem) {
    }

    /** A segment and the segments it uses, each with its size. */
    public record TreeNode(String key, String name, SegmentCount count, String problem, List<TreeNode> uses) {
    }

    /** How two segments overlap; the three parts are withheld together when any is below k. */
    public record Overlap(String key, String otherKey, SegmentCount size, SegmentCount otherSize, SegmentCount both,
            SegmentCount onlyKey, SegmentCount onlyOther) {
    }

    /** One page of a segment's members, by citizen id. */
    public record MemberPage(String key, long total, int page, int size, List<UUID> members) {
    }

    /** The engine's and PostgreSQL's answer for the same segment at the same moment. */
    public record Consistency(String key, Instant at, boolean agree, long onlyInEngine, long onlyInDatabase,
            SegmentCount count) {
    }

    public int k() {
        return k.k();
    }

    public List<Purpose> purposes() {
        return registers.purposes();
    }

    public List<Summary> list() {
        Map<String, SegmentEngine.Live> live = engine.all();
        return store.all().stream().map(row -> summary(row.segment(), live.get(row.segment().key()))).toList();
    }

    public Summary get(String key) {
        Segment segment = row(key).segment();
        return summary(segment, engine.live(key).orElse(null));
    }

    public Summary create(String key, String name, String purpose, String expression) {
        checkInput(key, name, purpose, expression, true);
        CheckedSegment checked = compile(key, purpose, expression);
        boolean created = store.insert(key, name.strip(), purpose, checked.text(), SegmentJson.write(checked.expression()),
                sorted(checked.referencedKeys()));
        if (!created) {
            throw ApiProblem.of(HttpStatus.CONFLICT, "segment-exists", "there is already a segment \"" + key + "\"",
                    List.of(FieldProblem.at("/key", "segment \"" + key + "\" exists; change it with PUT /api/v1/segments/" + key)));
        }
        engine.define(key, purpose, checked.text());
        return get(key);
    }

    /**
     * Changes a segment. Every segment that uses it is compiled again with the new text; when one of them would
     * break (a cycle, a purpose it may not use), nothing changes and the problem names that segment.
     */
    public Summary update(String key, String name, String purpose, String expression) {
        row(key);
        checkInput(key, name, purpose, expression, false);
        CheckedSegment checked = compile(key, purpose, expression);
        Map<String, String> pending = Map.of(key, checked.text());
        Map<String, CheckedSegment> users = new LinkedHashMap<>();
        for (String user : store.usersOf(key)) {
            Segment other = row(user).segment();
            try {
                users.put(user, compilation.compile(user, other.purpose(), other.expression(), pending));
            } catch (SegmentException e) {
                ApiProblem inner = SegmentProblems.of(e, "/expression");
                throw ApiProblem.of(HttpStatus.UNPROCESSABLE_ENTITY, "segment-breaks-user",
                        "segment \"" + user + "\" uses \"" + key + "\" and would break: " + inner.getMessage(), inner.errors());
            }
        }
        transaction.executeWithoutResult(status -> {
            store.update(key, name.strip(), purpose, checked.text(), SegmentJson.write(checked.expression()),
                    sorted(checked.referencedKeys()));
            users.forEach((user, c) -> store.updateReferences(user, sorted(c.referencedKeys())));
        });
        engine.define(key, purpose, checked.text());
        users.forEach((user, c) -> engine.define(user, c.purpose(), c.text()));
        return get(key);
    }

    /** Deletes a segment no other segment uses; otherwise refuses, naming those that do. */
    public void delete(String key) {
        row(key);
        List<String> users = store.usersOf(key);
        if (!users.isEmpty()) {
            throw ApiProblem.of(HttpStatus.CONFLICT, "segment-in-use", "segment \"" + key + "\" is used by "
                    + quoted(users) + "; change or delete those first", List.of());
        }
        store.delete(key);
        engine.forget(key);
    }

    /** The size an expression would have for a purpose, now. */
    public SegmentCount preview(String expression, String purpose) {
        if (expression == null || expression.isBlank()) {
            throw ApiProblem.invalid(FieldProblem.at("/expression", "write an expression, for example: age >= 18"));
        }
        if (purpose == null || purpose.isBlank()) {
            throw ApiProblem.invalid(FieldProblem.at("/purpose", "choose the purpose the segment is for"));
        }
        CheckedSegment checked = compile(null, purpose, expression);
        return k.apply(engine.members(checked, Instant.now()).getLongCardinality());
    }

    public List<TreeNode> tree() {
        Map<String, SegmentEngine.Live> live = engine.all();
        Map<String, Segment> byKey = new LinkedHashMap<>();
        store.all().forEach(r -> byKey.put(r.segment().key(), r.segment()));
        Set<String> used = new HashSet<>();
        byKey.values().forEach(s -> used.addAll(s.uses()));
        return byKey.values().stream().filter(s -> !used.contains(s.key()))
                .map(s -> node(s, byKey, live, new HashSet<>())).toList();
    }

    private TreeNode node(Segment s, Map<String, Segment> byKey, Map<String, SegmentEngine.Live> live, Set<String> path) {
        path.add(s.key());
        List<TreeNode> children = new ArrayList<>();
        for (String use : s.uses()) {
            Segment child = byKey.get(use);
            if (child != null && !path.contains(use)) {
                children.add(node(child, byKey, live, new HashSet<>(path)));
            }
        }
        Summary summary = summary(s, live.get(s.key()));
        return new TreeNode(s.key(), s.name(), summary.count(), summary.problem(), children);
    }

    public Overlap overlap(String key, String otherKey) {
        RoaringBitmap a = members(key);
        RoaringBitmap b = members(otherKey);
        long both = RoaringBitmap.andCardinality(a, b);
        long onlyA = a.getLongCardinality() - both;
        long onlyB = b.getLongCardinality() - both;
        boolean withhold = both < k.k() || onlyA < k.k() || onlyB < k.k();
        SegmentCount hidden = k.apply(0);
        return new Overlap(key, otherKey, k.apply(a.getLongCardinality()), k.apply(b.getLongCardinality()),
                withhold ? hidden : k.apply(both), withhold ? hidden : k.apply(onlyA), withhold ? hidden : k.apply(onlyB));
    }

    /**
     * Members, for processing under the segment's purpose (a mailing, a journey): personal data. A segment
     * with fewer than k members cannot be an audience, so its members are refused.
     */
    public MemberPage members(String key, int page, int size) {
        if (page < 0 || size < 1 || size > 1000) {
            throw ApiProblem.invalid(FieldProblem.atParameter(page < 0 ? "page" : "size",
                    "page must be >= 0 and size within 1..1000"));
        }
        RoaringBitmap members = members(key);
        requireAudience(key, members);
        long total = members.getLongCardinality();
        List<Integer> seqs = new ArrayList<>();
        for (long i = (long) page * size; i < Math.min(total, (long) (page + 1) * size); i++) {
            seqs.add(members.select((int) i));
        }
        return new MemberPage(key, total, page, size, profiles.ids(seqs));
    }

    /** Refuses a segment below k as an audience (for messaging or reporting). */
    public void requireAudience(String key) {
        requireAudience(key, members(key));
    }

    private void requireAudience(String key, RoaringBitmap members) {
        if (members.getLongCardinality() < k.k()) {
            throw ApiProblem.of(HttpStatus.UNPROCESSABLE_ENTITY, "segment-below-k", "segment \"" + key + "\" has fewer than "
                    + k.k() + " members, so it cannot be chosen as an audience (minimum size k = " + k.k() + ")", List.of());
        }
    }

    /** The keys of the segments a citizen is in now. */
    public List<String> segmentsOf(UUID citizenId) {
        Integer seq = profiles.seq(citizenId)
                .orElseThrow(() -> ApiProblem.notFound("there is no citizen " + citizenId));
        List<String> keys = new ArrayList<>();
        engine.all().forEach((key, live) -> {
            if (live.members() != null && live.members().contains(seq)) {
                keys.add(key);
            }
        });
        keys.sort(null);
        return keys;
    }

    /** A segment's members against all residents by age band, household type, district and channel use. */
    public SegmentProfile profile(String key) {
        RoaringBitmap members = members(key);
        SegmentCount count = k.apply(members.getLongCardinality());
        if (count.suppressed()) {
            throw ApiProblem.of(HttpStatus.UNPROCESSABLE_ENTITY, "segment-below-k", "segment \"" + key + "\" has fewer than "
                    + k.k() + " members; its profile is not shown", List.of());
        }
        return profiles.profile(key, count, members.toArray());
    }

    /** Evaluates a segment in memory and in PostgreSQL at the same moment and compares the member sets. */
    public Consistency consistency(String key) {
        SegmentEngine.Live live = live(key);
        Instant now = Instant.now();
        RoaringBitmap inMemory = engine.members(live.checked(), now);
        SqlPredicate where = SegmentSql.where(live.checked(), now);
        RoaringBitmap inDatabase = profiles.seqs(where, live.checked().purpose());
        long onlyEngine = RoaringBitmap.andNot(inMemory, inDatabase).getLongCardinality();
        long onlyDatabase = RoaringBitmap.andNot(inDatabase, inMemory).getLongCardinality();
        return new Consistency(key, now, onlyEngine == 0 && onlyDatabase == 0, onlyEngine, onlyDatabase,
                k.apply(inMemory.getLongCardinality()));
    }

    private RoaringBitmap members(String key) {
        SegmentEngine.Live live = live(key);
        return live.members() != null ? live.members() : engine.members(live.checked(), Instant.now());
    }

    private SegmentEngine.Live live(String key) {
        row(key);
        SegmentEngine.Live live = engine.live(key)
                .orElseThrow(() -> ApiProblem.notFound("segment \"" + key + "\" is not loaded yet"));
        if (live.checked() == null) {
            throw ApiProblem.of(HttpStatus.UNPROCESSABLE_ENTITY, "segment-broken",
                    "segment \"" + key + "\" cannot be evaluated: " + live.problem(), List.of());
        }
        return live;
    }

    private SegmentStore.Row row(String key) {
        return store.find(key).orElseThrow(() -> ApiProblem.notFound("there is no segment \"" + key + "\""));
    }

    private Summary summary(Segment segment, SegmentEngine.Live live) {
        if (live == null) {
            return new Summary(segment, null, null);
        }
        if (live.checked() == null) {
            return new Summary(segment, null, live.problem());
        }
        return new Summary(segment, live.members() == null ? null : k.apply(live.members().getLongCardinality()), null);
    }

    private CheckedSegment compile(String key, String purpose, String expression) {
        try {
            return compilation.compile(key, purpose, expression);
        } catch (SegmentException e) {
            throw SegmentProblems.of(e, "/expression");
        }
    }

    private static void checkInput(String key, String name, String purpose, String expression, boolean checkKey) {
        List<FieldProblem> problems = new ArrayList<>();
        if (checkKey && (key == null || !key.matches(KEY))) {
            problems.add(FieldProblem.at("/key", "a key is 1-63 lower-case letters, digits, - and _, starting with a"
                    + " letter or digit, such as \"jonge-gezinnen\""));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            problems.add(FieldProblem.at("/name", "give the segment a name of 1-200 characters"));
        }
        if (purpose == null || purpose.isBlank()) {
            problems.add(FieldProblem.at("/purpose", "choose the purpose the segment is for (see /api/v1/registers/purposes)"));
        }
        if (expression == null || expression.isBlank()) {
            problems.add(FieldProblem.at("/expression", "write an expression, for example: age >= 18"));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }

    private static String quoted(List<String> keys) {
        return String.join(", ", keys.stream().map(x -> "\"" + x + "\"").toList());
    }
}
