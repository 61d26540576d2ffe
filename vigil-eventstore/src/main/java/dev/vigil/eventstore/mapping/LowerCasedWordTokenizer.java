package dev.vigil.eventstore.mapping;

import java.io.IOException;
import java.io.Reader;

import org.apache.lucene.analysis.CharacterUtils;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.ArrayUtil;

/**
 * Exactly the tokens of {@link StandardTokenizer} followed by {@link org.apache.lucene.analysis.LowerCaseFilter}
 * (terms, offsets, position increments, types), found faster for text that is all ASCII, as most event text is.
 *
 * <p>On ASCII the Unicode word-break rules (UAX #29) that StandardTokenizer implements reduce to these: letters, digits
 * and {@code _} join each other; a letter, one of {@code : . '} and a letter join; a digit, one of {@code , ; . '} and
 * a digit join; every other character breaks and is dropped. A word is a token when it holds a letter or a digit; it
 * is {@code <NUM>} without letters, else {@code <ALPHANUM>}. Text with any other character, or with a run of word
 * characters long enough to reach StandardTokenizer's token-length limit (where its buffer splits words), is handed
 * to StandardTokenizer itself. {@code LowerCasedWordTokenizerTest} compares both on random and corpus text.
 */
final class LowerCasedWordTokenizer extends Tokenizer {
    /** Word-character runs up to this long stay far from StandardTokenizer's 255-character buffer. */
    static final int LONGEST_FAST_RUN = 128;
    private static final int RETAINED_BUFFER = 64 * 1024;

    private static final byte OTHER = 0;
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    private static final byte UNDERSCORE = 3;
    /** {@code :} joins letters only. */
    private static final byte MID_LETTER = 4;
    /** {@code , ;} join digits only. */
    private static final byte MID_NUM = 5;
    /** {@code . '} join letters with letters and digits with digits. */
    private static final byte MID_BOTH = 6;
    private static final byte[] CLASSES = new byte[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            CLASSES[c] = LETTER;
            CLASSES[Character.toUpperCase(c)] = LETTER;
        }
        for (char c = '0'; c <= '9'; c++) {
            CLASSES[c] = DIGIT;
        }
        CLASSES['_'] = UNDERSCORE;
        CLASSES[':'] = MID_LETTER;
        CLASSES[','] = MID_NUM;
        CLASSES[';'] = MID_NUM;
        CLASSES['.'] = MID_BOTH;
        CLASSES['\''] = MID_BOTH;
    }

    private static final String ALPHANUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM];
    private static final String NUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM];

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute positionIncrement = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);

    private final StandardTokenizer standard = new StandardTokenizer();
    private final CharTermAttribute standardTerm = standard.getAttribute(CharTermAttribute.class);
    private final OffsetAttribute standardOffset = standard.getAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute standardIncrement = standard.getAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute standardType = standard.getAttribute(TypeAttribute.class);

    private char[] text = new char[1024];
    private int length;
    private int next;
    private boolean usingStandard;

    @Override
    public void reset() throws IOException {
        super.reset();
        length = readAll(input);
        next = 0;
        usingStandard = !fastPathApplies();
        if (usingStandard) {
            standard.setReader(new java.io.CharArrayReader(text, 0, length));
            standard.reset();
        }
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (usingStandard) {
            return copyStandardToken();
        }
        clearAttributes();
        int i = next;
        while (i < length && !startsWord(CLASSES[text[i]])) {
            i++;
        }
        while (i < length) {
            int start = i;
            boolean letters = false;
            boolean wordy = false;
            byte previous = OTHER;
            while (i < length) {
                byte kind = CLASSES[text[i]];
                if (kind == LETTER || kind == DIGIT || kind == UNDERSCORE) {
                    letters |= kind == LETTER;
                    wordy |= kind != UNDERSCORE;
                    previous = kind;
                    i++;
                } else if (i + 1 < length && joins(previous, kind, CLASSES[text[i + 1]])) {
                    previous = CLASSES[text[i + 1]];
                    letters |= previous == LETTER;
                    wordy = true;
                    i += 2;
                } else {
                    break;
                }
            }
            if (wordy) {
                next = i;
                char[] buffer = term.resizeBuffer(i - start);
                for (int j = start; j < i; j++) {
                    char c = text[j];
                    buffer[j - start] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
                }
                term.setLength(i - start);
                offset.setOffset(correctOffset(start), correctOffset(i));
                type.setType(letters ? ALPHANUM : NUM);
                return true;
            }
            while (i < length && !startsWord(CLASSES[text[i]])) {
                i++;
            }
        }
        next = length;
        return false;
    }

    @Override
    public void end() throws IOException {
        if (usingStandard) {
            standard.end();
            super.end();
            offset.setOffset(correctOffset(standardOffset.startOffset()), correctOffset(standardOffset.endOffset()));
            positionIncrement.setPositionIncrement(standardIncrement.getPositionIncrement());
            return;
        }
        super.end();
        int last = correctOffset(length);
        offset.setOffset(last, last);
    }

    @Override
    public void close() throws IOException {
        super.close();
        if (usingStandard) {
            usingStandard = false;
            standard.close();
        }
        // the analyzer keeps this tokenizer per thread and field: one huge event must not pin its size for good
        if (text.length > RETAINED_BUFFER) {
            text = new char[1024];
        }
    }

    private boolean copyStandardToken() throws IOException {
        clearAttributes();
        if (!standard.incrementToken()) {
            return false;
        }
        int termLength = standardTerm.length();
        char[] buffer = term.resizeBuffer(termLength);
        System.arraycopy(standardTerm.buffer(), 0, buffer, 0, termLength);
        term.setLength(termLength);
        CharacterUtils.toLowerCase(buffer, 0, termLength);
        offset.setOffset(correctOffset(standardOffset.startOffset()), correctOffset(standardOffset.endOffset()));
        positionIncrement.setPositionIncrement(standardIncrement.getPositionIncrement());
        type.setType(standardType.type());
        return true;
    }

    /** ASCII only, and no run of characters that may belong to one word longer than {@link #LONGEST_FAST_RUN}. */
    private boolean fastPathApplies() {
        int run = 0;
        for (int i = 0; i < length; i++) {
            char c = text[i];
            if (c >= 128) {
                return false;
            }
            if (CLASSES[c] == OTHER) {
                run = 0;
            } else if (++run > LONGEST_FAST_RUN) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWord(byte kind) {
        return kind == LETTER || kind == DIGIT || kind == UNDERSCORE;
    }

    /** Whether {@code middle} between a character of kind {@code before} and one of kind {@code after} keeps them in one word. */
    private static boolean joins(byte before, byte middle, byte after) {
        if (before == LETTER && after == LETTER) {
            return middle == MID_LETTER || middle == MID_BOTH;
        }
        if (before == DIGIT && after == DIGIT) {
            return middle == MID_NUM || middle == MID_BOTH;
        }
        return false;
    }

    private int readAll(Reader reader) throws IOException {
        int total = 0;
        while (true) {
            if (total == text.length) {
                text = ArrayUtil.grow(text, total + 1);
            }
            int read = reader.read(text, total, text.length - total);
            if (read < 0) {
                return total;
            }
            total += read;
        }
    }
}
