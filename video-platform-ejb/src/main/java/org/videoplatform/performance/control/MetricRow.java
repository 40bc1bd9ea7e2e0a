package org.videoplatform.performance.control;

import java.time.LocalDate;
import java.util.List;
import org.videoplatform.pitches.entity.SocialPlatform;

/**
 * A line of an import: one post's figures for a day.
 *
 * @param line where it came from, for reporting it when it cannot be used
 * @param references the ways the line names its post (an id, an address), any of which may be the one recorded on the release
 * @param lifetime whether the figures are totals to date on {@code day}, as Meta's "Lifetime" exports give them, rather than the day's own
 */
public record MetricRow(long line, SocialPlatform platform, List<String> references, LocalDate day, boolean lifetime, DayFigures figures) {
}
