#pragma once
// Helpers shared by the retouch operations (red-eye, teeth-whiten): finding OpenCV's Haar cascade
// files, per-thread cascade classifiers, face / eye / mouth detection, and the masks that say which
// pixels a retouch may change. Internal to core/ops; the tests use the detection functions to
// measure the operations on the same pupils and teeth the operations work on.
//
// Thread-safety: every function may be called from any thread at the same time. Classifiers are
// loaded once per thread (thread_local), because cv::CascadeClassifier::detectMultiScale is not
// documented as safe to call concurrently on one object, and operations are shared by all workers.

#include "Operation.h"

#include <QString>
#include <QStringList>
#include <functional>
#include <opencv2/core.hpp>
#include <optional>
#include <vector>

namespace cv {
class CascadeClassifier;
}

namespace pq::ops::retouch {

// ---- cascade files -------------------------------------------------------------------------

inline constexpr const char *kFaceCascade = "haarcascade_frontalface_default.xml";
inline constexpr const char *kEyeCascade = "haarcascade_eye.xml";
inline constexpr const char *kEyeGlassesCascade = "haarcascade_eye_tree_eyeglasses.xml";
inline constexpr const char *kSmileCascade = "haarcascade_smile.xml";

// Where cascade files are looked for, in order: $PIXQUEUE_CASCADE_DIR, <app dir>/../share/pixqueue/
// haarcascades (a relocatable install), then the usual OpenCV data folders of Debian/Ubuntu
// (opencv-data), other distributions, /usr/local builds and Homebrew.
QStringList cascadeSearchDirs();

// The first `dirs` entry holding `fileName`; otherwise nullopt and `*error` says which file was
// missing, where it was looked for, and how to get it.
std::optional<QString> findCascadeFile(const QString &fileName, const QStringList &dirs,
                                       QString *error);

// This thread's classifier for `fileName` (found through cascadeSearchDirs()), loaded on first use
// and kept for the thread's lifetime. nullptr with `*error` set when the file is missing or
// unreadable.
cv::CascadeClassifier *cascade(const QString &fileName, QString *error);

// ---- pixels --------------------------------------------------------------------------------

// The colour channels of `input(roi)` as CV_32FC3 BGR in [0, 1], for 8- or 16-bit input with 3
// or 4 channels.
cv::Mat bgrFloat(const cv::Mat &input, cv::Rect roi);

// Writes `bgr` (CV_32FC3 in [0, 1], roi-sized) into `out(roi)` blended by `alpha` (CV_32F in
// [0, 1]): out = orig + alpha * (bgr - orig). Pixels where alpha is 0 are not written at all, so
// they keep their exact value; an alpha channel is never written.
void blendInto(cv::Mat &out, cv::Rect roi, const cv::Mat &bgr, const cv::Mat &alpha);

// Redness of a BGR [0, 1] pixel: r - (g + b) / 2. A flash-red pupil is about 0.5, skin about 0.15,
// a neutral highlight 0.
cv::Mat rednessMap(const cv::Mat &bgr);

// A window over a `size` rectangle that is 1 inside and falls smoothly to 0 over `margin` pixels
// at each edge, so that a correction confined to the rectangle has no hard edge at its border.
cv::Mat edgeTaper(cv::Size size, double margin);

// ---- detection -----------------------------------------------------------------------------

// Called between detection steps; returns true to stop (the job was cancelled).
using CancelCheck = std::function<bool()>;

// Frontal faces, in input coordinates. Runs on a grey copy of at most ~1280 px on the long side,
// so 16 MP photos cost what 1 MP photos do.
std::optional<Error> detectFaces(const cv::Mat &input, std::vector<cv::Rect> *faces);

// A soft mask over a rectangle of the input: which pixels a retouch changes, and how much.
struct MaskPatch
{
    cv::Rect rect; // input coordinates
    cv::Mat alpha; // CV_32F, rect-sized, 0..1; exactly 0 where nothing may change
};

struct RedEyeFinding
{
    int faces = 0;                    // faces found (auto mode)
    int eyes = 0;                     // eye regions searched
    bool fallback = false;            // the face-free red-blob scan supplied the eye regions
    std::vector<cv::Rect> eyeRegions; // where pupils were looked for (input coordinates)
    std::vector<MaskPatch> pupils;    // red pupils found, each inside one eye region
};

// Auto mode (`manualEyes` null or empty): faces, then eyes inside them (two cascades); faces
// without a detected eye get the two eye areas a frontal face has; with no face at all, a scan for
// round red blobs that the eye cascade confirms. Manual mode: the given rectangles are the eye
// regions. Inside each eye region, the largest, reddest round blob near its centre and ringed by
// something not red (the iris) is the pupil: holes such as the highlight filled, edge feathered,
// the fringe weighted by redness so that the iris is left alone.
std::optional<Error> findRedEyes(const cv::Mat &input, const std::vector<cv::Rect> *manualEyes,
                                 const CancelCheck &cancelled, RedEyeFinding *out);

struct TeethFinding
{
    int faces = 0;                      // faces found (auto mode)
    std::vector<cv::Rect> mouthRegions; // smiles found in faces, or the manual rectangles
    std::vector<MaskPatch> teeth;       // teeth masks, each inside one mouth region
};

// Auto mode (`manualMouths` null or empty): faces, then the smile cascade in the lower half of each
// face. Inside each mouth, teeth are the bright pixels of low chroma that are not lips or gums
// (those have a high a*), framed by lips rather than by skin, and not reaching the border of the
// mouth.
std::optional<Error> findTeeth(const cv::Mat &input, const std::vector<cv::Rect> *manualMouths,
                               const CancelCheck &cancelled, TeethFinding *out);

// The teeth mask of one mouth region alone (used by findTeeth; the tests measure with it).
MaskPatch teethMask(const cv::Mat &input, cv::Rect mouth);

} // namespace pq::ops::retouch
