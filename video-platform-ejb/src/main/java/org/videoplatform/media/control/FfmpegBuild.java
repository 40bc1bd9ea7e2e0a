package org.videoplatform.media.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.Loader;

/**
 * The FFmpeg that JavaCV loads from the server module {@code org.bytedeco.javacv}: which
 * version it is and which encoders it carries.
 */
@ApplicationScoped
public class FfmpegBuild {

    public String version() {
        Loader.load(avutil.class);
        return avutil.av_version_info().getString();
    }

    public boolean canEncode(String encoderName) {
        Loader.load(avcodec.class);
        return avcodec.avcodec_find_encoder_by_name(encoderName) != null;
    }
}
