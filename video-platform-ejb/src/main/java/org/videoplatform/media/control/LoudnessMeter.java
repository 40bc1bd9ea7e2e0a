package org.videoplatform.media.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Measures a file's loudness with FFmpeg's EBU R 128 meter. It decodes only the sound, so it costs
 * a fraction of the transcode it precedes; the transcode needs its result before the first
 * delivery sample is encoded.
 */
public final class LoudnessMeter {

    private LoudnessMeter() {
    }

    /** @param scratch a file the meter may write its readings to; it is deleted afterwards */
    public static Loudness measure(Path source, Path scratch) throws IOException {
        try (FFmpegFrameGrabber grabber = UploadedMedia.grabber(source)) {
            grabber.start();
            // ametadata writes each frame's readings to a file: the meter's summary goes to the log otherwise.
            try (FFmpegFrameFilter meter = new FFmpegFrameFilter("ebur128=peak=true:metadata=1,ametadata=mode=print:file="
                    + scratch.toAbsolutePath(), grabber.getAudioChannels())) {
                meter.setSampleRate(grabber.getSampleRate());
                meter.setSampleFormat(grabber.getSampleFormat());
                meter.start();
                for (Frame samples = grabber.grabSamples(); samples != null; samples = grabber.grabSamples()) {
                    meter.push(samples);
                    while (meter.pullSamples() != null) {
                        // the readings go to the scratch file; the samples themselves are not needed
                    }
                }
                meter.stop();
            }
            return readings(Files.readAllLines(scratch));
        } catch (FrameGrabber.Exception | FrameFilter.Exception e) {
            throw new IOException("Could not measure the loudness of " + source.getFileName(), e);
        } finally {
            Files.deleteIfExists(scratch);
        }
    }

    /** The last integrated reading covers the whole programme; the true peak is the highest seen. */
    static Loudness readings(List<String> lines) {
        double integrated = -70;
        double peak = 0;
        for (String line : lines) {
            if (line.startsWith("lavfi.r128.I=")) {
                integrated = Double.parseDouble(line.substring(line.indexOf('=') + 1));
            } else if (line.startsWith("lavfi.r128.true_peak=")) {
                peak = Math.max(peak, Double.parseDouble(line.substring(line.indexOf('=') + 1)));
            }
        }
        return new Loudness(integrated, peak > 0 ? 20 * Math.log10(peak) : -120);
    }
}
