package org.videoplatform.pitches.entity;

import java.time.LocalDate;
import java.util.Set;

/**
 * What a producer writes in a pitch.
 *
 * @param deadline the topical deadline after which the video is useless, if there is one
 * @param needs crew skills, equipment, locations and actors the producer is looking for
 */
public record PitchContent(String title, String logline, String synopsis, String goal, String audience, VideoFormat format,
                           Set<SocialPlatform> platforms, Integer plannedLengthSeconds, LocalDate deadline, String needs) {
}
