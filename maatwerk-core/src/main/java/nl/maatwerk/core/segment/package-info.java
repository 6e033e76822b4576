/**
 * Segments: a small language for (micro)segments of citizens, checked against the attribute register and a
 * purpose, evaluated by an in-memory bitmap index, and translatable to PostgreSQL.
 *
 * <p>The public face:
 * <ul>
 * <li>{@link nl.maatwerk.core.segment.SegmentLanguage} (text ⇄ {@link nl.maatwerk.core.segment.Expression})
 * and {@link nl.maatwerk.core.segment.SegmentJson} (JSON ⇄ expression);</li>
 * <li>{@link nl.maatwerk.core.segment.SegmentCompiler}: checks an expression for a purpose against a
 * {@link nl.maatwerk.core.segment.SegmentSchema}, resolving {@code in segment} references through a
 * {@link nl.maatwerk.core.segment.SegmentResolver}, into a {@link nl.maatwerk.core.segment.CheckedSegment}, or
 * throws a {@link nl.maatwerk.core.segment.SegmentException} listing every
 * {@link nl.maatwerk.core.segment.SegmentProblem};</li>
 * <li>{@link nl.maatwerk.core.segment.SegmentIndex}: the engine, fed with {@code *Row} records and evaluated
 * into RoaringBitmaps of citizen seqs; {@link nl.maatwerk.core.segment.MembershipChange},
 * {@link nl.maatwerk.core.segment.MinimumSize} and {@link nl.maatwerk.core.segment.SegmentCount} around it;</li>
 * <li>{@link nl.maatwerk.core.segment.SegmentSql}: the same checked segment as a parameterised
 * {@link nl.maatwerk.core.segment.SqlPredicate}.</li>
 * </ul>
 * Everything else is package-private. The ANTLR-generated lexer and parser live in {@code internal.grammar}
 * (public because generated code is; not for use outside this package). The language, its semantics and the
 * engine's structures are described in {@code docs/segment-language.md}.
 */
package nl.maatwerk.core.segment;
