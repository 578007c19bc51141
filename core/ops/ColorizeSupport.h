#pragma once
// The engines behind `colorize`. Internal to core/ops.
//
// Colour is handled as CIE L*a*b* of sRGB (D65 white, L* 0..100), converted exactly (toLab,
// fromLab).
// Every engine produces only chroma (a*, b* as CV_32FC2); the operation puts it next to the
// input's own L*, so the luminance of the photo never changes.
//
// Thread-safety: the functions are pure, except the two caches, which are thread_local (one copy
// per worker thread, never shared): networkFor() because cv::dnn::Net is not safe to use from two
// threads at once, referenceFor() so that a batch does not decode its reference photo per image.

#include "Operation.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <functional>
#include <opencv2/core.hpp>
#include <opencv2/dnn.hpp>
#include <optional>
#include <vector>

namespace pq::ops::colorize {

// ---- NumPy .npy files -------------------------------------------------------------------------

struct NpyArray
{
    std::vector<int> shape;
    std::vector<float> values; // C (row-major) order, whatever order the file used
};

// Parses a NumPy .npy file (format versions 1 to 3) holding little-endian float32, float64, int32
// or int64 numbers. Returns the reason when the bytes are not such a file.
std::optional<QString> parseNpy(const QByteArray &bytes, NpyArray *out);

// ---- Zhang et al. 2016, "Colorful Image Colorization" (ECCV) ----------------------------------

// The files of the released model, all in one folder.
inline constexpr const char *kPrototxtName = "colorization_deploy_v2.prototxt";
inline constexpr const char *kCaffemodelName = "colorization_release_v2.caffemodel";
inline constexpr const char *kClusterCentresName = "pts_in_hull.npy";
QStringList modelFileNames();

// The folder used when the model-dir parameter is empty: $PIXQUEUE_COLORIZE_MODEL_DIR if set, else
// <AppDataLocation>/models/colorization.
QString defaultModelDir();

// The network of the model in `dir`, with the 313 ab cluster centres put into the "class8_ab"
// layer and the "conv8_313_rh" scale set to 2.606 (the released model's sharpening of the softmax
// for the paper's annealed-mean readout). Loaded once per thread and reused while the files stay
// the same. On failure returns nullptr and the reason (missing files are named, with the folder).
cv::dnn::Net *networkFor(const QString &dir, Error *error);

// How many times this thread has loaded a network (for tests of the cache).
int networkLoadsOnThisThread();

// Predicts a*, b* at the network's output size (56x56 for the released model) from L*
// (CV_32FC1, 0..100, any size): the input is resized to 224x224 and centred by subtracting 50.
cv::Mat predictChroma(cv::dnn::Net &net, const cv::Mat &lightness);

// ---- Colour transfer from a reference photo ---------------------------------------------------

// One jittered sample of the reference: its L*, the standard deviation of L* in its 5x5
// neighbourhood, and its chroma.
struct ReferenceSample
{
    float lightness = 0;
    float deviation = 0;
    float a = 0;
    float b = 0;
};

struct ReferenceStats
{
    double meanL = 0, stdL = 0; // of L* over the reference (working resolution)
    cv::Scalar meanAb, stdAb;   // of a*, b* over the reference
    double meanChroma = 0;      // mean sqrt(a*^2 + b*^2)
    std::vector<ReferenceSample> samples;
};

// Decodes the reference photo at `path` and measures it: at most kWorkingLongEdge pixels on the
// long side, `sampleCount` samples on a jittered grid (fixed seed: the same photo always gives the
// same samples). Cached per thread by path, size and modification time. On failure returns
// nullptr and the reason.
const ReferenceStats *referenceFor(const QString &path, int sampleCount, Error *error);

// The resolution the reference engine matches at. Chroma is smooth at this scale and film grain
// no longer dominates the 5x5 statistics; the result is scaled up to the photo's full size, where
// the photo's own L* carries the detail.
inline constexpr int kWorkingLongEdge = 1024;

// Welsh, Ashikhmin and Mueller 2002, "Transferring Color to Greyscale Images" (SIGGRAPH): the
// reference L* is remapped to the target's mean and deviation, and every target pixel takes the
// chroma of the sample closest in (L*, 5x5 deviation of L*), both weighted equally; near-ties are
// blended rather than decided by grain (see the .cpp). The match goes through a table over
// (L*, deviation) bins, so its cost does not grow with the sample count. Speckles are then removed
// (median) and the chroma is smoothed along the target's edges (guided filter). `lightness` is
// CV_32FC1 0..100. Returns CV_32FC2 of the same size, or an empty Mat when `cancelled` said so.
cv::Mat welshChroma(const cv::Mat &lightness, const ReferenceStats &ref,
                    const std::function<bool()> &cancelled);

// Reinhard, Ashikhmin, Gooch and Shirley 2001, "Color Transfer between Images": each of a*, b* is
// shifted and scaled to the reference's mean and standard deviation. A target without chroma (a
// grey photo) has no deviation to scale, so it is toned with the reference's mean colour.
// `targetAb` is CV_32FC2; returns CV_32FC2 of the same size, or 1x1 (the mean colour, for the
// caller to spread) when `targetAb` is empty because the photo is grey.
cv::Mat reinhardChroma(const cv::Mat &targetAb, const ReferenceStats &ref);

// ---- Shared -----------------------------------------------------------------------------------

// 8/16-bit gray or BGR (no alpha, sRGB) to L* (CV_32FC1) and a*, b* (CV_32FC2), D65; gray gets
// a* = b* = 0. Exact
// (the sRGB curve through a table of every input value, cube roots computed), unlike OpenCV's
// float cvtColor, whose interpolated curves are off by up to 0.23 L*: the operation promises to
// keep L*, so both directions must be exact.
// `ab` may be null when only L* is needed.
void toLab(const cv::Mat &colour, cv::Mat &lightness, cv::Mat *ab);

// L* (CV_32FC1) and a*, b* (CV_32FC2) back to BGR of `depth` (8/16-bit, rounded). A colour outside
// the sRGB gamut has its chroma shrunk, keeping its hue and L*, until it fits: clipping the RGB
// channels instead would change the luminance.
cv::Mat fromLab(const cv::Mat &lightness, const cv::Mat &ab, int depth);

// `m` scaled down (INTER_AREA) so that its long edge is at most `longEdge`; `m` itself when it is
// already small enough.
cv::Mat shrinkTo(const cv::Mat &m, int longEdge);

// He, Sun and Tang 2010 guided filter of each channel of `src` (CV_32F), guided by `guide`
// (CV_32FC1 in [0, 1]).
cv::Mat guidedFilter(const cv::Mat &guide, const cv::Mat &src, int radius, double eps);

} // namespace pq::ops::colorize
