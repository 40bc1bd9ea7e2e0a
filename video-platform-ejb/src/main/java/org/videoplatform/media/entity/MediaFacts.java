package org.videoplatform.media.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** What probing an uploaded file found: enough to plan its outputs and to tell a producer what they sent. */
@Embeddable
public class MediaFacts {

    private String container;

    @Column(name = "video_codec")
    private String videoCodec;

    /** Null when the file has no sound. */
    @Column(name = "audio_codec")
    private String audioCodec;

    @Column(name = "duration_micros")
    private Long durationMicros;

    /** As stored, before rotation. */
    private Integer width;

    private Integer height;

    @Column(name = "frame_rate")
    private Double frameRate;

    @Column(name = "variable_frame_rate")
    private Boolean variableFrameRate;

    /** Clockwise degrees a player turns the picture: 0, 90, 180 or 270. */
    private Integer rotation;

    @Column(name = "pixel_format")
    private String pixelFormat;

    @Column(name = "bit_depth")
    private Integer bitDepth;

    @Column(name = "audio_channels")
    private Integer audioChannels;

    @Column(name = "sample_rate")
    private Integer sampleRate;

    @Column(name = "bit_rate")
    private Long bitRate;

    @Column(name = "loudness_lufs")
    private Double loudnessLufs;

    @Column(name = "true_peak_dbtp")
    private Double truePeakDbtp;

    protected MediaFacts() {
        // for JPA
    }

    public MediaFacts(String container, String videoCodec, String audioCodec, long durationMicros, int width, int height,
            double frameRate, boolean variableFrameRate, int rotation, String pixelFormat, int bitDepth,
            int audioChannels, int sampleRate, long bitRate) {
        this.container = container;
        this.videoCodec = videoCodec;
        this.audioCodec = audioCodec;
        this.durationMicros = durationMicros;
        this.width = width;
        this.height = height;
        this.frameRate = frameRate;
        this.variableFrameRate = variableFrameRate;
        this.rotation = rotation;
        this.pixelFormat = pixelFormat;
        this.bitDepth = bitDepth;
        this.audioChannels = audioChannels;
        this.sampleRate = sampleRate;
        this.bitRate = bitRate;
    }

    public void loudness(double integratedLufs, double truePeakDbtp) {
        this.loudnessLufs = integratedLufs;
        this.truePeakDbtp = truePeakDbtp;
    }

    public boolean hasAudio() {
        return audioCodec != null;
    }

    public boolean turnedSideways() {
        return rotation == 90 || rotation == 270;
    }

    /** Width as a viewer sees it, after rotation. */
    public int displayWidth() {
        return turnedSideways() ? height : width;
    }

    public int displayHeight() {
        return turnedSideways() ? width : height;
    }

    public String container() {
        return container;
    }

    public String videoCodec() {
        return videoCodec;
    }

    public String audioCodec() {
        return audioCodec;
    }

    public long durationMicros() {
        return durationMicros;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public double frameRate() {
        return frameRate;
    }

    public boolean variableFrameRate() {
        return variableFrameRate;
    }

    public int rotation() {
        return rotation;
    }

    public String pixelFormat() {
        return pixelFormat;
    }

    public int bitDepth() {
        return bitDepth;
    }

    public int audioChannels() {
        return audioChannels;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public long bitRate() {
        return bitRate;
    }

    public Double loudnessLufs() {
        return loudnessLufs;
    }

    public Double truePeakDbtp() {
        return truePeakDbtp;
    }
}
