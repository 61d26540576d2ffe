package dev.vigil.server.intel.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.vigil.intel.feed.FeedFormatException;
import dev.vigil.intel.stix.bundle.StixBundleReader;
import dev.vigil.intel.stix.bundle.StixIndicator;
import dev.vigil.intel.stix.bundle.StixTechniqueLinks;
import dev.vigil.intel.taxii.TaxiiClient;
import dev.vigil.intel.taxii.TaxiiException;
import dev.vigil.intel.taxii.TaxiiPoll;
import dev.vigil.server.audit.Actor;
import dev.vigil.server.intel.FeedPollResult;
import dev.vigil.server.intel.FeedView;
import dev.vigil.server.intel.IndicatorImportReport;
import dev.vigil.server.platform.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fetches feeds that have a URL: every few seconds those whose schedule is due, or one when asked. A snapshot feed is
 * fetched with a conditional GET and replaces the feed's indicators when it changed; a MISP feed is its manifest plus
 * the event files it lists; a TAXII collection is polled for objects added after the last poll and merged. A fetch
 * that fails, or brings nothing readable, leaves the indicators as they were and is recorded on the feed.
 */
@Component
public class FeedPoller {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
    private static final Actor SCHEDULE = Actor.systemJob("intel-feed-poll");

    private final FeedRows rows;
    private final FeedFetcher fetcher;
    private final IndicatorStore store;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();

    FeedPoller(FeedRows rows, FeedFetcher fetcher, IndicatorStore store, Clock clock, PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.rows = rows;
        this.fetcher = fetcher;
        this.store = store;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 10_000, initialDelay = 10_000)
    void pollDue() {
        for (UUID id : rows.due(clock.instant())) {
            try {
                FeedPollResult result = poll(id, SCHEDULE);
                if (result.error() != null) {
                    log.warn("feed {}: {}", id, result.error());
                }
            } catch (RuntimeException e) {
                log.warn("feed {}: poll failed: {}", id, e.toString());
            }
        }
    }

    /** Fetches the feed now; {@code actor} null means the current caller. */
    public FeedPollResult poll(UUID id, Actor actor) {
        if (!running.add(id)) {
            throw ProblemException.conflict("poll-running", "this feed is being fetched right now");
        }
        try {
            FeedView feed = rows.find(id).orElseThrow(() -> ProblemException.notFound("feed", id));
            FeedRows.FetchState state = rows.fetchState(id);
            if (state.url() == null) {
                throw ProblemException.badRequest("no-url", "feed " + feed.name() + " has no URL to fetch");
            }
            Instant now = clock.instant();
            FeedFormat format = FeedFormat.of(feed.format()).orElseThrow();
            try {
                return switch (format) {
                    case TAXII -> pollTaxii(feed, state, now, actor);
                    case MISP -> pollMisp(feed, state, now, actor);
                    default -> pollFile(feed, format, state, now, actor);
                };
            } catch (FeedFetchException | TaxiiException e) {
                return failed(id, now, e.getMessage());
            } catch (FeedFormatException e) {
                return failed(id, now, "the feed cannot be read: " + e.getMessage().replaceAll("\\S*vigil-(feed|misp)-[^:]*", "download"));
            } catch (IOException e) {
                return failed(id, now, "cannot buffer the download: " + e.getMessage());
            } catch (ProblemException e) {
                return failed(id, now, e.getMessage());
            }
        } finally {
            running.remove(id);
        }
    }

    private FeedPollResult failed(UUID id, Instant now, String error) {
        rows.recordFailure(id, now, error);
        return new FeedPollResult("failed", null, error);
    }

    private FeedPollResult pollFile(FeedView feed, FeedFormat format, FeedRows.FetchState state, Instant now, Actor actor)
            throws FeedFetchException, FeedFormatException, IOException {
        FeedFetcher.Fetched fetched = fetcher.fetch(URI.create(state.url()), state, true);
        if (fetched instanceof FeedFetcher.Downloaded download) {
            try {
                FeedContent content = FeedFileReader.read(format, download.file(), feed.name(), fetcher.maxBytes());
                return imported(feed, content, now, actor, download.etag(), download.lastModified());
            } finally {
                Files.deleteIfExists(download.file());
            }
        }
        return notModified(feed, state, now);
    }

    private FeedPollResult pollMisp(FeedView feed, FeedRows.FetchState state, Instant now, Actor actor)
            throws FeedFetchException, FeedFormatException, IOException {
        URI base = URI.create(state.url().endsWith("/") ? state.url() : state.url() + "/");
        FeedFetcher.Fetched fetched = fetcher.fetch(base.resolve("manifest.json"), state, true);
        if (!(fetched instanceof FeedFetcher.Downloaded manifest)) {
            return notModified(feed, state, now);
        }
        Path directory = Files.createTempDirectory("vigil-misp-");
        try {
            Files.move(manifest.file(), directory.resolve("manifest.json"), StandardCopyOption.REPLACE_EXISTING);
            long total = Files.size(directory.resolve("manifest.json"));
            FeedRows.FetchState unconditional = new FeedRows.FetchState(state.url(), state.authHeader(), state.authValue(), null, null, null);
            for (String uuid : eventUuids(directory.resolve("manifest.json"))) {
                if (fetcher.fetch(base.resolve(uuid + ".json"), unconditional, false) instanceof FeedFetcher.Downloaded event) {
                    total += Files.size(event.file());
                    Files.move(event.file(), directory.resolve(uuid + ".json"), StandardCopyOption.REPLACE_EXISTING);
                    if (total > fetcher.maxBytes()) {
                        throw new FeedFetchException(base + ": the feed's event files together are larger than the import limit");
                    }
                }
            }
            FeedContent content = FeedFileReader.read(FeedFormat.MISP, directory, feed.name(), fetcher.maxBytes());
            return imported(feed, content, now, actor, manifest.etag(), manifest.lastModified());
        } finally {
            MispArchive.delete(directory);
        }
    }

    /** The event UUIDs a MISP manifest lists (names that are not UUIDs are left to the reader to report). */
    private List<String> eventUuids(Path manifest) throws FeedFetchException {
        try {
            JsonNode root = json.readTree(manifest.toFile());
            if (root == null || !root.isObject()) {
                throw new FeedFetchException("manifest.json is not an object of event UUID to summary");
            }
            return root.propertyNames().stream().filter(uuid -> uuid.matches("[0-9a-fA-F-]{36}")).toList();
        } catch (JacksonException e) {
            throw new FeedFetchException("manifest.json is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private FeedPollResult pollTaxii(FeedView feed, FeedRows.FetchState state, Instant now, Actor actor) throws TaxiiException {
        TaxiiClient client = new TaxiiClient(fetcher.client(), FeedFetcher.TIMEOUT, state.authValue());
        FeedContent content = new FeedContent();
        int[] objects = {0};
        // relationships to attack patterns may come before or after their indicators, on any page
        StixTechniqueLinks techniques = new StixTechniqueLinks();
        List<StixIndicator> indicators = new ArrayList<>();
        TaxiiPoll poll = client.poll(URI.create(state.url()), state.taxiiAddedAfter(), object -> {
            objects[0]++;
            techniques.accept(object);
            try {
                StixBundleReader.indicatorOf(object).ifPresent(indicators::add);
            } catch (IllegalArgumentException e) {
                content.problem("objects[" + (objects[0] - 1) + "]: " + e.getMessage());
            }
        });
        indicators.forEach(stix -> FeedFileReader.addStix(content, stix, feed.name(), techniques.techniquesOf(stix)));
        if (poll.objects() == 0) {
            rows.recordSuccess(feed.id(), now, "not-modified", null, null, null);
            return new FeedPollResult("not-modified", null, null);
        }
        // The indicators and where the next poll resumes change together, or neither does.
        IndicatorImportReport report = transaction.execute(status -> {
            rows.recordSuccess(feed.id(), now, "imported", null, null, poll.addedLast());
            return store.merge(feed, content, now, actor);
        });
        return new FeedPollResult("imported", report, null);
    }

    private FeedPollResult imported(FeedView feed, FeedContent content, Instant now, Actor actor, String etag, String lastModified)
            throws FeedFetchException {
        if (content.size() == 0 && content.problemCount() > 0) {
            throw new FeedFetchException("nothing readable in the download (" + content.problemCount() + " problems, first: "
                    + content.problems().get(0) + "); the feed's indicators were kept");
        }
        IndicatorImportReport report = transaction.execute(status -> {
            rows.recordSuccess(feed.id(), now, "imported", etag, lastModified, null);
            return store.replace(feed, content, now, actor);
        });
        return new FeedPollResult("imported", report, null);
    }

    private FeedPollResult notModified(FeedView feed, FeedRows.FetchState state, Instant now) {
        rows.recordSuccess(feed.id(), now, "not-modified", state.etag(), state.lastModified(), null);
        return new FeedPollResult("not-modified", null, null);
    }
}
