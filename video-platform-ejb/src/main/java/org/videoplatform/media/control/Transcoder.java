package org.videoplatform.media.control;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MJPEG;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;
import org.videoplatform.media.control.OutputPlan.VideoOutput;
import org.videoplatform.media.entity.MediaFacts;
import org.videoplatform.media.entity.OutputKind;

/**
 * Makes every output of a plan from one decode of the source: each picture is decoded once,
 * turned upright once, then scaled and encoded for each output; each block of sound is decoded
 * once and encoded for each. Writes into a directory of its own; publishing is the caller's.
 */
public final class Transcoder implements AutoCloseable {

    /** Told how far the work is, from 0 to 1; answering false stops it. */
    @FunctionalInterface
    public interface Progress {
        boolean carryOn(double fraction);
    }

    /** The work was stopped on request; nothing it wrote is to be kept. */
    public static final class Stopped extends Exception {

        public Stopped() {
            super("Transcoding was stopped on request");
        }
    }

    /** A file worth a record: the master playlist stands for its ladder, each image for itself. */
    public record Produced(OutputKind kind, String path, int width, int height) {
    }

    private static final long PROGRESS_EVERY_MICROS = 500_000;
    private static final int SPRITE_COLUMNS = 10;
    private static final int JPEG_QUALITY = 3;
    private static final String STEREO_48K = "aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo";

    private final MediaFacts facts;
    private final OutputPlan plan;
    private final Path out;
    private final List<VideoSink> sinks = new ArrayList<>();
    private final List<Produced> produced = new ArrayList<>();
    private FFmpegFrameFilter upright;
    private FFmpegFrameFilter reviewSound;
    private FFmpegFrameFilter deliverySound;
    private int displayWidth;
    private int displayHeight;

    private Transcoder(MediaFacts facts, OutputPlan plan, Path out) {
        this.facts = facts;
        this.plan = plan;
        this.out = out;
    }

    /**
     * @param deliveryGainDb gain applied to delivery audio only, to reach the loudness target
     * @return the outputs worth a record, with paths relative to {@code out}
     */
    public static List<Produced> transcode(Path source, MediaFacts facts, OutputPlan plan, double deliveryGainDb, Path out,
            Progress progress) throws IOException, Stopped {
        try (Transcoder transcoder = new Transcoder(facts, plan, out)) {
            transcoder.run(source, deliveryGainDb, progress);
            return List.copyOf(transcoder.produced);
        } catch (FrameGrabber.Exception | FrameRecorder.Exception | FrameFilter.Exception e) {
            throw new IOException("FFmpeg failed: " + e.getMessage(), e);
        }
    }

    private void run(Path source, double deliveryGainDb, Progress progress)
            throws IOException, Stopped, FrameGrabber.Exception, FrameRecorder.Exception, FrameFilter.Exception {
        Files.createDirectories(out.resolve("hls"));
        try (FFmpegFrameGrabber grabber = UploadedMedia.grabber(source)) {
            // Decoding straight to 8-bit 4:2:0 converts 10-bit and 4:4:4 sources once, not once per output.
            grabber.setPixelFormat(AV_PIX_FMT_YUV420P);
            grabber.start();
            boolean sound = grabber.hasAudio();
            displayWidth = facts.displayWidth();
            displayHeight = facts.displayHeight();
            upright = rotationFilter(grabber);
            for (VideoOutput output : plan.videos()) {
                sinks.add(new VideoSink(output, sound));
            }
            if (sound) {
                // Every output takes 48 kHz stereo, so the conversion happens once; mono is spread to both sides.
                reviewSound = soundFilter(grabber, STEREO_48K);
                deliverySound = soundFilter(grabber, STEREO_48K + String.format(Locale.ROOT, ",volume=%.2fdB", deliveryGainDb));
            }
            Stills stills = new Stills();
            FrameRate rate = new FrameRate(plan.frameRate());
            long nextReport = 0;
            for (Frame frame = grabber.grab(); frame != null; frame = grabber.grab()) {
                if (frame.image != null) {
                    Frame picture = turnUpright(frame);
                    int repeats = rate.slotsFilledBy(frame.timestamp);
                    for (VideoSink sink : sinks) {
                        sink.picture(picture, repeats);
                    }
                    stills.offer(picture, frame.timestamp);
                    if (frame.timestamp >= nextReport) {
                        nextReport = frame.timestamp + PROGRESS_EVERY_MICROS;
                        if (!progress.carryOn(Math.min(0.99, (double) frame.timestamp / facts.durationMicros()))) {
                            throw new Stopped();
                        }
                    }
                } else if (frame.samples != null) {
                    sound(frame);
                }
            }
            for (VideoSink sink : sinks) {
                sink.finish();
            }
            stills.finish();
            writeMasterPlaylist(sound);
        }
    }

    private void sound(Frame samples) throws FrameRecorder.Exception, FrameFilter.Exception {
        feed(reviewSound, samples, false);
        feed(deliverySound, samples, true);
    }

    private void feed(FFmpegFrameFilter filter, Frame samples, boolean normalised) throws FrameRecorder.Exception,
            FrameFilter.Exception {
        filter.push(samples);
        for (Frame converted = filter.pullSamples(); converted != null; converted = filter.pullSamples()) {
            for (VideoSink sink : sinks) {
                if (sink.output.encoding().loudnessNormalised() == normalised) {
                    sink.recorder.record(converted);
                }
            }
        }
    }

    private static FFmpegFrameFilter soundFilter(FFmpegFrameGrabber grabber, String graph) throws FrameFilter.Exception {
        FFmpegFrameFilter filter = new FFmpegFrameFilter(graph, grabber.getAudioChannels());
        filter.setSampleRate(grabber.getSampleRate());
        filter.setSampleFormat(grabber.getSampleFormat());
        filter.start();
        return filter;
    }

    /** Phones store portrait video sideways with a note to turn it; outputs are turned for real. */
    private FFmpegFrameFilter rotationFilter(FFmpegFrameGrabber grabber) throws FrameFilter.Exception {
        String turn = switch (facts.rotation()) {
            case 90 -> "transpose=clock";
            case 180 -> "hflip,vflip";
            case 270 -> "transpose=cclock";
            default -> null;
        };
        if (turn == null) {
            return null;
        }
        FFmpegFrameFilter filter = new FFmpegFrameFilter(turn, grabber.getImageWidth(), grabber.getImageHeight());
        filter.setPixelFormat(AV_PIX_FMT_YUV420P);
        filter.start();
        return filter;
    }

    private Frame turnUpright(Frame frame) throws FrameFilter.Exception {
        if (upright == null) {
            return frame;
        }
        upright.push(frame, AV_PIX_FMT_YUV420P);
        return upright.pull();
    }

    /**
     * Maps a source's picture times, regular or not, onto the outputs' constant rate: a picture
     * is repeated over the slots it covers and dropped when a later one takes its slot.
     */
    private static final class FrameRate {

        private final double framesPerSecond;
        private long firstTimestamp = -1;
        private long nextSlot;

        FrameRate(double framesPerSecond) {
            this.framesPerSecond = framesPerSecond;
        }

        int slotsFilledBy(long timestamp) {
            if (firstTimestamp < 0) {
                firstTimestamp = timestamp;
            }
            long slot = Math.round((timestamp - firstTimestamp) * framesPerSecond / 1e6);
            if (slot < nextSlot) {
                return 0;
            }
            int repeats = (int) (slot - nextSlot + 1);
            nextSlot = slot + 1;
            return repeats;
        }
    }

    /** One encoded output: its scaling filter and its encoder. */
    private final class VideoSink {

        final VideoOutput output;
        final FFmpegFrameFilter scaler;
        final FFmpegFrameRecorder recorder;

        VideoSink(VideoOutput output, boolean sound) throws FrameFilter.Exception, FrameRecorder.Exception {
            this.output = output;
            scaler = new FFmpegFrameFilter(output.filter() + ",format=yuv420p", displayWidth, displayHeight);
            scaler.setPixelFormat(AV_PIX_FMT_YUV420P);
            scaler.start();
            String file = output.isHlsRung() ? "hls/" + output.name() + ".m3u8" : output.name() + ".mp4";
            recorder = new FFmpegFrameRecorder(out.resolve(file).toFile(), output.width(), output.height(), sound ? 2 : 0);
            OutputPlan.Encoding encoding = output.encoding();
            recorder.setVideoCodec(AV_CODEC_ID_H264);
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(plan.frameRate());
            int keyframeInterval = (int) Math.round(plan.frameRate() * encoding.keyframeSeconds());
            recorder.setGopSize(keyframeInterval);
            recorder.setVideoOption("preset", encoding.preset());
            recorder.setVideoOption("crf", Integer.toString(encoding.crf()));
            if (encoding.maxKbps() > 0) {
                recorder.setVideoOption("maxrate", encoding.maxKbps() + "k");
                recorder.setVideoOption("bufsize", 2 * encoding.maxKbps() + "k");
            }
            if (sound) {
                recorder.setAudioCodec(AV_CODEC_ID_AAC);
                recorder.setAudioBitrate(encoding.audioKbps() * 1000);
                recorder.setSampleRate(48_000);
            }
            if (output.isHlsRung()) {
                // Segments must start on a key frame at exact 4 s steps for the player to switch rungs cleanly.
                recorder.setVideoOption("keyint_min", Integer.toString(keyframeInterval));
                recorder.setVideoOption("sc_threshold", "0");
                recorder.setFormat("hls");
                recorder.setOption("hls_time", Integer.toString(OutputPlan.HLS_SEGMENT_SECONDS));
                recorder.setOption("hls_playlist_type", "vod");
                recorder.setOption("hls_list_size", "0");
                recorder.setOption("hls_segment_filename", out.resolve("hls/" + output.name() + "_%03d.ts").toString());
            } else {
                recorder.setFormat("mp4");
                recorder.setOption("movflags", "+faststart");
            }
            recorder.start();
        }

        void picture(Frame upright, int repeats) throws FrameFilter.Exception, FrameRecorder.Exception {
            if (repeats == 0) {
                return;
            }
            scaler.push(upright, AV_PIX_FMT_YUV420P);
            Frame scaled = scaler.pull();
            for (int i = 0; i < repeats; i++) {
                recorder.record(scaled, AV_PIX_FMT_YUV420P);
            }
        }

        void finish() throws FrameRecorder.Exception, FrameFilter.Exception {
            recorder.stop();
            recorder.release();
            scaler.close();
            if (!output.isHlsRung()) {
                produced.add(new Produced(output.kind(), output.name() + ".mp4", output.width(), output.height()));
            }
        }
    }

    /** The poster, the thumbnails and the scrub sprite, each taken from pictures the transcode decodes anyway. */
    private final class Stills {

        private final long posterAt = Math.min(1_000_000, facts.durationMicros() / 2);
        private final long spriteStepMicros = Math.round(plan.spriteIntervalSeconds() * 1e6);
        private final int tileWidth = plan.spriteTileWidth();
        private final int tileHeight = OutputPlan.even((double) plan.spriteTileWidth() * displayHeight / displayWidth);
        private final int spriteTileCount = (int) Math.max(1, Math.ceil((double) facts.durationMicros() / spriteStepMicros));
        private final int spriteColumns = Math.min(SPRITE_COLUMNS, spriteTileCount);
        private final int spriteRows = (spriteTileCount + spriteColumns - 1) / spriteColumns;
        private final FFmpegFrameFilter spriteTiles;
        private boolean posterTaken;
        private int thumbnailsTaken;
        private int tilesTaken;

        Stills() throws FrameFilter.Exception {
            spriteTiles = new FFmpegFrameFilter("scale=" + tileWidth + ":" + tileHeight + ",tile=" + spriteColumns + "x" + spriteRows,
                    displayWidth, displayHeight);
            spriteTiles.setPixelFormat(AV_PIX_FMT_YUV420P);
            spriteTiles.start();
        }

        void offer(Frame picture, long timestamp) throws FrameFilter.Exception, FrameRecorder.Exception {
            if (!posterTaken && timestamp >= posterAt) {
                int[] size = OutputPlan.fitWithin(displayWidth, displayHeight, plan.posterBox(), plan.posterBox());
                jpeg(picture, "poster.jpg", size[0], size[1]);
                produced.add(new Produced(OutputKind.POSTER, "poster.jpg", size[0], size[1]));
                posterTaken = true;
            }
            if (thumbnailsTaken < plan.thumbnailCount()
                    && timestamp >= (thumbnailsTaken + 0.5) * facts.durationMicros() / plan.thumbnailCount()) {
                int height = OutputPlan.even((double) plan.thumbnailWidth() * displayHeight / displayWidth);
                String name = "thumbnail-" + (thumbnailsTaken + 1) + ".jpg";
                jpeg(picture, name, plan.thumbnailWidth(), height);
                produced.add(new Produced(OutputKind.THUMBNAIL, name, plan.thumbnailWidth(), height));
                thumbnailsTaken++;
            }
            if (tilesTaken < spriteTileCount && timestamp >= tilesTaken * spriteStepMicros) {
                spriteTiles.push(picture, AV_PIX_FMT_YUV420P);
                tilesTaken++;
            }
        }

        void finish() throws FrameFilter.Exception, FrameRecorder.Exception, IOException {
            // The tile filter hands over its sheet when the sheet is full or, as here, when told there is no more.
            spriteTiles.push(null);
            Frame sheet = spriteTiles.pull();
            if (sheet != null) {
                writeJpeg(sheet, "sprite.jpg", tileWidth * spriteColumns, tileHeight * spriteRows);
                produced.add(new Produced(OutputKind.SPRITE, "sprite.jpg", tileWidth * spriteColumns, tileHeight * spriteRows));
                writeSpriteIndex();
            }
            spriteTiles.close();
        }

        private void writeSpriteIndex() throws IOException {
            StringBuilder vtt = new StringBuilder("WEBVTT\n");
            for (int i = 0; i < tilesTaken; i++) {
                long end = Math.min(facts.durationMicros(), (i + 1) * spriteStepMicros);
                vtt.append('\n').append(timecode(i * spriteStepMicros)).append(" --> ").append(timecode(end)).append('\n')
                        .append("sprite.jpg#xywh=").append(i % spriteColumns * tileWidth).append(',')
                        .append(i / spriteColumns * tileHeight).append(',').append(tileWidth).append(',').append(tileHeight)
                        .append('\n');
            }
            Files.writeString(out.resolve("sprite.vtt"), vtt, StandardCharsets.UTF_8);
            produced.add(new Produced(OutputKind.SPRITE_INDEX, "sprite.vtt", 0, 0));
        }

        private void jpeg(Frame picture, String name, int width, int height) throws FrameFilter.Exception, FrameRecorder.Exception {
            try (FFmpegFrameFilter scaler = new FFmpegFrameFilter("scale=" + width + ":" + height, displayWidth, displayHeight)) {
                scaler.setPixelFormat(AV_PIX_FMT_YUV420P);
                scaler.start();
                scaler.push(picture, AV_PIX_FMT_YUV420P);
                writeJpeg(scaler.pull(), name, width, height);
            }
        }

        private void writeJpeg(Frame picture, String name, int width, int height) throws FrameRecorder.Exception {
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(out.resolve(name).toFile(), width, height, 0)) {
                recorder.setFormat("image2");
                recorder.setOption("update", "1");
                recorder.setVideoCodec(AV_CODEC_ID_MJPEG);
                recorder.setPixelFormat(AV_PIX_FMT_YUVJ420P);
                recorder.setVideoQuality(JPEG_QUALITY);
                recorder.start();
                recorder.record(picture, AV_PIX_FMT_YUV420P);
                recorder.stop();
            }
        }
    }

    private void writeMasterPlaylist(boolean sound) throws IOException {
        StringBuilder master = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        VideoOutput largest = null;
        for (VideoOutput rung : plan.videos()) {
            if (!rung.isHlsRung()) {
                continue;
            }
            largest = largest == null ? rung : largest;
            long bandwidth = (rung.encoding().maxKbps() + (sound ? rung.encoding().audioKbps() : 0)) * 1000L;
            master.append(String.format(Locale.ROOT, "#EXT-X-STREAM-INF:BANDWIDTH=%d,RESOLUTION=%dx%d,FRAME-RATE=%.3f,CODECS=\"%s\"%n%s.m3u8%n",
                    bandwidth, rung.width(), rung.height(), plan.frameRate(), sound ? "avc1.640028,mp4a.40.2" : "avc1.640028",
                    rung.name()));
        }
        Files.writeString(out.resolve("hls/master.m3u8"), master, StandardCharsets.UTF_8);
        produced.add(new Produced(OutputKind.HLS, "hls/master.m3u8", largest.width(), largest.height()));
    }

    private static String timecode(long micros) {
        long millis = micros / 1000;
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60,
                millis % 1000);
    }

    @Override
    public void close() {
        for (VideoSink sink : sinks) {
            closeQuietly(sink.recorder);
            closeQuietly(sink.scaler);
        }
        closeQuietly(upright);
        closeQuietly(reviewSound);
        closeQuietly(deliverySound);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // Already failing or already closed: the first error is the one worth reporting.
        }
    }
}
