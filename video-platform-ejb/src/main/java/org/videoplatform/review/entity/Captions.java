package org.videoplatform.review.entity;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.videoplatform.platform.entity.InvalidInput;

/**
 * What the checklist needs to know of a caption file: that it is SRT or WebVTT, how many cues it
 * has and when the last one ends, so that it can be held against the cut it is meant for.
 */
public record Captions(Format format, int cueCount, long endMicros) {

    public enum Format { SRT, WEBVTT }

    /** Captions running this far past the picture are still the cut's: encoders round the end. */
    static final long TOLERANCE_MICROS = 500_000;

    private static final String TIME = "((?:\\d{1,3}:)?\\d{2}:\\d{2}[.,]\\d{3})";
    private static final Pattern TIMING = Pattern.compile("^\\s*" + TIME + "\\s+-->\\s+" + TIME + "(?:\\s.*)?$");
    private static final String FIELD = "captions";

    /** @throws InvalidInput naming the line that is wrong */
    public static Captions parse(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Format format = content.stripLeading().startsWith("WEBVTT") ? Format.WEBVTT : Format.SRT;
        String[] lines = content.split("\\r?\\n|\\r", -1);
        int cues = 0;
        long end = 0;
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].contains("-->")) {
                continue;
            }
            Matcher timing = TIMING.matcher(lines[i]);
            if (!timing.matches()) {
                throw new InvalidInput(FIELD, "line " + (i + 1) + " is not a cue timing like 00:00:01,000 --> 00:00:04,000");
            }
            long from = micros(timing.group(1));
            long to = micros(timing.group(2));
            if (to <= from) {
                throw new InvalidInput(FIELD, "line " + (i + 1) + ": the cue ends before it starts");
            }
            cues++;
            end = Math.max(end, to);
        }
        if (cues == 0) {
            throw new InvalidInput(FIELD, "has no cues: is it an SRT or WebVTT file?");
        }
        return new Captions(format, cues, end);
    }

    /** @return why these captions do not fit a cut of this length, or null when they do */
    public String misfitFor(long cutMicros) {
        return endMicros > cutMicros + TOLERANCE_MICROS
                ? "the last caption ends at " + clock(endMicros) + ", after the cut ends at " + clock(cutMicros) + ": are they for another version?"
                : null;
    }

    private static long micros(String time) {
        String[] parts = time.replace(',', '.').split(":");
        long hours = parts.length == 3 ? Long.parseLong(parts[0]) : 0;
        long minutes = Long.parseLong(parts[parts.length - 2]);
        String[] seconds = parts[parts.length - 1].split("\\.");
        return ((hours * 60 + minutes) * 60 + Long.parseLong(seconds[0])) * 1_000_000 + Long.parseLong(seconds[1]) * 1000;
    }

    static String clock(long micros) {
        long millis = micros / 1000;
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, millis % 1000);
    }
}
