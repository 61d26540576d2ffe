package dev.vigil.eventstore.query;

import java.util.ArrayList;
import java.util.List;

import dev.vigil.events.store.EventQuery;
import dev.vigil.events.store.QuerySyntaxException;
import dev.vigil.events.store.TenantScope;
import dev.vigil.eventstore.mapping.EpochMillis;
import dev.vigil.eventstore.mapping.FieldTypeRegistry;
import dev.vigil.eventstore.mapping.IndexedFields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/** An {@link EventQuery} as one Lucene query: the parsed text, with the tenant scope and time range as filters. */
public final class EventQueryCompiler {
    private final FieldTypeRegistry types;
    private final Analyzer analyzer;

    public EventQueryCompiler(FieldTypeRegistry types, Analyzer analyzer) {
        this.types = types;
        this.analyzer = analyzer;
    }

    public Query compile(EventQuery query) {
        List<Query> filters = new ArrayList<>(3);
        Query text = parse(query.text());
        if (!(text instanceof MatchAllDocsQuery)) {
            filters.add(text);
        }
        if (query.from() != null || query.to() != null) {
            long from = query.from() == null ? Long.MIN_VALUE : EpochMillis.of(query.from());
            long to = query.to() == null ? Long.MAX_VALUE : EpochMillis.of(query.to());
            filters.add(TypedFieldQueries.timestampWindow(from, to));
        }
        filters.add(tenants(query.tenants()));
        return allOf(filters);
    }

    /** Only the tenant scope, for look-ups by id. */
    public Query tenantFilter(TenantScope scope, Query query) {
        return allOf(List.of(query, tenants(scope)));
    }

    Query parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.equals("*") || trimmed.equals("*:*")) {
            return new MatchAllDocsQuery();
        }
        try {
            return new EventQueryParser(types, analyzer).parse(text);
        } catch (ParseException e) {
            throw new QuerySyntaxException(QuerySyntaxMessages.describe(text, e), e);
        }
    }

    private static Query tenants(TenantScope scope) {
        if (scope.all()) {
            return new MatchAllDocsQuery();
        }
        if (scope.tenants().isEmpty()) {
            return new MatchNoDocsQuery("no tenant in scope");
        }
        List<BytesRef> slugs = scope.tenants().stream().map(BytesRef::new).toList();
        return KeywordField.newSetQuery(IndexedFields.TENANT, slugs);
    }

    private static Query allOf(List<Query> queries) {
        List<Query> needed = queries.stream().filter(q -> !(q instanceof MatchAllDocsQuery)).toList();
        if (needed.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        if (needed.size() == 1) {
            return needed.getFirst();
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (Query query : needed) {
            all.add(query, BooleanClause.Occur.FILTER);
        }
        return all.build();
    }
}
