package dev.vigil.eventstore.mapping;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import dev.vigil.events.Event;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/**
 * Turns an event into its Lucene document. Only {@code _source} is stored; everything else is index and doc values.
 *
 * <ul>
 *   <li>{@code _id}: an exact term, and a hash of it as numeric doc values (the tie-break of the time order)</li>
 *   <li>{@code _tenant}, {@code _input}, {@code tags}: keywords</li>
 *   <li>{@code @timestamp}: long points + numeric doc values (sorting, histograms); {@code _received}: long field</li>
 *   <li>{@code event.original} (the original text) and the {@code message} field: analyzed text</li>
 *   <li>other fields by their registered kind ({@link FieldTypeRegistry}): keyword (strings, booleans as
 *       {@code true}/{@code false}, numbers as text), long or double; lists give one value per element. A value that
 *       is not a number of a numeric field's kind is indexed as a keyword under {@link IndexedFields#conflicting}.
 *       IP literals in IP fields also get address points under {@link IndexedFields#ipPoints}.</li>
 * </ul>
 */
public final class EventDocumentMapper {
    private final FieldTypeRegistry types;
    private final int maxKeywordBytes;
    private final EventSourceCodec codec = new EventSourceCodec();

    public EventDocumentMapper(FieldTypeRegistry types, int maxKeywordBytes) {
        this.types = types;
        this.maxKeywordBytes = maxKeywordBytes;
    }

    public Document toDocument(Event event) {
        Document doc = new Document();
        BytesRef id = new BytesRef(event.id().getBytes(StandardCharsets.UTF_8));
        doc.add(new StringField(IndexedFields.ID, id, Field.Store.NO));
        // a hash of the id orders events with equal timestamps; cheaper to index than sorted id terms
        doc.add(new NumericDocValuesField(IndexedFields.ID, ValueHashes.ofBytes(id)));
        long timestamp = EpochMillis.of(event.timestamp());
        doc.add(new LongPoint(IndexedFields.TIMESTAMP, timestamp));
        doc.add(new NumericDocValuesField(IndexedFields.TIMESTAMP, timestamp));
        doc.add(new LongField(IndexedFields.RECEIVED, EpochMillis.of(event.receivedAt()), Field.Store.NO));
        keyword(doc, IndexedFields.TENANT, event.tenant());
        keyword(doc, IndexedFields.INPUT, event.inputId());
        for (String tag : event.tags()) {
            keyword(doc, IndexedFields.TAGS, tag);
        }
        doc.add(new TextField(IndexedFields.ORIGINAL, event.original(), Field.Store.NO));
        event.fields().forEach((name, value) -> field(doc, name, value));
        doc.add(new StoredField(IndexedFields.SOURCE, codec.encode(event)));
        return doc;
    }

    private void field(Document doc, String name, Object value) {
        if (value instanceof List<?> list && list.isEmpty()) {
            return;
        }
        if (name.equals(IndexedFields.MESSAGE)) {
            text(doc, value);
            return;
        }
        if (IndexedFields.isReserved(name)) {
            return;
        }
        Optional<FieldKind> kind = types.kindForIndexing(name, FieldKind.naturalKindOf(value));
        if (kind.isPresent()) {
            values(doc, name, kind.get(), value);
        }
    }

    private void text(Document doc, Object value) {
        if (value instanceof List<?> list) {
            list.forEach(element -> text(doc, element));
        } else {
            doc.add(new TextField(IndexedFields.MESSAGE, FieldValues.text(value), Field.Store.NO));
        }
    }

    private void values(Document doc, String name, FieldKind kind, Object value) {
        if (value instanceof List<?> list) {
            for (Object element : list) {
                values(doc, name, kind, element);
            }
            return;
        }
        switch (kind) {
            case LONG -> {
                Long number = FieldValues.asLong(value);
                if (number != null) {
                    doc.add(new LongField(name, number, Field.Store.NO));
                } else {
                    keyword(doc, IndexedFields.conflicting(name), FieldValues.text(value));
                }
            }
            case DOUBLE -> {
                Double number = FieldValues.asDouble(value);
                if (number != null) {
                    doc.add(new DoubleField(name, number, Field.Store.NO));
                } else {
                    keyword(doc, IndexedFields.conflicting(name), FieldValues.text(value));
                }
            }
            default -> {
                String text = FieldValues.text(value);
                keyword(doc, name, text);
                if (value instanceof String && IndexedFields.isIpField(name)) {
                    Optional<InetAddress> address = IpAddressText.parse(text);
                    address.ifPresent(ip -> doc.add(new InetAddressPoint(IndexedFields.ipPoints(name), ip)));
                }
            }
        }
    }

    private void keyword(Document doc, String name, String value) {
        // the JDK's UTF-8 encoder is intrinsic, several times faster than Lucene's char loop for this
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= maxKeywordBytes) {
            doc.add(new KeywordField(name, new BytesRef(utf8), Field.Store.NO));
        }
    }
}
