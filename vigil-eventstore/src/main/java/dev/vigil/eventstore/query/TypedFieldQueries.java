package dev.vigil.eventstore.query;

import java.net.InetAddress;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import dev.vigil.eventstore.mapping.EpochMillis;
import dev.vigil.eventstore.mapping.FieldKind;
import dev.vigil.eventstore.mapping.FieldValues;
import dev.vigil.eventstore.mapping.IndexedFields;
import dev.vigil.eventstore.mapping.IpAddressText;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;

/** Exact, range and existence queries on keyword, numeric and date fields, built the way the field was indexed. */
final class TypedFieldQueries {

    private TypedFieldQueries() {
    }

    static Query exact(String field, FieldKind kind, String text) throws InvalidQueryValueException {
        return switch (kind) {
            case LONG -> {
                Long number = FieldValues.parseLong(text);
                yield number != null ? LongField.newExactQuery(field, number) : conflicting(field, text);
            }
            case DOUBLE -> {
                Double number = FieldValues.parseDouble(text);
                yield number != null ? DoubleField.newExactQuery(field, number) : conflicting(field, text);
            }
            case DATE -> {
                Optional<LocalDate> day = TimeValues.date(text);
                if (day.isPresent()) {
                    long start = EpochMillis.of(day.get().atStartOfDay(ZoneOffset.UTC).toInstant());
                    yield dateRange(field, start, EpochMillis.of(day.get().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()) - 1);
                }
                long millis = TimeValues.millis(field, text);
                yield dateRange(field, millis, millis);
            }
            default -> keyword(field, text);
        };
    }

    static Query range(String field, FieldKind kind, String lower, String upper, boolean lowerInclusive,
                       boolean upperInclusive) throws InvalidQueryValueException {
        return switch (kind) {
            case LONG -> {
                long low = lower == null ? Long.MIN_VALUE : NumericBounds.lowerLong(field, lower, lowerInclusive);
                long high = upper == null ? Long.MAX_VALUE : NumericBounds.upperLong(field, upper, upperInclusive);
                yield low > high ? new MatchNoDocsQuery("empty range") : LongField.newRangeQuery(field, low, high);
            }
            case DOUBLE -> {
                double low = lower == null ? Double.NEGATIVE_INFINITY : NumericBounds.lowerDouble(field, lower, lowerInclusive);
                double high = upper == null ? Double.POSITIVE_INFINITY : NumericBounds.upperDouble(field, upper, upperInclusive);
                yield low > high ? new MatchNoDocsQuery("empty range") : DoubleField.newRangeQuery(field, low, high);
            }
            case DATE -> {
                long low = lower == null ? Long.MIN_VALUE : TimeValues.millis(field, lower);
                long high = upper == null ? Long.MAX_VALUE : TimeValues.millis(field, upper);
                if (lower != null && !lowerInclusive) {
                    low = low == Long.MAX_VALUE ? low : low + 1;
                }
                if (upper != null && !upperInclusive) {
                    high = high == Long.MIN_VALUE ? high : high - 1;
                }
                yield low > high ? new MatchNoDocsQuery("empty range") : dateRange(field, low, high);
            }
            default -> keywordRange(field, lower, upper, lowerInclusive, upperInclusive);
        };
    }

    static Query exists(String field, FieldKind kind) {
        if (kind == FieldKind.LONG || kind == FieldKind.DOUBLE) {
            return new BooleanQuery.Builder()
                    .add(new FieldExistsQuery(field), BooleanClause.Occur.SHOULD)
                    .add(new FieldExistsQuery(IndexedFields.conflicting(field)), BooleanClause.Occur.SHOULD)
                    .build();
        }
        return new FieldExistsQuery(field);
    }

    /** The half-open {@code [from, to)} window on {@code @timestamp}, as a filter. */
    static Query timestampWindow(long fromMillis, long toMillisExclusive) {
        if (toMillisExclusive == Long.MIN_VALUE || fromMillis > toMillisExclusive - 1) {
            return new MatchNoDocsQuery("empty time range");
        }
        return dateRange(IndexedFields.TIMESTAMP, fromMillis, toMillisExclusive - 1);
    }

    private static Query dateRange(String field, long low, long high) {
        if (field.equals(IndexedFields.TIMESTAMP)) {
            return new IndexOrDocValuesQuery(LongPoint.newRangeQuery(field, low, high),
                    NumericDocValuesField.newSlowRangeQuery(field, low, high));
        }
        return LongField.newRangeQuery(field, low, high);
    }

    private static Query keyword(String field, String text) throws InvalidQueryValueException {
        Query term = new TermQuery(new Term(field, text));
        if (!IndexedFields.isIpField(field)) {
            return term;
        }
        int slash = text.indexOf('/');
        if (slash >= 0) {
            return cidr(field, text, slash);
        }
        Optional<InetAddress> address = IpAddressText.parse(text);
        if (address.isEmpty()) {
            return term;
        }
        // the keyword finds the literal as written, the points find other spellings of the same IPv6 address
        return new BooleanQuery.Builder()
                .add(term, BooleanClause.Occur.SHOULD)
                .add(InetAddressPoint.newExactQuery(IndexedFields.ipPoints(field), address.get()), BooleanClause.Occur.SHOULD)
                .build();
    }

    private static Query cidr(String field, String text, int slash) throws InvalidQueryValueException {
        Optional<InetAddress> address = IpAddressText.parse(text.substring(0, slash));
        Long prefix = FieldValues.parseLong(text.substring(slash + 1));
        if (address.isEmpty() || prefix == null) {
            throw new InvalidQueryValueException("'" + text + "' is not a network for " + field + "; write it as \"10.0.0.0/8\"");
        }
        int maxPrefix = address.get().getAddress().length * 8;
        if (prefix < 0 || prefix > maxPrefix) {
            throw new InvalidQueryValueException("the prefix length in '" + text + "' must be between 0 and " + maxPrefix);
        }
        return InetAddressPoint.newPrefixQuery(IndexedFields.ipPoints(field), address.get(), prefix.intValue());
    }

    private static Query keywordRange(String field, String lower, String upper, boolean lowerInclusive,
                                      boolean upperInclusive) {
        if (IndexedFields.isIpField(field)) {
            Optional<InetAddress> low = lower == null ? Optional.of(InetAddressPoint.MIN_VALUE) : IpAddressText.parse(lower);
            Optional<InetAddress> high = upper == null ? Optional.of(InetAddressPoint.MAX_VALUE) : IpAddressText.parse(upper);
            if (low.isPresent() && high.isPresent()) {
                return ipRange(field, low.get(), high.get(), lower == null || lowerInclusive, upper == null || upperInclusive);
            }
        }
        return TermRangeQuery.newStringRange(field, lower, upper, lowerInclusive, upperInclusive);
    }

    private static Query ipRange(String field, InetAddress low, InetAddress high, boolean lowerInclusive,
                                 boolean upperInclusive) {
        try {
            InetAddress from = lowerInclusive ? low : InetAddressPoint.nextUp(low);
            InetAddress to = upperInclusive ? high : InetAddressPoint.nextDown(high);
            return InetAddressPoint.newRangeQuery(IndexedFields.ipPoints(field), from, to);
        } catch (ArithmeticException | IllegalArgumentException e) {
            return new MatchNoDocsQuery("empty address range");
        }
    }

    private static Query conflicting(String field, String text) {
        return new TermQuery(new Term(IndexedFields.conflicting(field), text));
    }
}
