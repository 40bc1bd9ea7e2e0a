package org.videoplatform.media.control;

import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/** A producer's file, opened for FFmpeg to read with the formats it may take it for held to those of media. */
final class UploadedMedia {

    /**
     * The demuxers of video, sound and picture files, by FFmpeg's names. Left out are playlists and
     * lists of other files (HLS, DASH, concat): an upload in one of those would have FFmpeg read
     * whatever files on the server, or addresses, it names, and put them into outputs its producer
     * downloads.
     */
    static final String FORMATS = "mov,matroska,avi,mpegts,mxf,flv,mpeg,ogg,asf,yuv4mpegpipe,dv,h264,hevc,ivf,"
            + "mp3,wav,w64,aac,flac,aiff,caf,png_pipe,jpeg_pipe,webp_pipe,gif,bmp_pipe,tiff_pipe";

    private UploadedMedia() {
    }

    static FFmpegFrameGrabber grabber(Path file) {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setOption("format_whitelist", FORMATS);
        grabber.setOption("protocol_whitelist", "file");
        return grabber;
    }
}
