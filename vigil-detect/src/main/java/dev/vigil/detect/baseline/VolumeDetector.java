package dev.vigil.detect.baseline;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Volume and rate anomalies per entity and clock hour, with hour-of-week seasonality and robust statistics. Each entity
 * has a running sum for the open hour; when an hour closes its volume (0 for silent hours) enters two rings: one per
 * hour-of-week slot ({@code weeks} values) and one per hour-of-day slot ({@code days} values). The expectation for an
 * hour is the median of its weekly slot (or, while that has fewer than {@code minSlotHistory} values, of its daily slot,
 * or of the whole daily history), with scale {@code max(1.4826 × MAD, scaleFloor × median active hour, minScale)}. The
 * open hour is reported, once, as soon as {@code (volume - median) / scale >= threshold}, not only when it closes.
 * Median and MAD ignore outliers that a mean and standard deviation would absorb, so one past spike does not hide the
 * next one.
 *
 * <p>Memory: {@code 168 × weeks + 24 × days} floats (about 4 KB with the defaults) per entity and at most
 * {@code maxEntities} entities; the least recently active entity is forgotten first. An event older than its entity's
 * open hour is added to the open hour (history is never rewritten).
 */
public final class VolumeDetector implements BaselineDetector {

    private static final long HOUR = 3_600_000L;
    private static final int WEEK_HOURS = 168;
    /** 1970-01-01 was a Thursday: three days after a Monday */
    private static final int EPOCH_DAY_OF_WEEK = 3;

    private final VolumeConfig config;
    private final long offsetMillis;
    private LruMap<String, Entity> entities;

    private static final class Entity {
        long firstHour;
        long closedHours;
        long openHour;
        double openVolume;
        boolean reported;
        final byte[] weeklyFilled = new byte[WEEK_HOURS];
        final byte[] dailyFilled = new byte[24];
        final float[] weekly;
        final float[] daily;
        /** expectation for the open hour, computed when the hour opens (history does not change within it) */
        Expectation expectation;

        Entity(int weeks, int days) {
            weekly = new float[WEEK_HOURS * weeks];
            daily = new float[24 * days];
            Arrays.fill(weekly, Float.NaN); // not learned yet
            Arrays.fill(daily, Float.NaN);
        }
    }

    /** @param basis which history the median came from, in words */
    private record Expectation(double median, double scale, int values, String basis) {
    }

    public VolumeDetector(VolumeConfig config) {
        this.config = config;
        this.offsetMillis = config.zone().getTotalSeconds() * 1000L;
        this.entities = new LruMap<>(config.maxEntities());
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public String kind() {
        return "volume";
    }

    @Override
    public int entityCount() {
        return entities.size();
    }

    @Override
    public List<Finding> observe(BaselineEvent event) {
        String key = EntityKeys.of(event, config.entityFields());
        if (key == null) {
            return List.of();
        }
        double amount = 1;
        if (config.valueField() != null) {
            Double parsed = number(event.field(config.valueField()));
            if (parsed == null) {
                return List.of();
            }
            amount = parsed;
        }
        long hour = Math.floorDiv(event.timestamp().toEpochMilli() + offsetMillis, HOUR);
        Entity entity = entities.get(key);
        if (entity == null) {
            entity = new Entity(config.weeks(), config.days());
            entity.firstHour = hour;
            entity.openHour = hour;
            entities.put(key, entity);
        } else if (hour > entity.openHour) {
            advance(entity, hour);
        }
        entity.openVolume += amount;
        if (entity.reported || entity.closedHours < config.warmupHours() || entity.openVolume < config.minVolume()) {
            return List.of();
        }
        if (entity.expectation == null) {
            entity.expectation = expectation(entity, entity.openHour);
        }
        Expectation expected = entity.expectation;
        double score = (entity.openVolume - expected.median()) / expected.scale();
        if (score < config.threshold()) {
            return List.of();
        }
        entity.reported = true;
        return List.of(finding(key, entity, event.timestamp(), expected, score));
    }

    /** Closes the open hour and the silent hours up to {@code hour}, which becomes the open hour. */
    private void advance(Entity entity, long hour) {
        record(entity, entity.openHour, entity.openVolume);
        long span = Math.max((long) WEEK_HOURS * config.weeks(), 24L * config.days());
        for (long silent = Math.max(entity.openHour + 1, hour - span); silent < hour; silent++) {
            record(entity, silent, 0);
        }
        entity.closedHours += hour - entity.openHour - 1; // silent hours older than the rings still count as history
        entity.openHour = hour;
        entity.openVolume = 0;
        entity.reported = false;
        entity.expectation = null;
    }

    private void record(Entity entity, long hour, double volume) {
        int weekSlot = hourOfWeek(hour);
        int week = (int) Math.floorMod(Math.floorDiv(hour + EPOCH_DAY_OF_WEEK * 24L, WEEK_HOURS), config.weeks());
        entity.weekly[weekSlot * config.weeks() + week] = (float) volume;
        entity.weeklyFilled[weekSlot] = (byte) Math.min(config.weeks(), entity.weeklyFilled[weekSlot] + 1);
        int daySlot = (int) Math.floorMod(hour, 24);
        int day = (int) Math.floorMod(Math.floorDiv(hour, 24), config.days());
        entity.daily[daySlot * config.days() + day] = (float) volume;
        entity.dailyFilled[daySlot] = (byte) Math.min(config.days(), entity.dailyFilled[daySlot] + 1);
        if (hour == entity.openHour) {
            entity.closedHours++;
        }
    }

    private static int hourOfWeek(long hour) {
        return (int) Math.floorMod(hour + EPOCH_DAY_OF_WEEK * 24L, WEEK_HOURS);
    }

    private Expectation expectation(Entity entity, long hour) {
        int weekSlot = hourOfWeek(hour);
        int daySlot = (int) Math.floorMod(hour, 24);
        double[] values;
        String basis;
        if (entity.weeklyFilled[weekSlot] >= config.minSlotHistory()) {
            values = slot(entity.weekly, weekSlot, config.weeks());
            basis = "the last " + values.length + " " + slotName(hour);
        } else if (entity.dailyFilled[daySlot] >= 3) {
            values = slot(entity.daily, daySlot, config.days());
            basis = "the last " + values.length + " days at " + String.format(Locale.ROOT, "%02d:00", daySlot);
        } else {
            values = allDaily(entity, false);
            basis = "all " + values.length + " hours learned";
        }
        double median = median(values);
        double[] deviations = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            deviations[i] = Math.abs(values[i] - median);
        }
        double active = median(allDaily(entity, true));
        double scale = Math.max(1.4826 * median(deviations), Math.max(config.scaleFloor() * active, config.minScale()));
        return new Expectation(median, scale, values.length, basis);
    }

    /** The learned values of one slot; ring order does not matter for a median. */
    private static double[] slot(float[] ring, int slot, int width) {
        double[] values = new double[width];
        int n = 0;
        for (int i = 0; i < width; i++) {
            float v = ring[slot * width + i];
            if (!Float.isNaN(v)) {
                values[n++] = v;
            }
        }
        return Arrays.copyOf(values, n);
    }

    private double[] allDaily(Entity entity, boolean activeOnly) {
        double[] values = new double[entity.daily.length];
        int n = 0;
        for (int slot = 0; slot < 24; slot++) {
            for (int i = 0; i < config.days(); i++) {
                float v = entity.daily[slot * config.days() + i];
                if (!Float.isNaN(v) && (!activeOnly || v > 0)) {
                    values[n++] = v;
                }
            }
        }
        return Arrays.copyOf(values, n);
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private String slotName(long hour) {
        int weekSlot = hourOfWeek(hour);
        String day = DayOfWeek.of(weekSlot / 24 + 1).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        return day + "s " + String.format(Locale.ROOT, "%02d:00", weekSlot % 24);
    }

    private Finding finding(String key, Entity entity, Instant time, Expectation expected, double score) {
        String measured = config.valueField() == null ? "events" : config.valueField();
        String zone = config.zone().getTotalSeconds() == 0 ? "UTC" : config.zone().getId();
        String hourText = slotName(entity.openHour).replaceFirst("s ", " ") + " " + zone + " hour starting "
                + Instant.ofEpochMilli(entity.openHour * HOUR - offsetMillis);
        String seen = format(entity.openVolume) + " " + measured + " in the " + hourText;
        String expectedText = "about " + format(expected.median()) + " (median of " + expected.basis() + ", scale "
                + format(expected.scale()) + ")";
        Instant since = Instant.ofEpochMilli(entity.firstHour * HOUR - offsetMillis);
        String explanation = key + ": " + seen + "; expected " + expectedText + "; "
                + String.format(Locale.ROOT, "%.1f", score) + " robust deviations above, threshold "
                + format(config.threshold()) + "; learned since " + since;
        return new Finding(config.name(), key, time, measured, seen, expectedText, since, score, explanation);
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    private static Double number(String text) {
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.strip());
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        out.writeInt(config.weeks());
        out.writeInt(config.days());
        out.writeInt(entities.size());
        for (Map.Entry<String, Entity> e : entities.entrySet()) {
            Entity entity = e.getValue();
            out.writeUTF(e.getKey());
            out.writeLong(entity.firstHour);
            out.writeLong(entity.closedHours);
            out.writeLong(entity.openHour);
            out.writeDouble(entity.openVolume);
            out.writeBoolean(entity.reported);
            out.write(entity.weeklyFilled);
            out.write(entity.dailyFilled);
            for (float v : entity.weekly) {
                out.writeFloat(v);
            }
            for (float v : entity.daily) {
                out.writeFloat(v);
            }
        }
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        int weeks = in.readInt();
        int days = in.readInt();
        if (weeks != config.weeks() || days != config.days()) {
            throw new IOException("snapshot keeps " + weeks + " weeks and " + days + " days of history, this detector "
                    + config.weeks() + " and " + config.days());
        }
        LruMap<String, Entity> restored = new LruMap<>(config.maxEntities());
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            String key = in.readUTF();
            Entity entity = new Entity(weeks, days);
            entity.firstHour = in.readLong();
            entity.closedHours = in.readLong();
            entity.openHour = in.readLong();
            entity.openVolume = in.readDouble();
            entity.reported = in.readBoolean();
            in.readFully(entity.weeklyFilled);
            in.readFully(entity.dailyFilled);
            for (int v = 0; v < entity.weekly.length; v++) {
                entity.weekly[v] = in.readFloat();
            }
            for (int v = 0; v < entity.daily.length; v++) {
                entity.daily[v] = in.readFloat();
            }
            restored.put(key, entity);
        }
        entities = restored;
    }
}
