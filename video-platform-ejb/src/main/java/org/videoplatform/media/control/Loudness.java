package org.videoplatform.media.control;

/**
 * A programme's loudness as EBU R 128 measures it.
 *
 * @param integratedLufs gated loudness over the whole programme
 * @param truePeakDbtp highest inter-sample peak over all channels
 */
public record Loudness(double integratedLufs, double truePeakDbtp) {

    /** Where delivery audio lands: the level the big platforms normalise to, with headroom for their encoders. */
    public static final double TARGET_LUFS = -14;
    public static final double TRUE_PEAK_CEILING_DBTP = -1;
    /** Below this there is nothing but silence to raise; R 128's absolute gate is -70 LUFS. */
    private static final double SILENCE_LUFS = -60;
    private static final double MAX_GAIN_DB = 30;

    /**
     * The one gain that brings the programme to the target without its true peak passing the
     * ceiling. A linear gain keeps the mix as the editor made it; when the peak would clip, the
     * programme stays below the target rather than being compressed.
     */
    public double normalisingGainDb() {
        if (integratedLufs < SILENCE_LUFS) {
            return 0;
        }
        return Math.min(MAX_GAIN_DB, Math.min(TARGET_LUFS - integratedLufs, TRUE_PEAK_CEILING_DBTP - truePeakDbtp));
    }
}
