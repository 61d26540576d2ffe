package dev.vigil.server.intel.internal;

import java.util.List;

import dev.vigil.intel.indicator.Indicator;
import dev.vigil.server.intel.FeedView;

/** Indicators an import added to a feed (ids {@code <feed id>|<ref>}), published for the automatic retro-hunt. */
record NewIndicators(FeedView feed, List<Indicator> indicators, int notHunted) {
}
