/**
 * Segments: named groups of citizens written in the segment language (see docs/segment-language.md and
 * docs/segments.md), each for one purpose of the purpose register. {@link nl.maatwerk.server.segment.Segments}
 * defines, counts and lists them from an in-memory bitmap index kept fresh from committed changes, and
 * publishes {@link nl.maatwerk.server.segment.SegmentMembershipChanged} when citizens enter or leave one.
 * GDPR guards: special categories refused, attributes and data only for the segment's purpose, counts below k
 * withheld, and citizens who objected to profiling never a member.
 */
package nl.maatwerk.server.segment;
