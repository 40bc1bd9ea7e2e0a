package org.videoplatform.media.control;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_DURATION_FROM_BITRATE;
import static org.bytedeco.ffmpeg.global.avutil.av_pix_fmt_desc_get;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.videoplatform.media.entity.MediaFacts;

/**
 * Opens an uploaded file with FFmpeg and either describes it or says, in a producer's words, why
 * it is not a usable video. Reads only; the file is never changed.
 */
public final class Prober {

    /** Codecs FFmpeg reports for still pictures that some containers present as a one-frame video. */
    private static final Set<String> STILL_IMAGE_CODECS = Set.of("png", "mjpeg", "jpegls", "bmp", "gif", "webp", "tiff",
            "jpeg2000", "heic", "avif", "pam", "ppm", "pgm", "qoi", "jpegxl");
    /** A frame should decode this close to the declared end; further away, the file stops early. */
    private static final long END_TOLERANCE_MICROS = 2_000_000;
    /** Pictures whose spacing decides whether the rate varies: a few seconds' worth. */
    private static final int VFR_SAMPLE = 120;

    private Prober() {
    }

    public static MediaFacts probe(Path file) throws UnplayableMedia {
        // FFmpeg would otherwise print every file's findings to the server's standard error.
        av_log_set_level(AV_LOG_ERROR);
        // FFmpeg would render a text file as a video of its characters (its "tty" format).
        if (isText(head(file))) {
            throw new UnplayableMedia("This is a text file, not a video.");
        }
        try (FFmpegFrameGrabber grabber = UploadedMedia.grabber(file)) {
            try {
                grabber.start();
            } catch (FFmpegFrameGrabber.Exception e) {
                throw new UnplayableMedia(whyItCannotBeOpened(file));
            }
            if (!grabber.hasVideo()) {
                throw new UnplayableMedia(grabber.hasAudio()
                        ? "This file has no video track: it holds only sound. Export the video with its picture."
                        : "This file has no video track and no sound: it is not a video.");
            }
            AVStream video = videoStream(grabber.getFormatContext());
            AVCodecParameters parameters = video.codecpar();
            String codec = grabber.getVideoCodecName();
            long declared = Math.max(0, grabber.getLengthInTime());
            if (STILL_IMAGE_CODECS.contains(codec) && (declared == 0 || grabber.getLengthInVideoFrames() <= 1)) {
                throw new UnplayableMedia("This file is a still image, not a video.");
            }
            boolean variable = picturesComeIrregularly(grabber, video.index());
            long duration;
            if (declared > 0 && grabber.getFormatContext().duration_estimation_method() != AVFMT_DURATION_FROM_BITRATE) {
                grabber.setTimestamp(0);
                // The stated length may count sound that runs on after the last picture.
                duration = Math.min(declared, endOfPictures(grabber, declared));
            } else {
                // Browsers' and some phones' WebM and Matroska state no length; FFmpeg's guess from
                // the bit rate can be far off. The last picture's time is the length.
                duration = endOfLastPicture(grabber, video);
            }
            if (duration == 0) {
                throw new UnplayableMedia("This file has no length: it holds no playable video. Was the export finished?");
            }

            double averageRate = av_q2d(video.avg_frame_rate());
            int pixelFormat = parameters.format();
            BytePointer pixelFormatName = av_get_pix_fmt_name(pixelFormat);
            AVPixFmtDescriptor descriptor = av_pix_fmt_desc_get(pixelFormat);
            long bitRate = grabber.getFormatContext().bit_rate();
            return new MediaFacts(grabber.getFormat(), codec, grabber.hasAudio() ? grabber.getAudioCodecName() : null, duration,
                    grabber.getImageWidth(), grabber.getImageHeight(), averageRate > 0 ? averageRate : grabber.getFrameRate(),
                    variable, clockwiseRotation(grabber.getDisplayRotation()),
                    pixelFormatName == null ? "unknown" : pixelFormatName.getString(),
                    descriptor == null ? 8 : descriptor.comp(0).depth(),
                    grabber.hasAudio() ? grabber.getAudioChannels() : 0, grabber.hasAudio() ? grabber.getSampleRate() : 0,
                    Math.max(0, bitRate));
        } catch (FrameGrabber.Exception e) {
            throw new UnplayableMedia("This file is damaged: FFmpeg could not read it through (" + e.getMessage() + ").");
        }
    }

    /**
     * Screen recorders and some phones write a picture only when something changes. Containers
     * rarely say so, but the gaps between the first pictures' timestamps do; reading packets
     * decodes nothing.
     */
    private static boolean picturesComeIrregularly(FFmpegFrameGrabber grabber, int videoStream) throws FrameGrabber.Exception {
        List<Long> timestamps = new ArrayList<>();
        for (AVPacket packet = grabber.grabPacket(); packet != null && timestamps.size() < VFR_SAMPLE; packet = grabber.grabPacket()) {
            if (packet.stream_index() == videoStream && packet.pts() != AV_NOPTS_VALUE) {
                timestamps.add(packet.pts());
            }
            av_packet_unref(packet);
        }
        Collections.sort(timestamps);
        long shortest = Long.MAX_VALUE;
        long longest = 0;
        for (int i = 1; i < timestamps.size(); i++) {
            long gap = timestamps.get(i) - timestamps.get(i - 1);
            shortest = Math.min(shortest, gap);
            longest = Math.max(longest, gap);
        }
        return timestamps.size() > 2 && shortest > 0 && longest > shortest * 3 / 2;
    }

    /** Reads every packet from the start, decoding nothing: the end of the last picture, from the file's start. */
    private static long endOfLastPicture(FFmpegFrameGrabber grabber, AVStream video) throws FrameGrabber.Exception {
        grabber.setTimestamp(0);
        long first = Long.MAX_VALUE;
        long end = 0;
        for (AVPacket packet = grabber.grabPacket(); packet != null; packet = grabber.grabPacket()) {
            if (packet.stream_index() == video.index() && packet.pts() != AV_NOPTS_VALUE) {
                first = Math.min(first, packet.pts());
                end = Math.max(end, packet.pts() + Math.max(0, packet.duration()));
            }
            av_packet_unref(packet);
        }
        if (first == Long.MAX_VALUE) {
            return 0;
        }
        AVRational timeBase = video.time_base();
        return av_rescale_q(end - first, timeBase, av_make_q(1, 1_000_000));
    }

    /**
     * A file whose last seconds do not decode was cut short, typically by an interrupted export.
     * Seeking near the end finds that without decoding the whole file.
     *
     * @return when the last picture ends, from the start of the file
     */
    private static long endOfPictures(FFmpegFrameGrabber grabber, long duration) throws FFmpegFrameGrabber.Exception,
            UnplayableMedia {
        if (grabber.grabImage() == null) {
            throw new UnplayableMedia("No picture in this file can be decoded: it is damaged or not a video.");
        }
        grabber.setTimestamp(Math.max(0, duration - END_TOLERANCE_MICROS));
        Frame last = null;
        for (Frame frame = grabber.grabImage(); frame != null; frame = grabber.grabImage()) {
            last = frame;
        }
        long start = Math.max(0, grabber.getFormatContext().start_time());
        if (last == null || last.timestamp - start < duration - END_TOLERANCE_MICROS - 1_000_000) {
            throw new UnplayableMedia("The file is cut short: was the export or upload interrupted?");
        }
        return last.timestamp - start + Math.round(1e6 / Math.max(1, grabber.getFrameRate()));
    }

    /** FFmpeg's display matrix turns counter-clockwise; players and people speak clockwise. */
    static int clockwiseRotation(double counterClockwiseDegrees) {
        long clockwise = Math.round(-counterClockwiseDegrees);
        return (int) (((clockwise % 360) + 360) % 360 / 90 * 90);
    }

    private static AVStream videoStream(AVFormatContext format) {
        for (int i = 0; i < format.nb_streams(); i++) {
            if (format.streams(i).codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
                return format.streams(i);
            }
        }
        throw new IllegalStateException("FFmpeg reported a video stream but lists none");
    }

    /** Tells a container cut off before its index from text, images and formats FFmpeg does not know. */
    private static String whyItCannotBeOpened(Path file) throws UnplayableMedia {
        if (looksLikeVideoContainer(head(file))) {
            return "The file is cut short: was the export or upload interrupted?";
        }
        return "This file is not a video format the platform can read. Export it as MP4 (H.264) or MOV.";
    }

    private static byte[] head(Path file) throws UnplayableMedia {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(4096);
        } catch (IOException e) {
            throw new UnplayableMedia("This file could not be read.");
        }
    }

    private static boolean looksLikeVideoContainer(byte[] head) {
        if (head.length >= 8 && new String(head, 4, 4, StandardCharsets.ISO_8859_1).matches("ftyp|moov|mdat|wide|free")) {
            return true;
        }
        return head.length >= 4 && (head[0] & 0xff) == 0x1a && (head[1] & 0xff) == 0x45 && (head[2] & 0xff) == 0xdf
                && (head[3] & 0xff) == 0xa3;
    }

    /** Text, in any ASCII-compatible encoding, has no control bytes but line breaks and tabs; media has plenty. */
    private static boolean isText(byte[] head) {
        for (byte b : head) {
            if (b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return head.length > 0;
    }
}
