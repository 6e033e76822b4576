package nl.maatwerk.core.segment;

/** A parsed tree together with where its nodes stand in the text. */
record ParsedSegment(Expression expression, Positions positions) {
}
