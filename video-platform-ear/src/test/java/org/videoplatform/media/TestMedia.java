package org.videoplatform.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_HEVC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_OPUS;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PCM_S16LE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PNG;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PRORES;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_VP9;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P10LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV422P10LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV444P;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Short test videos in the shapes producers really send, made on the spot from FFmpeg's own test
 * sources: small enough to make and transcode in seconds, real enough to exercise each path.
 */
public enum TestMedia {

    LANDSCAPE("landscape.mp4", "mp4", AV_CODEC_ID_H264, AV_PIX_FMT_YUV420P, 640, 360, 30, 2.0, 2, AV_CODEC_ID_AAC, 0),
    PHONE_PORTRAIT("phone.mp4", "mp4", AV_CODEC_ID_H264, AV_PIX_FMT_YUV420P, 640, 360, 30, 2.0, 2, AV_CODEC_ID_AAC, 90),
    SCREEN_RECORDING_VFR("screen.mkv", "matroska", AV_CODEC_ID_H264, AV_PIX_FMT_YUV420P, 640, 360, 60, 2.0, 2, AV_CODEC_ID_AAC, 0),
    HEVC_10_BIT("hevc10.mp4", "mp4", AV_CODEC_ID_HEVC, AV_PIX_FMT_YUV420P10LE, 640, 360, 30, 1.0, 2, AV_CODEC_ID_AAC, 0),
    PRORES("edit.mov", "mov", AV_CODEC_ID_PRORES, AV_PIX_FMT_YUV422P10LE, 640, 360, 25, 1.0, 2, AV_CODEC_ID_PCM_S16LE, 0),
    VP9_WEBM("clip.webm", "webm", AV_CODEC_ID_VP9, AV_PIX_FMT_YUV420P, 640, 360, 30, 1.0, 2, AV_CODEC_ID_OPUS, 0),
    NO_AUDIO("silent.mp4", "mp4", AV_CODEC_ID_H264, AV_PIX_FMT_YUV420P, 640, 360, 30, 1.0, 0, 0, 0),
    /** Uncompressed, because FFmpeg's encoders through JavaCV round odd sizes up to even ones. */
    ODD_DIMENSIONS("odd.y4m", "yuv4mpegpipe", 0, AV_PIX_FMT_YUV444P, 321, 241, 30, 0.5, 0, 0, 0),
    CHROMA_444("chroma444.mp4", "mp4", AV_CODEC_ID_H264, AV_PIX_FMT_YUV444P, 640, 360, 30, 1.0, 2, AV_CODEC_ID_AAC, 0),
    UHD_60("uhd60.mp4", "mp4", AV_CODEC_ID_H264, AV_PIX_FMT_YUV420P, 3840, 2160, 60, 0.5, 2, AV_CODEC_ID_AAC, 0),
    MONO_AUDIO("mono.mp4", "mp4", AV_CODEC_ID_H264, AV_PIX_FMT_YUV420P, 640, 360, 30, 1.0, 1, AV_CODEC_ID_AAC, 0),
    /** 29.97 frames a second, as American broadcast and many cameras record: counted in drop-frame timecode. */
    NTSC("ntsc.mp4", "mp4", AV_CODEC_ID_H264, AV_PIX_FMT_YUV420P, 640, 360, 30000.0 / 1001, 2.0, 2, AV_CODEC_ID_AAC, 0);

    /** The test tone's level: a sine 26 dB below full scale, about -29 LUFS in stereo, far from the delivery target. */
    private static final String TONE_VOLUME = "-20dB";

    public final String fileName;
    private final String format;
    private final int videoCodec;
    private final int pixelFormat;
    public final int width;
    public final int height;
    public final double frameRate;
    public final double seconds;
    public final int audioChannels;
    private final int audioCodec;
    /** Clockwise degrees a player should turn the picture, as a phone records portrait video. */
    public final int rotation;

    TestMedia(String fileName, String format, int videoCodec, int pixelFormat, int width, int height, double frameRate,
            double seconds, int audioChannels, int audioCodec, int rotation) {
        this.fileName = fileName;
        this.format = format;
        this.videoCodec = videoCodec;
        this.pixelFormat = pixelFormat;
        this.width = width;
        this.height = height;
        this.frameRate = frameRate;
        this.seconds = seconds;
        this.audioChannels = audioChannels;
        this.audioCodec = audioCodec;
        this.rotation = rotation;
    }

    public boolean variableFrameRate() {
        return this == SCREEN_RECORDING_VFR;
    }

    public Path write(Path directory) throws IOException {
        return write(directory, seconds);
    }

    /** This shape at another length, such as a cut long enough to interrupt. */
    public Path write(Path directory, double lasting) throws IOException {
        Path file = directory.resolve(fileName);
        if (this == ODD_DIMENSIONS) {
            return writeY4m(file, lasting);
        }
        try (FFmpegFrameGrabber picture = lavfi("testsrc2=size=" + width + "x" + height + ":rate=" + frameRate + ":duration=" + lasting);
                FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, audioChannels)) {
            int sourceFormat = pixelFormat == AV_PIX_FMT_YUV444P ? AV_PIX_FMT_YUV444P : AV_PIX_FMT_YUV420P;
            picture.setPixelFormat(sourceFormat);
            picture.start();
            recorder.setFormat(format);
            recorder.setVideoCodec(videoCodec);
            recorder.setPixelFormat(pixelFormat);
            recorder.setFrameRate(frameRate);
            recorder.setVideoOption("preset", "ultrafast");
            if (rotation != 0) {
                // FFmpeg's display matrix turns counter-clockwise.
                recorder.setDisplayRotation(-rotation);
            }
            if (audioChannels > 0) {
                recorder.setAudioCodec(audioCodec);
                recorder.setSampleRate(48_000);
            }
            recorder.start();
            Frame frame;
            int index = 0;
            while ((frame = picture.grab()) != null) {
                if (variableFrameRate()) {
                    // A screen recorder writes a picture only when the screen changes: here, irregularly.
                    if (index % 3 == 1) {
                        index++;
                        continue;
                    }
                    recorder.setTimestamp(frame.timestamp);
                }
                recorder.record(frame, sourceFormat);
                index++;
            }
            if (audioChannels > 0) {
                try (FFmpegFrameGrabber tone = lavfi("sine=frequency=440:sample_rate=48000:duration=" + lasting + ",volume="
                        + TONE_VOLUME + (audioChannels == 2 ? ",pan=stereo|c0=c0|c1=c0" : ""))) {
                    tone.start();
                    for (Frame samples = tone.grabSamples(); samples != null; samples = tone.grabSamples()) {
                        recorder.record(samples);
                    }
                }
            }
            recorder.stop();
        }
        return file;
    }

    /** YUV4MPEG: a text header, then each frame's three full-size 4:4:4 planes; a bright bar moves across. */
    private Path writeY4m(Path file, double lasting) throws IOException {
        int frames = (int) Math.round(lasting * frameRate);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write(("YUV4MPEG2 W" + width + " H" + height + " F" + (int) frameRate + ":1 Ip A1:1 C444\n").getBytes(StandardCharsets.US_ASCII));
            byte[] luma = new byte[width * height];
            byte[] chroma = new byte[width * height];
            Arrays.fill(chroma, (byte) 128);
            for (int frame = 0; frame < frames; frame++) {
                int bar = frame * width / frames;
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        luma[y * width + x] = (byte) (Math.abs(x - bar) < 8 ? 235 : 16 + (x + y) % 200);
                    }
                }
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(luma);
                out.write(chroma);
                out.write(chroma);
            }
        }
        return file;
    }

    private static FFmpegFrameGrabber lavfi(String graph) {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(graph);
        grabber.setFormat("lavfi");
        return grabber;
    }

    /** Files no producer should get through, each with the reason the platform gives. */
    public enum Unplayable {
        AUDIO_ONLY("voice-note.m4a", "no video track"),
        STILL_IMAGE("frame.png", "still image"),
        TEXT("notes.txt", "text file"),
        TRUNCATED("interrupted.mp4", "cut short"),
        /** A playlist naming a video elsewhere on the server's disk: FFmpeg must not go and read it. */
        PLAYLIST("segments.m3u8", "not a video format");

        public final String fileName;
        public final String reason;

        Unplayable(String fileName, String reason) {
            this.fileName = fileName;
            this.reason = reason;
        }

        public Path write(Path directory) throws IOException {
            Path file = directory.resolve(fileName);
            switch (this) {
                case AUDIO_ONLY -> {
                    try (FFmpegFrameGrabber tone = lavfi("sine=frequency=440:sample_rate=48000:duration=1");
                            FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 1)) {
                        tone.start();
                        recorder.setFormat("ipod");
                        recorder.setAudioCodec(AV_CODEC_ID_AAC);
                        recorder.setSampleRate(48_000);
                        recorder.start();
                        for (Frame samples = tone.grabSamples(); samples != null; samples = tone.grabSamples()) {
                            recorder.record(samples);
                        }
                        recorder.stop();
                    }
                }
                case STILL_IMAGE -> {
                    try (FFmpegFrameGrabber picture = lavfi("testsrc2=size=640x360:rate=1:duration=1");
                            FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 640, 360, 0)) {
                        picture.setPixelFormat(AV_PIX_FMT_RGB24);
                        picture.start();
                        recorder.setFormat("image2");
                        recorder.setOption("update", "1");
                        recorder.setVideoCodec(AV_CODEC_ID_PNG);
                        recorder.setPixelFormat(AV_PIX_FMT_RGB24);
                        recorder.start();
                        recorder.record(picture.grabImage(), AV_PIX_FMT_RGB24);
                        recorder.stop();
                    }
                }
                case TEXT -> Files.writeString(file, "INT. BUS STOP - NIGHT\nA queue in the rain.\n".repeat(200));
                case TRUNCATED -> {
                    Path whole = LANDSCAPE.write(directory);
                    byte[] bytes = Files.readAllBytes(whole);
                    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
                    Files.delete(whole);
                }
                case PLAYLIST -> {
                    // The test and the server share the machine, as a server's own files would be there.
                    Path elsewhere = TestMedia.NO_AUDIO.write(Files.createDirectories(directory.resolve("elsewhere")));
                    // One control byte, as binary files have, gets past the check for text before FFmpeg.
                    Files.writeString(file, "#EXTM3U\n#\u0001\n#EXT-X-TARGETDURATION:2\n#EXTINF:1.0,\nfile://"
                            + elsewhere.toAbsolutePath() + "\n#EXT-X-ENDLIST\n");
                }
                default -> throw new IllegalStateException(name());
            }
            return file;
        }
    }
}
