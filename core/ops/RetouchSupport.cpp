#include "RetouchSupport.h"

#include "OpSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <algorithm>
#include <climits>
#include <cmath>
#include <map>
#include <memory>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>
#include <string>

namespace pq::ops::retouch {

namespace {

// The context lupdate gives tr() in a free function of namespace pq::ops::retouch
// (translations/README.md).
QString tr(const char *text)
{
    return QCoreApplication::translate("pq::ops::retouch", text);
}

double smoothstep(double edge0, double edge1, double x)
{
    const double t = std::clamp((x - edge0) / (edge1 - edge0), 0.0, 1.0);
    return t * t * (3 - 2 * t);
}

cv::Rect clampRect(cv::Rect r, cv::Size size)
{
    return r & cv::Rect(0, 0, size.width, size.height);
}

cv::Rect scaleRect(const cv::Rect &r, double s)
{
    return {int(std::lround(r.x * s)), int(std::lround(r.y * s)),
            std::max(1, int(std::lround(r.width * s))),
            std::max(1, int(std::lround(r.height * s)))};
}

cv::Point centre(const cv::Rect &r)
{
    return {r.x + r.width / 2, r.y + r.height / 2};
}

// An 8-bit grey copy of input(roi), scaled down so that its long side is at most `maxSide`, for the
// cascades. `*scale` converts its coordinates back to the input's: input = gray * scale.
cv::Mat grayForDetection(const cv::Mat &input, cv::Rect roi, int maxSide, double *scale)
{
    cv::Mat part = input(roi);
    cv::Mat gray;
    if (part.channels() == 1)
        gray = part;
    else
        cv::cvtColor(part, gray, part.channels() == 4 ? cv::COLOR_BGRA2GRAY : cv::COLOR_BGR2GRAY);
    if (gray.depth() != CV_8U)
        gray.convertTo(gray, CV_8U, gray.depth() == CV_16U ? 1.0 / 257.0 : 255.0);
    const int longSide = std::max(roi.width, roi.height);
    *scale = 1.0;
    if (longSide > maxSide) {
        *scale = double(longSide) / maxSide;
        cv::resize(gray, gray, support::scaled(roi.size(), 1.0 / *scale), 0, 0, cv::INTER_AREA);
    }
    cv::Mat equalized; // also a copy, whatever the input was
    cv::equalizeHist(gray, equalized);
    return equalized;
}

// Runs `fileName`'s cascade over input(roi). Sizes are in input pixels. `step` is the scale step
// between detection passes.
std::optional<Error> detect(const QString &fileName, const cv::Mat &input, cv::Rect roi,
                            int maxSide, int minNeighbors, cv::Size minSize, cv::Size maxSize,
                            std::vector<cv::Rect> *out, double step = 1.1)
{
    QString error;
    cv::CascadeClassifier *classifier = cascade(fileName, &error);
    if (!classifier)
        return Error{ErrorKind::Permanent, error};
    double scale = 1;
    const cv::Mat gray = grayForDetection(input, roi, maxSide, &scale);
    auto toGray = [&](cv::Size s) {
        return cv::Size(std::max(1, int(s.width / scale)), std::max(1, int(s.height / scale)));
    };
    std::vector<cv::Rect> found;
    classifier->detectMultiScale(gray, found, step, minNeighbors, 0, toGray(minSize),
                                 maxSize.empty() ? cv::Size() : toGray(maxSize));
    for (const cv::Rect &r : found) {
        cv::Rect inInput = scaleRect(r, scale);
        inInput.x += roi.x;
        inInput.y += roi.y;
        inInput = clampRect(inInput, input.size());
        if (!inInput.empty())
            out->push_back(inInput);
    }
    return std::nullopt;
}

Error cancelledError()
{
    return *support::cancelledResult().error;
}

// ---- pupils --------------------------------------------------------------------------------

// Flash red-eye: the red channel well above both others. The ratio rejects skin (r about 1.3 times
// max(g, b)) and the floor on redness rejects dark noise in shadows.
cv::Mat redPixels(const cv::Mat &bgr)
{
    cv::Mat mask(bgr.size(), CV_8U);
    for (int y = 0; y < bgr.rows; ++y) {
        const cv::Vec3f *p = bgr.ptr<cv::Vec3f>(y);
        uchar *m = mask.ptr<uchar>(y);
        for (int x = 0; x < bgr.cols; ++x) {
            const float b = p[x][0], g = p[x][1], r = p[x][2];
            m[x] = (r > 1.5f * std::max(g, b) && r - 0.5f * (g + b) > 0.07f) ? 255 : 0;
        }
    }
    return mask;
}

// How much of the correction a pixel gets: full for clearly red pixels, none for neutral ones (the
// specular highlight, the iris, the sclera), measured as r over the mean of g and b.
float redWeight(const cv::Vec3f &p)
{
    const float mean = 0.5f * (p[0] + p[1]);
    const float ratio = p[2] / std::max(mean, 1e-4f);
    return float(smoothstep(1.2, 1.7, ratio));
}

struct Blob
{
    std::vector<cv::Point> contour;
    double area = 0;
    double diameter = 0;
    cv::Rect box;
    double meanRedness = 0;
    double meanRatio = 0; // r / max(g, b)
    double ringRed = 0;   // fraction of red pixels in the ring around it
    double roundness = 0; // area over the area of the circle around its bounding box
};

// The red blobs of `bgr` (a float patch) with their measures; holes (the highlight) are filled.
std::vector<Blob> redBlobs(const cv::Mat &bgr)
{
    const cv::Mat red = redPixels(bgr);
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(red.clone(), contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_NONE);
    std::vector<Blob> blobs;
    for (auto &c : contours) {
        Blob b;
        b.box = cv::boundingRect(c);
        if (b.box.area() < 4)
            continue;
        // Measured in a small window around the blob: the blob filled, and a ring around it about
        // a third of its diameter wide.
        const double roughDiameter = std::max(b.box.width, b.box.height);
        const int grow = std::max(2, int(std::lround(roughDiameter * 0.3)));
        const cv::Rect window = clampRect(cv::Rect(b.box.x - grow, b.box.y - grow,
                                                   b.box.width + 2 * grow, b.box.height + 2 * grow),
                                          bgr.size());
        cv::Mat filled = cv::Mat::zeros(window.size(), CV_8U);
        cv::drawContours(filled, std::vector<std::vector<cv::Point>>{c}, 0, 255, cv::FILLED,
                         cv::LINE_8, cv::noArray(), INT_MAX, -window.tl());
        b.area = cv::countNonZero(filled);
        if (b.area < 4)
            continue;
        b.diameter = std::sqrt(4 * b.area / CV_PI);
        b.roundness = b.area / (CV_PI / 4 * roughDiameter * roughDiameter);
        const cv::Mat redHere = red(window);
        const cv::Mat bgrHere = bgr(window);
        double redness = 0, ratio = 0;
        int n = 0;
        for (int y = 0; y < window.height; ++y)
            for (int x = 0; x < window.width; ++x)
                if (filled.at<uchar>(y, x) && redHere.at<uchar>(y, x)) {
                    const cv::Vec3f p = bgrHere.at<cv::Vec3f>(y, x);
                    redness += p[2] - 0.5 * (p[0] + p[1]);
                    ratio += p[2] / std::max(std::max(p[0], p[1]), 0.01f);
                    ++n;
                }
        b.meanRedness = n ? redness / n : 0;
        b.meanRatio = n ? ratio / n : 0;
        cv::Mat ring;
        cv::dilate(
            filled, ring,
            cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(2 * grow + 1, 2 * grow + 1)));
        ring.setTo(0, filled);
        const int ringArea = cv::countNonZero(ring);
        b.ringRed = ringArea ? double(cv::countNonZero(ring & redHere)) / ringArea : 1.0;
        b.contour = std::move(c);
        blobs.push_back(std::move(b));
    }
    return blobs;
}

bool touchesBorder(const cv::Rect &box, cv::Size size)
{
    return box.x <= 0 || box.y <= 0 || box.br().x >= size.width || box.br().y >= size.height;
}

// Shape and colour of a flash-red pupil: round, solidly red (well beyond skin), in a ring of
// something else (the iris).
bool looksLikePupil(const Blob &b)
{
    const double aspect = double(b.box.width) / b.box.height;
    return b.roundness >= 0.45 && aspect >= 0.5 && aspect <= 2.0 && b.meanRatio >= 2.0 &&
           b.meanRedness >= 0.12 && b.ringRed <= 0.3;
}

// The pupil of one eye region, or nothing. `strict` (automatic mode): the blob must look like a
// pupil, be of a pupil's size for the region, lie near its middle and not touch its border.
// Manual mode: the user says there is an eye, so the reddest sizeable blob is taken.
std::optional<MaskPatch> pupilIn(const cv::Mat &input, cv::Rect region, bool strict)
{
    const cv::Mat bgr = bgrFloat(input, region);
    const std::vector<Blob> blobs = redBlobs(bgr);
    const double side = std::min(region.width, region.height);
    const cv::Point2d mid(region.width / 2.0, region.height / 2.0);
    const Blob *best = nullptr;
    double bestScore = 0;
    for (const Blob &b : blobs) {
        if (strict) {
            if (!looksLikePupil(b) || touchesBorder(b.box, region.size()))
                continue;
            if (b.diameter < std::max(2.5, 0.05 * side) || b.diameter > 0.6 * side)
                continue;
            const cv::Point2d c(b.box.x + b.box.width / 2.0, b.box.y + b.box.height / 2.0);
            if (std::abs(c.x - mid.x) > 0.4 * region.width ||
                std::abs(c.y - mid.y) > 0.4 * region.height)
                continue;
        } else if (b.meanRatio < 2.0 || b.meanRedness < 0.12 || b.roundness < 0.3) {
            // Manual mode: the user says there is an eye, but dark red shadows (nostrils, the
            // corner of the eye) are still not pupils.
            continue;
        }
        const double score = b.area * b.meanRedness;
        if (score > bestScore) {
            bestScore = score;
            best = &b;
        }
    }
    if (!best)
        return std::nullopt;

    // The filled blob (highlight included) is corrected in full. Around it, a band of about a
    // sixth of its diameter catches the reddish fringe at the iris; there the correction follows
    // the redness of each pixel, so the iris itself is left alone. Then the edge is feathered.
    cv::Mat core = cv::Mat::zeros(region.size(), CV_8U);
    cv::drawContours(core, std::vector<std::vector<cv::Point>>{best->contour}, 0, 255, cv::FILLED);
    const int grow = std::max(1, int(std::lround(best->diameter * 0.16)));
    cv::Mat band;
    cv::dilate(core, band,
               cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(2 * grow + 1, 2 * grow + 1)));
    cv::Mat weight(region.size(), CV_32F);
    for (int y = 0; y < weight.rows; ++y) {
        float *w = weight.ptr<float>(y);
        const cv::Vec3f *p = bgr.ptr<cv::Vec3f>(y);
        const uchar *c = core.ptr<uchar>(y);
        const uchar *b = band.ptr<uchar>(y);
        for (int x = 0; x < weight.cols; ++x)
            w[x] = c[x] ? 1.f : b[x] ? redWeight(p[x]) : 0.f;
    }
    cv::Mat alpha;
    const double sigma = std::max(0.6, best->diameter * 0.04);
    cv::GaussianBlur(weight, alpha, cv::Size(), sigma);
    // The blob itself is corrected in full. In the band, blurring spreads the weight onto the
    // iris: keep it on red pixels only.
    for (int y = 0; y < alpha.rows; ++y) {
        float *a = alpha.ptr<float>(y);
        const cv::Vec3f *p = bgr.ptr<cv::Vec3f>(y);
        const uchar *c = core.ptr<uchar>(y);
        const uchar *b = band.ptr<uchar>(y);
        for (int x = 0; x < alpha.cols; ++x) {
            const float v = c[x] ? 1.f : b[x] ? std::min(a[x], redWeight(p[x])) : 0.f;
            a[x] = v < 1e-3f ? 0.f : std::min(v, 1.f);
        }
    }
    if (!strict) // the user's rectangle may cut through the pupil: no hard edge at its border
        alpha = alpha.mul(edgeTaper(region.size(), std::max(1.0, side * 0.04)));
    return MaskPatch{region, alpha};
}

// Round red blobs over the whole image (at detection scale) that the eye cascade confirms. For
// close-ups and crops in which no face is found.
std::optional<Error> redBlobEyeRegions(const cv::Mat &input, std::vector<cv::Rect> *regions)
{
    const int maxSide = 1280;
    const double scale = std::max(1.0, double(std::max(input.cols, input.rows)) / maxSide);
    cv::Mat small;
    {
        cv::Mat colour = input;
        if (colour.channels() == 4)
            cv::cvtColor(colour, colour, cv::COLOR_BGRA2BGR);
        if (scale > 1)
            cv::resize(colour, small, support::scaled(input.size(), 1.0 / scale), 0, 0,
                       cv::INTER_AREA);
        else
            small = colour;
    }
    cv::Mat smallF;
    small.convertTo(smallF, CV_32F, small.depth() == CV_16U ? 1.0 / 65535.0 : 1.0 / 255.0);
    const double minSide = std::min(smallF.cols, smallF.rows);
    std::vector<Blob> candidates;
    for (Blob &b : redBlobs(smallF))
        if (looksLikePupil(b) && b.diameter >= std::max(3.0, minSide / 250) &&
            b.diameter <= minSide / 6)
            candidates.push_back(std::move(b));
    if (candidates.empty())
        return std::nullopt;

    // Most photos have no red blobs at all; a red pattern may have many. The largest are checked.
    std::sort(candidates.begin(), candidates.end(),
              [](const Blob &x, const Blob &y) { return x.area > y.area; });
    if (candidates.size() > 16)
        candidates.resize(16);

    // The eye cascade confirms a candidate, in a window around it only: an eye is some 3 to 8
    // pupils wide.
    for (const Blob &b : candidates) {
        const cv::Rect box = scaleRect(b.box, scale);
        const cv::Point c = centre(box);
        const double d = std::max(b.diameter * scale, 2.0);
        const int reach = int(std::lround(6 * d));
        const cv::Rect window =
            clampRect(cv::Rect(c.x - reach, c.y - reach, 2 * reach, 2 * reach), input.size());
        const int minEye = std::max(10, int(std::lround(2.5 * d)));
        std::vector<cv::Rect> eyes;
        for (const char *file : {kEyeCascade, kEyeGlassesCascade}) {
            if (auto err = detect(QLatin1String(file), input, window, 240, 3,
                                  cv::Size(minEye, minEye), cv::Size(), &eyes))
                return err;
            const bool confirmed = std::any_of(eyes.begin(), eyes.end(), [&](const cv::Rect &e) {
                return e.contains(c) && d <= 0.6 * e.width && d >= 0.04 * e.width;
            });
            if (!confirmed)
                continue;
            const int half = int(std::lround(std::max(1.6 * d, 4.0)));
            const cv::Rect region =
                clampRect(cv::Rect(c.x - half, c.y - half, 2 * half, 2 * half), input.size());
            if (!region.empty())
                regions->push_back(region);
            break;
        }
    }
    return std::nullopt;
}

// Eye boxes inside a face: two cascades (plain and with glasses) over the upper part of the face,
// duplicates dropped.
std::optional<Error> eyesInFace(const cv::Mat &input, const cv::Rect &face,
                                std::vector<cv::Rect> *eyes)
{
    const cv::Rect upper = clampRect(
        cv::Rect(face.x, face.y + face.height / 8, face.width, face.height / 2), input.size());
    std::vector<cv::Rect> found;
    const cv::Size minEye(std::max(8, face.width / 10), std::max(8, face.width / 10));
    const cv::Size maxEye(face.width / 2, face.width / 2);
    for (const char *file : {kEyeCascade, kEyeGlassesCascade})
        if (auto err = detect(QLatin1String(file), input, upper, 400, 3, minEye, maxEye, &found))
            return err;
    std::sort(found.begin(), found.end(),
              [](const cv::Rect &a, const cv::Rect &b) { return a.area() > b.area(); });
    for (const cv::Rect &e : found) {
        const bool duplicate = std::any_of(eyes->begin(), eyes->end(), [&](const cv::Rect &k) {
            return k.contains(centre(e)) || e.contains(centre(k));
        });
        if (!duplicate)
            eyes->push_back(e);
    }
    return std::nullopt;
}

// ---- teeth ---------------------------------------------------------------------------------

// The mouth of a face: the smile cascade in its lower half. Overlapping smile boxes are one mouth;
// of several, the largest wins (the others are chins and cheek folds).
std::optional<Error> mouthInFace(const cv::Mat &input, const cv::Rect &face,
                                 std::optional<cv::Rect> *mouth)
{
    const cv::Rect lower = clampRect(
        cv::Rect(face.x, face.y + face.height / 2, face.width, face.height * 6 / 10), input.size());
    if (lower.width < 8 || lower.height < 8)
        return std::nullopt;
    std::vector<cv::Rect> smiles;
    // The smile cascade fires on any horizontal dark-light edge at low minNeighbors; 15 keeps the
    // real mouths of the portraits in tests/data and drops chins, cheek folds and collars.
    if (auto err = detect(QLatin1String(kSmileCascade), input, lower, 400, 15,
                          cv::Size(face.width / 5, face.height / 10), cv::Size(), &smiles))
        return err;
    std::vector<cv::Rect> groups;
    for (const cv::Rect &s : smiles) {
        bool merged = false;
        for (cv::Rect &g : groups)
            if ((g & s).area() > 0) {
                g |= s;
                merged = true;
                break;
            }
        if (!merged)
            groups.push_back(s);
    }
    if (groups.empty())
        return std::nullopt;
    const cv::Rect best =
        *std::max_element(groups.begin(), groups.end(),
                          [](const cv::Rect &a, const cv::Rect &b) { return a.area() < b.area(); });
    // A little room around the smile box, so that its border lies on skin, not on teeth.
    const int mx = best.width / 10;
    const int my = best.height / 8;
    *mouth =
        clampRect(cv::Rect(best.x - mx, best.y - my, best.width + 2 * mx, best.height + 2 * my),
                  input.size());
    return std::nullopt;
}

} // namespace

// ---- cascade files ---------------------------------------------------------------------------

QStringList cascadeSearchDirs()
{
    QStringList dirs;
    const QString env = qEnvironmentVariable("PIXQUEUE_CASCADE_DIR");
    if (!env.isEmpty())
        dirs << env;
    // Worked out once: the cascades are looked up from worker threads.
    static const QString besideApp =
        QCoreApplication::instance()
            ? QDir::cleanPath(QCoreApplication::applicationDirPath() +
                              QStringLiteral("/../share/pixqueue/haarcascades"))
            : QString();
    if (!besideApp.isEmpty())
        dirs << besideApp;
    dirs << QStringLiteral("/usr/share/opencv4/haarcascades")
         << QStringLiteral("/usr/share/opencv/haarcascades")
         << QStringLiteral("/usr/local/share/opencv4/haarcascades")
         << QStringLiteral("/opt/homebrew/share/opencv4/haarcascades");
    return dirs;
}

std::optional<QString> findCascadeFile(const QString &fileName, const QStringList &dirs,
                                       QString *error)
{
    for (const QString &dir : dirs) {
        const QString path = QDir(dir).filePath(fileName);
        if (QFileInfo(path).isFile())
            return path;
    }
    if (error)
        *error = tr("the OpenCV cascade file %1 was not found in %2; install OpenCV's data files "
                    "(Debian/Ubuntu package opencv-data) or set PIXQUEUE_CASCADE_DIR to the "
                    "folder that holds it")
                     .arg(fileName, dirs.join(QStringLiteral(", ")));
    return std::nullopt;
}

// Not "cv::CascadeClassifier *cascade(...)": lupdate would take cv for the context of its tr().
using CascadeClassifier = cv::CascadeClassifier;

CascadeClassifier *cascade(const QString &fileName, QString *error)
{
    const auto path = findCascadeFile(fileName, cascadeSearchDirs(), error);
    if (!path)
        return nullptr;
    // One classifier per thread and file: detectMultiScale keeps per-call state in the object.
    thread_local std::map<std::string, std::unique_ptr<cv::CascadeClassifier>> loaded;
    const std::string key = QFile::encodeName(*path).toStdString();
    auto it = loaded.find(key);
    if (it == loaded.end()) {
        auto classifier = std::make_unique<cv::CascadeClassifier>();
        bool ok = false;
        try {
            ok = classifier->load(key);
        } catch (const cv::Exception &) {
            ok = false;
        }
        if (!ok || classifier->empty()) {
            if (error)
                *error = tr("the OpenCV cascade file %1 could not be read; reinstall OpenCV's "
                            "data files (Debian/Ubuntu package opencv-data)")
                             .arg(*path);
            return nullptr;
        }
        it = loaded.emplace(key, std::move(classifier)).first;
    }
    return it->second.get();
}

// ---- pixels --------------------------------------------------------------------------------

cv::Mat bgrFloat(const cv::Mat &input, cv::Rect roi)
{
    cv::Mat part = input(roi);
    cv::Mat bgr;
    if (part.channels() == 4)
        cv::cvtColor(part, bgr, cv::COLOR_BGRA2BGR);
    else
        bgr = part;
    cv::Mat f;
    bgr.convertTo(f, CV_32F, input.depth() == CV_16U ? 1.0 / 65535.0 : 1.0 / 255.0);
    return f;
}

void blendInto(cv::Mat &out, cv::Rect roi, const cv::Mat &bgr, const cv::Mat &alpha)
{
    const cv::Mat orig = bgrFloat(out, roi);
    cv::Mat alpha3;
    cv::merge(std::vector<cv::Mat>{alpha, alpha, alpha}, alpha3);
    const cv::Mat blended = orig + (bgr - orig).mul(alpha3);
    const double maxValue = out.depth() == CV_16U ? 65535.0 : 255.0;
    cv::Mat converted;
    blended.convertTo(converted, out.depth(), maxValue); // rounds and saturates
    const cv::Mat changed = alpha > 0;
    cv::Mat target = out(roi);
    if (out.channels() == 3) {
        converted.copyTo(target, changed);
        return;
    }
    std::vector<cv::Mat> channels;
    cv::split(converted, channels);
    cv::Mat keptAlpha;
    cv::extractChannel(target, keptAlpha, 3);
    channels.push_back(keptAlpha);
    cv::Mat withAlpha;
    cv::merge(channels, withAlpha);
    withAlpha.copyTo(target, changed);
}

cv::Mat rednessMap(const cv::Mat &bgr)
{
    std::vector<cv::Mat> ch;
    cv::split(bgr, ch);
    return ch[2] - 0.5 * (ch[0] + ch[1]);
}

cv::Mat edgeTaper(cv::Size size, double margin)
{
    cv::Mat w(size, CV_32F);
    for (int y = 0; y < size.height; ++y) {
        const double dy = std::min(y + 0.5, size.height - y - 0.5);
        float *row = w.ptr<float>(y);
        for (int x = 0; x < size.width; ++x) {
            const double dx = std::min(x + 0.5, size.width - x - 0.5);
            row[x] = float(smoothstep(0, margin, std::min(dx, dy)));
        }
    }
    return w;
}

// ---- detection -----------------------------------------------------------------------------

std::optional<Error> detectFaces(const cv::Mat &input, std::vector<cv::Rect> *faces)
{
    // Faces of a twentieth of the short side and up; a scale step of 1.15 finds the same faces as
    // 1.1 on the test photos in two thirds of the time.
    const int minFace = std::max(24, std::min(input.cols, input.rows) / 20);
    return detect(QLatin1String(kFaceCascade), input, cv::Rect(0, 0, input.cols, input.rows), 1280,
                  5, cv::Size(minFace, minFace), cv::Size(), faces, 1.15);
}

std::optional<Error> findRedEyes(const cv::Mat &input, const std::vector<cv::Rect> *manualEyes,
                                 const CancelCheck &cancelled, RedEyeFinding *out)
{
    *out = RedEyeFinding{};
    if (input.channels() < 3)
        return std::nullopt;
    const bool manual = manualEyes && !manualEyes->empty();
    if (manual) {
        for (const cv::Rect &r : *manualEyes) {
            const cv::Rect region = clampRect(r, input.size());
            if (!region.empty())
                out->eyeRegions.push_back(region);
        }
    } else {
        std::vector<cv::Rect> faces;
        if (auto err = detectFaces(input, &faces))
            return err;
        out->faces = int(faces.size());
        for (const cv::Rect &face : faces) {
            if (cancelled && cancelled())
                return cancelledError();
            std::vector<cv::Rect> eyes;
            if (auto err = eyesInFace(input, face, &eyes))
                return err;
            if (eyes.empty()) {
                // Glasses, closed or small eyes: the eye areas of a frontal face.
                const int w = face.width * 2 / 5;
                const int h = face.height * 3 / 10;
                const int y = face.y + face.height / 5;
                eyes = {cv::Rect(face.x + face.width / 10, y, w, h),
                        cv::Rect(face.x + face.width / 2, y, w, h)};
            }
            for (const cv::Rect &e : eyes)
                out->eyeRegions.push_back(clampRect(e, input.size()));
        }
        if (faces.empty()) {
            if (auto err = redBlobEyeRegions(input, &out->eyeRegions))
                return err;
            out->fallback = !out->eyeRegions.empty();
        }
    }
    out->eyes = int(out->eyeRegions.size());
    for (const cv::Rect &region : out->eyeRegions) {
        if (cancelled && cancelled())
            return cancelledError();
        if (region.width < 3 || region.height < 3)
            continue;
        if (auto pupil = pupilIn(input, region, !manual))
            out->pupils.push_back(std::move(*pupil));
    }
    return std::nullopt;
}

MaskPatch teethMask(const cv::Mat &input, cv::Rect mouth)
{
    mouth = clampRect(mouth, input.size());
    MaskPatch patch{mouth, cv::Mat::zeros(mouth.size(), CV_32F)};
    if (mouth.width < 8 || mouth.height < 6 || input.channels() < 3)
        return patch;
    cv::Mat lab;
    cv::cvtColor(bgrFloat(input, mouth), lab, cv::COLOR_BGR2Lab);
    std::vector<cv::Mat> channels;
    cv::split(lab, channels);
    const cv::Mat &L = channels[0];
    const cv::Mat &A = channels[1];
    cv::Mat chroma;
    cv::magnitude(channels[1], channels[2], chroma);

    // The mouth's typical redness (skin and lips): teeth are well below it whatever the light.
    std::vector<float> as(A.begin<float>(), A.end<float>());
    std::nth_element(as.begin(), as.begin() + as.size() / 2, as.end());
    const float aGate = std::max(10.f, as[as.size() / 2] - 4.f);

    // Whiteness: bright and colourless. Teeth score well above the skin around the mouth even
    // where the skin is as bright (it has more chroma), and far above lips and the dark inside.
    cv::Mat score;
    cv::Mat(2.0 * (L - chroma) + 40.0).convertTo(score, CV_8U); // saturates
    // Lips and gums have a high a*; teeth are a little yellow at most.
    const cv::Mat candidate = (L > 40) & (A < aGate) & (channels[2] > -12) & (chroma < 32);
    // Otsu between "teeth" and "everything else in the mouth box", on the whiteness score.
    cv::Mat bright;
    const double level = cv::threshold(score, bright, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    const cv::Mat open3 = cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(3, 3));
    cv::Mat mask = bright & candidate;
    cv::morphologyEx(mask, mask, cv::MORPH_OPEN, open3);

    // Teeth are framed by lips (and gums, and the dark inside of the mouth): most of a thin ring
    // around them is clearly redder, or darker. Bright skin (cheeks, chin, beard gaps) is framed by
    // more skin; whatever reaches the border of the box is skin too.
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(mask.clone(), contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    const int ringWidth = std::max(2, mouth.height / 12);
    const cv::Mat ringKernel = cv::getStructuringElement(
        cv::MORPH_ELLIPSE, cv::Size(2 * ringWidth + 1, 2 * ringWidth + 1));
    struct Piece
    {
        cv::Mat filled;
        cv::Rect box;
        double area;
    };
    std::vector<Piece> pieces;
    for (size_t i = 0; i < contours.size(); ++i) {
        const cv::Rect box = cv::boundingRect(contours[i]);
        const double area = cv::contourArea(contours[i]);
        if (touchesBorder(box, mouth.size()) || area < 0.003 * mouth.area())
            continue;
        cv::Mat filled = cv::Mat::zeros(mouth.size(), CV_8U);
        cv::drawContours(filled, contours, int(i), 255, cv::FILLED);
        const cv::Scalar inside = cv::mean(lab, filled & mask);
        cv::Mat ring;
        cv::dilate(filled, ring, ringKernel);
        ring.setTo(0, filled);
        const double ringPixels = std::max(1, cv::countNonZero(ring));
        const cv::Mat redder = ring & (A > inside[1] + 8);
        const cv::Mat framed = redder | (ring & (L < inside[0] - 15));
        const double redderFraction = cv::countNonZero(redder) / ringPixels;
        const double framedFraction = cv::countNonZero(framed) / ringPixels;
        if (redderFraction >= 0.6 || (framedFraction >= 0.8 && redderFraction >= 0.3))
            pieces.push_back({filled, box, area});
    }
    if (pieces.empty())
        return patch;
    // Small pieces away from the main row of teeth are highlights on the lips.
    const Piece &main =
        *std::max_element(pieces.begin(), pieces.end(),
                          [](const Piece &x, const Piece &y) { return x.area < y.area; });
    const cv::Rect near(main.box.x - 2 * ringWidth, main.box.y - 2 * ringWidth,
                        main.box.width + 4 * ringWidth, main.box.height + 4 * ringWidth);
    cv::Mat kept = cv::Mat::zeros(mouth.size(), CV_8U);
    double total = 0;
    for (const Piece &piece : pieces) {
        if (piece.area < 0.25 * main.area && (piece.box & near).empty())
            continue;
        kept |= piece.filled;
        total += piece.area;
    }
    if (total < 0.01 * mouth.area())
        return patch;
    cv::Mat teeth = kept & mask; // filled pieces, minus the dark gaps inside them
    const float teethA = float(cv::mean(A, teeth)[0]);
    const float teethChroma = float(cv::mean(chroma, teeth)[0]);

    // Hysteresis: teeth towards the corners of the mouth are in shadow and fall below the Otsu
    // level. Grow into less white pixels of the teeth's own colour that touch the teeth found, as
    // long as the grown part stays inside the mouth (does not reach the border of the box).
    cv::Mat weak;
    cv::threshold(score, weak, std::max(0.0, level - 16), 255, cv::THRESH_BINARY);
    weak &= candidate & (A < teethA + 4) & (chroma < teethChroma + 6);
    cv::morphologyEx(weak, weak, cv::MORPH_OPEN, open3);
    cv::Mat labels;
    cv::Mat stats;
    cv::Mat centroids;
    const int n = cv::connectedComponentsWithStats(weak, labels, stats, centroids, 8, CV_32S);
    std::vector<char> touchesTeeth(size_t(n), 0);
    for (int y = 0; y < labels.rows; ++y)
        for (int x = 0; x < labels.cols; ++x)
            if (teeth.at<uchar>(y, x))
                touchesTeeth[size_t(labels.at<int>(y, x))] = 1;
    for (int i = 1; i < n; ++i) {
        const cv::Rect box(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                           stats.at<int>(i, cv::CC_STAT_WIDTH),
                           stats.at<int>(i, cv::CC_STAT_HEIGHT));
        if (touchesTeeth[size_t(i)] && !touchesBorder(box, mouth.size()))
            teeth.setTo(255, labels == i);
    }

    cv::Mat alpha;
    teeth.convertTo(alpha, CV_32F, 1.0 / 255.0);
    cv::GaussianBlur(alpha, alpha, cv::Size(), std::max(0.8, mouth.width / 150.0));
    // The feathered edge must not whiten lips or gums (redder than the teeth), nor lift the dark
    // gaps between teeth into grey.
    for (int y = 0; y < alpha.rows; ++y) {
        float *w = alpha.ptr<float>(y);
        const float *l = L.ptr<float>(y);
        const float *a = A.ptr<float>(y);
        for (int x = 0; x < alpha.cols; ++x) {
            const float v = w[x] * float((1.0 - smoothstep(teethA + 3, teethA + 10, a[x])) *
                                         smoothstep(30, 50, l[x]));
            w[x] = v < 1e-3f ? 0.f : v;
        }
    }
    patch.alpha = alpha.mul(edgeTaper(mouth.size(), std::max(1.0, mouth.height * 0.08)));
    return patch;
}

std::optional<Error> findTeeth(const cv::Mat &input, const std::vector<cv::Rect> *manualMouths,
                               const CancelCheck &cancelled, TeethFinding *out)
{
    *out = TeethFinding{};
    if (input.channels() < 3)
        return std::nullopt;
    if (manualMouths && !manualMouths->empty()) {
        for (const cv::Rect &r : *manualMouths) {
            const cv::Rect region = clampRect(r, input.size());
            if (!region.empty())
                out->mouthRegions.push_back(region);
        }
    } else {
        std::vector<cv::Rect> faces;
        if (auto err = detectFaces(input, &faces))
            return err;
        out->faces = int(faces.size());
        for (const cv::Rect &face : faces) {
            if (cancelled && cancelled())
                return cancelledError();
            std::optional<cv::Rect> mouth;
            if (auto err = mouthInFace(input, face, &mouth))
                return err;
            if (mouth && !mouth->empty())
                out->mouthRegions.push_back(*mouth);
        }
    }
    for (const cv::Rect &mouth : out->mouthRegions) {
        if (cancelled && cancelled())
            return cancelledError();
        MaskPatch teeth = teethMask(input, mouth);
        if (cv::countNonZero(teeth.alpha) > 0)
            out->teeth.push_back(std::move(teeth));
    }
    return std::nullopt;
}

} // namespace pq::ops::retouch
