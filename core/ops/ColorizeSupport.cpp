#include "ColorizeSupport.h"

#include "imageio/ImageIO.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QtEndian>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <opencv2/imgproc.hpp>

namespace pq::ops::colorize {

namespace {

// The context lupdate gives tr() in a free function of namespace pq::ops::colorize
// (translations/README.md).
QString tr(const char *text)
{
    return QCoreApplication::translate("pq::ops::colorize", text);
}

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// ---- .npy -------------------------------------------------------------------------------------

template <typename T>
void readLittleEndian(const char *data, qsizetype count, std::vector<float> &out)
{
    out.resize(size_t(count));
    for (qsizetype i = 0; i < count; ++i)
        out[size_t(i)] = float(qFromLittleEndian<T>(data + i * qsizetype(sizeof(T))));
}

// Values of a float64 file are read as their bit pattern first: qFromLittleEndian has no
// floating-point overloads on every Qt version.
void readLittleEndianDouble(const char *data, qsizetype count, std::vector<float> &out)
{
    out.resize(size_t(count));
    for (qsizetype i = 0; i < count; ++i) {
        const quint64 bits = qFromLittleEndian<quint64>(data + i * 8);
        double v;
        std::memcpy(&v, &bits, sizeof v);
        out[size_t(i)] = float(v);
    }
}

void readLittleEndianFloat(const char *data, qsizetype count, std::vector<float> &out)
{
    out.resize(size_t(count));
    for (qsizetype i = 0; i < count; ++i) {
        const quint32 bits = qFromLittleEndian<quint32>(data + i * 4);
        float v;
        std::memcpy(&v, &bits, sizeof v);
        out[size_t(i)] = v;
    }
}

// ---- CIE L*a*b* of sRGB ------------------------------------------------------------------------

// sRGB primaries (IEC 61966-2-1) with D65 white. The white point is taken as the matrix's row sums
// and the inverse is computed from the same matrix, so grey maps to a* = b* = 0 and the round trip
// is exact to float precision.
struct SrgbSpace
{
    cv::Matx33f toXyz;
    cv::Matx33f toRgb;
    float whiteX = 1, whiteZ = 1;
    // linear -> sRGB-encoded, sampled at kEncodeSteps + 1 points and interpolated linearly: the
    // error stays below 1e-5, under a 16-bit level.
    static constexpr int kEncodeSteps = 16384;
    std::vector<float> encode;
};

double srgbDecode(double v)
{
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

double srgbEncode(double v)
{
    return v <= 0.0031308 ? 12.92 * v : 1.055 * std::pow(v, 1.0 / 2.4) - 0.055;
}

const SrgbSpace &srgb()
{
    static const SrgbSpace space = [] {
        const cv::Matx33d m(0.4124564, 0.3575761, 0.1804375, //
                            0.2126729, 0.7151522, 0.0721750, //
                            0.0193339, 0.1191920, 0.9503041);
        SrgbSpace s;
        s.toXyz = cv::Matx33f(m);
        s.toRgb = cv::Matx33f(m.inv());
        s.whiteX = float(m(0, 0) + m(0, 1) + m(0, 2));
        s.whiteZ = float(m(2, 0) + m(2, 1) + m(2, 2));
        s.encode.resize(SrgbSpace::kEncodeSteps + 1);
        for (int i = 0; i <= SrgbSpace::kEncodeSteps; ++i)
            s.encode[size_t(i)] = float(srgbEncode(double(i) / SrgbSpace::kEncodeSteps));
        return s;
    }();
    return space;
}

// sRGB-encoded integer value -> linear light, exact for every 8- or 16-bit value.
const std::vector<float> &decodeTable(int depth)
{
    auto make = [](int levels) {
        std::vector<float> t(static_cast<size_t>(levels));
        for (int i = 0; i < levels; ++i)
            t[size_t(i)] = float(srgbDecode(double(i) / (levels - 1)));
        return t;
    };
    static const std::vector<float> eight = make(256);
    static const std::vector<float> sixteen = make(65536);
    return depth == CV_16U ? sixteen : eight;
}

inline float encodeLinear(const SrgbSpace &s, float v)
{
    const float f = std::clamp(v, 0.0f, 1.0f) * SrgbSpace::kEncodeSteps;
    const int i = std::min(int(f), SrgbSpace::kEncodeSteps - 1);
    const float t = f - float(i);
    return s.encode[size_t(i)] + t * (s.encode[size_t(i) + 1] - s.encode[size_t(i)]);
}

// CIE 1976: f(t) = cbrt(t) above (6/29)^3, a line below.
inline float labF(float t)
{
    constexpr float e = (6.0f / 29.0f) * (6.0f / 29.0f) * (6.0f / 29.0f);
    return t > e ? std::cbrt(t) : t * (841.0f / 108.0f) + 4.0f / 29.0f;
}

inline float labFInverse(float t)
{
    constexpr float delta = 6.0f / 29.0f;
    return t > delta ? t * t * t : 3.0f * delta * delta * (t - 4.0f / 29.0f);
}

inline cv::Vec3f linearRgb(const SrgbSpace &s, float L, float a, float b)
{
    const float fy = (L + 16.0f) / 116.0f;
    const cv::Vec3f xyz(s.whiteX * labFInverse(fy + a / 500.0f), labFInverse(fy),
                        s.whiteZ * labFInverse(fy - b / 200.0f));
    return s.toRgb * xyz;
}

inline bool insideGamut(const cv::Vec3f &rgb)
{
    constexpr float lo = -1e-5f;
    constexpr float hi = 1.0f + 1e-5f;
    return rgb[0] >= lo && rgb[0] <= hi && rgb[1] >= lo && rgb[1] <= hi && rgb[2] >= lo &&
           rgb[2] <= hi;
}

// L* of a grey pixel (R = G = B) for every 8- or 16-bit value.
const std::vector<float> &greyLightnessTable(int depth)
{
    auto make = [](int depth) {
        const std::vector<float> &linear = decodeTable(depth);
        std::vector<float> t(linear.size());
        for (size_t i = 0; i < t.size(); ++i)
            t[i] = 116.0f * labF(linear[i]) - 16.0f;
        return t;
    };
    static const std::vector<float> eight = make(CV_8U);
    static const std::vector<float> sixteen = make(CV_16U);
    return depth == CV_16U ? sixteen : eight;
}

template <typename T>
void toLabRows(const cv::Mat &colour, cv::Mat &lightness, cv::Mat *ab, const cv::Range &rows)
{
    const SrgbSpace &s = srgb();
    const std::vector<float> &linear = decodeTable(colour.depth());
    const std::vector<float> &greyL = greyLightnessTable(colour.depth());
    const bool grey = colour.channels() == 1;
    for (int y = rows.start; y < rows.end; ++y) {
        const T *in = colour.ptr<T>(y);
        float *L = lightness.ptr<float>(y);
        cv::Vec2f *c = ab ? ab->ptr<cv::Vec2f>(y) : nullptr;
        for (int x = 0; x < colour.cols; ++x) {
            if (grey) {
                L[x] = greyL[in[x]];
                if (c)
                    c[x] = cv::Vec2f(0.0f, 0.0f);
                continue;
            }
            const T *p = in + 3 * x; // B, G, R
            const cv::Vec3f xyz = s.toXyz * cv::Vec3f(linear[p[2]], linear[p[1]], linear[p[0]]);
            const float fy = labF(xyz[1]);
            L[x] = 116.0f * fy - 16.0f;
            if (c) {
                const float fx = labF(xyz[0] / s.whiteX);
                const float fz = labF(xyz[2] / s.whiteZ);
                c[x] = cv::Vec2f(500.0f * (fx - fy), 200.0f * (fy - fz));
            }
        }
    }
}

template <typename T>
void fromLabRows(const cv::Mat &lightness, const cv::Mat &ab, cv::Mat &out, const cv::Range &rows)
{
    const SrgbSpace &s = srgb();
    const float maxValue = out.depth() == CV_16U ? 65535.0f : 255.0f;
    for (int y = rows.start; y < rows.end; ++y) {
        const float *L = lightness.ptr<float>(y);
        const cv::Vec2f *c = ab.ptr<cv::Vec2f>(y);
        T *o = out.ptr<T>(y);
        for (int x = 0; x < out.cols; ++x) {
            const float l = std::clamp(L[x], 0.0f, 100.0f);
            cv::Vec3f rgb = linearRgb(s, l, c[x][0], c[x][1]);
            if (!insideGamut(rgb)) {
                // Grey (scale 0) is always inside; bisect for the largest scale of the chroma
                // that is. 16 steps leave under 0.002% of it on the table.
                float lo = 0.0f;
                float hi = 1.0f;
                for (int i = 0; i < 16; ++i) {
                    const float t = 0.5f * (lo + hi);
                    if (insideGamut(linearRgb(s, l, t * c[x][0], t * c[x][1])))
                        lo = t;
                    else
                        hi = t;
                }
                rgb = linearRgb(s, l, lo * c[x][0], lo * c[x][1]);
            }
            for (int k = 0; k < 3; ++k) // BGR order
                o[3 * x + k] = cv::saturate_cast<T>(encodeLinear(s, rgb[2 - k]) * maxValue);
        }
    }
}

// Standard deviation of L* in the 5x5 neighbourhood of every pixel (Welsh et al.'s texture
// statistic).
cv::Mat localDeviation(const cv::Mat &lightness)
{
    cv::Mat mean, meanSq;
    cv::boxFilter(lightness, mean, CV_32F, cv::Size(5, 5), cv::Point(-1, -1), true,
                  cv::BORDER_REFLECT);
    cv::boxFilter(lightness.mul(lightness), meanSq, CV_32F, cv::Size(5, 5), cv::Point(-1, -1), true,
                  cv::BORDER_REFLECT);
    cv::Mat variance = cv::max(meanSq - mean.mul(mean), 0.0);
    cv::Mat deviation;
    cv::sqrt(variance, deviation);
    return deviation;
}

// ---- caches -----------------------------------------------------------------------------------

struct CachedNet
{
    QString key;
    cv::dnn::Net net;
};
// A worker thread normally uses one model folder; two covers a change of folder without
// keeping every network ever used (the released model is about 130 MB).
constexpr size_t kNetsPerThread = 2;
thread_local std::vector<CachedNet> t_nets;
thread_local int t_networkLoads = 0;

struct CachedReference
{
    QString key;
    ReferenceStats stats;
};
constexpr size_t kReferencesPerThread = 4;
thread_local std::vector<CachedReference> t_references;

// Identity of a file's current content, cheaply: path, size and modification time.
QString fileKey(const QFileInfo &fi)
{
    return QStringLiteral("%1|%2|%3")
        .arg(fi.absoluteFilePath())
        .arg(fi.size())
        .arg(fi.lastModified().toMSecsSinceEpoch());
}

std::optional<QByteArray> readWhole(const QString &path, Error *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = {ErrorKind::Permanent, tr("cannot read %1: %2").arg(shown(path), f.errorString())};
        return std::nullopt;
    }
    return f.readAll();
}

} // namespace

// ---- .npy -------------------------------------------------------------------------------------

std::optional<QString> parseNpy(const QByteArray &bytes, NpyArray *out)
{
    // Format: https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html
    if (bytes.size() < 10 || !bytes.startsWith(QByteArrayLiteral("\x93NUMPY")))
        return tr("not a NumPy .npy file (it does not start with \\x93NUMPY)");
    const int major = quint8(bytes[6]);
    qsizetype headerStart = 0;
    qsizetype headerLength = 0;
    if (major == 1) {
        headerStart = 10;
        headerLength = qFromLittleEndian<quint16>(bytes.constData() + 8);
    } else if (major == 2 || major == 3) {
        if (bytes.size() < 12)
            return tr("the .npy header is truncated");
        headerStart = 12;
        headerLength = qsizetype(qFromLittleEndian<quint32>(bytes.constData() + 8));
    } else {
        return tr("unsupported .npy format version %1").arg(major);
    }
    if (headerLength > bytes.size() - headerStart)
        return tr("the .npy header is truncated");
    const QString header = QString::fromUtf8(bytes.constData() + headerStart, headerLength);

    static const QRegularExpression descrRe(
        QStringLiteral(R"(['"]descr['"]\s*:\s*['"]([^'"]*)['"])"));
    static const QRegularExpression fortranRe(
        QStringLiteral(R"(['"]fortran_order['"]\s*:\s*(True|False))"));
    static const QRegularExpression shapeRe(QStringLiteral(R"(['"]shape['"]\s*:\s*\(([^)]*)\))"));
    const auto descr = descrRe.match(header);
    const auto fortran = fortranRe.match(header);
    const auto shape = shapeRe.match(header);
    if (!header.trimmed().startsWith(QLatin1Char('{')) || !descr.hasMatch() ||
        !fortran.hasMatch() || !shape.hasMatch())
        return tr("the .npy header is malformed (expected 'descr', 'fortran_order' and 'shape'): "
                  "%1")
            .arg(header.trimmed().left(200));

    const QString type = descr.captured(1);
    int itemSize = 0;
    if (type == QLatin1String("<f4") || type == QLatin1String("<i4"))
        itemSize = 4;
    else if (type == QLatin1String("<f8") || type == QLatin1String("<i8"))
        itemSize = 8;
    else
        return tr("unsupported .npy element type '%1' (little-endian float32, float64, int32 or "
                  "int64 expected)")
            .arg(type);

    NpyArray result;
    qint64 count = 1;
    const QStringList dims = shape.captured(1).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &d : dims) {
        bool ok = false;
        const qint64 n = d.trimmed().toLongLong(&ok);
        // 2^28 elements is far beyond any array this parser is meant for and keeps the byte count
        // below qsizetype's range on 32-bit systems.
        if (!ok || n < 0 || (n > 0 && count > (qint64(1) << 28) / n))
            return tr("the .npy shape (%1) is not a valid size").arg(shape.captured(1).trimmed());
        count *= n;
        result.shape.push_back(int(n));
    }

    const qsizetype dataStart = headerStart + headerLength;
    const qint64 expected = count * itemSize;
    const qint64 actual = bytes.size() - dataStart;
    if (actual != expected)
        return tr("the .npy data holds %1 bytes, but shape (%2) of '%3' needs %4")
            .arg(actual)
            .arg(shape.captured(1).trimmed(), type)
            .arg(expected);

    const char *data = bytes.constData() + dataStart;
    std::vector<float> values;
    if (type == QLatin1String("<f4"))
        readLittleEndianFloat(data, count, values);
    else if (type == QLatin1String("<f8"))
        readLittleEndianDouble(data, count, values);
    else if (type == QLatin1String("<i4"))
        readLittleEndian<qint32>(data, count, values);
    else
        readLittleEndian<qint64>(data, count, values);
    for (float v : values)
        if (!std::isfinite(v))
            return tr("the .npy data holds a value that is not a finite number");

    if (fortran.captured(1) == QLatin1String("True") && result.shape.size() > 1) {
        // Column-major: the first index varies fastest. Reorder into row-major.
        std::vector<float> reordered(values.size());
        const size_t dimsCount = result.shape.size();
        std::vector<int> index(dimsCount, 0);
        for (size_t f = 0; f < values.size(); ++f) {
            size_t c = 0;
            for (size_t k = 0; k < dimsCount; ++k)
                c = c * size_t(result.shape[k]) + size_t(index[k]);
            reordered[c] = values[f];
            for (size_t k = 0; k < dimsCount; ++k) {
                if (++index[k] < result.shape[k])
                    break;
                index[k] = 0;
            }
        }
        values.swap(reordered);
    }
    result.values = std::move(values);
    *out = std::move(result);
    return std::nullopt;
}

// ---- Zhang et al. 2016 ------------------------------------------------------------------------

QStringList modelFileNames()
{
    return {QString::fromLatin1(kPrototxtName), QString::fromLatin1(kCaffemodelName),
            QString::fromLatin1(kClusterCentresName)};
}

QString defaultModelDir()
{
    const QString fromEnvironment = qEnvironmentVariable("PIXQUEUE_COLORIZE_MODEL_DIR");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/models/colorization");
}

int networkLoadsOnThisThread()
{
    return t_networkLoads;
}

// Not "cv::dnn::Net *networkFor(...)": lupdate would take cv::dnn for the context of its tr().
using Net = cv::dnn::Net;

Net *networkFor(const QString &dir, Error *error)
{
    const QDir folder(dir);
    const QString folderPath = folder.absolutePath();
    QStringList missing;
    QString key = folderPath;
    for (const QString &name : modelFileNames()) {
        const QFileInfo fi(folder.filePath(name));
        if (!fi.isFile())
            missing << name;
        else
            key += QLatin1Char('\n') + fileKey(fi);
    }
    if (!missing.isEmpty()) {
        const QString names = missing.join(QStringLiteral(", "));
        *error = {
            ErrorKind::Permanent,
            missing.size() == modelFileNames().size()
                ? tr("the colorization model (Zhang et al. 2016) is not installed: the folder "
                     "%1 has no %2; set model-dir or PIXQUEUE_COLORIZE_MODEL_DIR to the "
                     "folder holding these files")
                      .arg(shown(folderPath), names)
                : tr("the colorization model (Zhang et al. 2016) is incomplete: the folder %1 "
                     "has no %2; set model-dir or PIXQUEUE_COLORIZE_MODEL_DIR to a folder "
                     "holding all of %3")
                      .arg(shown(folderPath), names, modelFileNames().join(QStringLiteral(", ")))};
        return nullptr;
    }

    for (auto it = t_nets.begin(); it != t_nets.end(); ++it) {
        if (it->key == key) {
            // Most recently used last.
            std::rotate(it, it + 1, t_nets.end());
            return &t_nets.back().net;
        }
    }

    const QString prototxtPath = folder.filePath(QString::fromLatin1(kPrototxtName));
    const QString caffemodelPath = folder.filePath(QString::fromLatin1(kCaffemodelName));
    const QString hullPath = folder.filePath(QString::fromLatin1(kClusterCentresName));
    const auto prototxt = readWhole(prototxtPath, error);
    if (!prototxt)
        return nullptr;
    const auto caffemodel = readWhole(caffemodelPath, error);
    if (!caffemodel)
        return nullptr;
    const auto hullBytes = readWhole(hullPath, error);
    if (!hullBytes)
        return nullptr;

    NpyArray hull;
    if (auto why = parseNpy(*hullBytes, &hull)) {
        *error = {ErrorKind::Permanent, tr("%1: %2").arg(shown(hullPath), *why)};
        return nullptr;
    }
    if (hull.shape != std::vector<int>{313, 2}) {
        QStringList dims;
        for (int d : hull.shape)
            dims << QString::number(d);
        *error = {ErrorKind::Permanent,
                  tr("%1 holds an array of shape (%2); the 313 ab cluster centres, shape (313, 2), "
                     "are expected")
                      .arg(shown(hullPath), dims.join(QStringLiteral(", ")))};
        return nullptr;
    }

    cv::dnn::Net net;
    try {
        // From memory rather than by path, so that non-ASCII folder names work everywhere.
        net = cv::dnn::readNetFromCaffe(prototxt->constData(), size_t(prototxt->size()),
                                        caffemodel->constData(), size_t(caffemodel->size()));
    } catch (const cv::Exception &e) {
        *error = {ErrorKind::Permanent,
                  tr("cannot load the colorization model from %1 (%2, %3): %4")
                      .arg(shown(folderPath), QString::fromLatin1(kPrototxtName),
                           QString::fromLatin1(kCaffemodelName), QString::fromStdString(e.msg))};
        return nullptr;
    }
    const int classLayer = net.empty() ? -1 : net.getLayerId("class8_ab");
    const int scaleLayer = net.empty() ? -1 : net.getLayerId("conv8_313_rh");
    if (classLayer < 0 || scaleLayer < 0) {
        *error = {ErrorKind::Permanent,
                  tr("%1 is not the Zhang et al. colorization network: it has no layer '%2'")
                      .arg(shown(prototxtPath), classLayer < 0 ? QStringLiteral("class8_ab")
                                                               : QStringLiteral("conv8_313_rh"))};
        return nullptr;
    }

    // The ab readout is a 1x1 convolution whose 2x313 kernel holds the cluster centres (the
    // transpose of the file's 313x2), as in the authors' colorize.py and OpenCV's
    // samples/dnn/colorization.cpp. The released caffemodel carries neither blob.
    const int kernelShape[] = {2, 313, 1, 1};
    cv::Mat kernel(4, kernelShape, CV_32F);
    float *k = kernel.ptr<float>();
    for (int i = 0; i < 313; ++i) {
        k[i] = hull.values[size_t(i) * 2];
        k[313 + i] = hull.values[size_t(i) * 2 + 1];
    }
    net.getLayer(classLayer)->blobs = {kernel};
    // The released model's logit scale: it sharpens the softmax before the readout, close to 1/T
    // for the paper's annealed-mean temperature T = 0.38.
    net.getLayer(scaleLayer)->blobs = {cv::Mat(1, 313, CV_32F, cv::Scalar(2.606))};

    ++t_networkLoads;
    // Drop a stale network of the same folder (its files changed) and the least recently used
    // one when the cache is full.
    std::erase_if(t_nets, [&](const CachedNet &c) {
        return c.key.section(QLatin1Char('\n'), 0, 0) == folderPath;
    });
    if (t_nets.size() >= kNetsPerThread)
        t_nets.erase(t_nets.begin());
    t_nets.push_back({key, std::move(net)});
    return &t_nets.back().net;
}

cv::Mat predictChroma(cv::dnn::Net &net, const cv::Mat &lightness)
{
    constexpr int kInputSize = 224; // the released network's data_l is 1x1x224x224
    cv::Mat input;
    const bool shrinks = lightness.cols >= kInputSize && lightness.rows >= kInputSize;
    cv::resize(lightness, input, cv::Size(kInputSize, kInputSize), 0, 0,
               shrinks ? cv::INTER_AREA : cv::INTER_LINEAR);
    input -= 50.0; // the network was trained on L* centred at 50
    net.setInput(cv::dnn::blobFromImage(input));
    cv::Mat out = net.forward("class8_ab");
    if (out.dims != 4 || out.size[0] != 1 || out.size[1] != 2)
        CV_Error(cv::Error::StsUnmatchedSizes,
                 "the colorization network's class8_ab output is not 1x2xHxW");
    const int h = out.size[2];
    const int w = out.size[3];
    cv::Mat planes[] = {cv::Mat(h, w, CV_32F, out.ptr<float>(0, 0)),
                        cv::Mat(h, w, CV_32F, out.ptr<float>(0, 1))};
    cv::Mat ab;
    cv::merge(planes, 2, ab); // copies: `out` belongs to the network
    return ab;
}

// ---- Reference --------------------------------------------------------------------------------

const ReferenceStats *referenceFor(const QString &path, int sampleCount, Error *error)
{
    const QFileInfo fi(path);
    if (!fi.isFile()) {
        *error = {ErrorKind::Permanent,
                  tr("the reference photo %1 does not exist").arg(shown(fi.absoluteFilePath()))};
        return nullptr;
    }
    const QString key = fileKey(fi) + QStringLiteral("|%1").arg(sampleCount);
    for (auto it = t_references.begin(); it != t_references.end(); ++it) {
        if (it->key == key) {
            std::rotate(it, it + 1, t_references.end());
            return &t_references.back().stats;
        }
    }

    const imageio::Decoded decoded = imageio::decodeFile(path);
    if (decoded.error) {
        *error = {
            decoded.error->kind,
            tr("cannot read the reference photo %1: %2").arg(shown(path), decoded.error->message)};
        return nullptr;
    }
    cv::Mat colour = decoded.image;
    if (colour.channels() == 4)
        cv::cvtColor(colour, colour, cv::COLOR_BGRA2BGR);
    cv::Mat fullL, fullAb;
    toLab(colour, fullL, &fullAb);
    const cv::Mat L = shrinkTo(fullL, kWorkingLongEdge);
    const cv::Mat ab = shrinkTo(fullAb, kWorkingLongEdge);
    cv::Mat planes[2];
    cv::split(ab, planes);

    ReferenceStats stats;
    cv::Scalar mean, deviation;
    cv::meanStdDev(L, mean, deviation);
    stats.meanL = mean[0];
    stats.stdL = deviation[0];
    cv::meanStdDev(ab, stats.meanAb, stats.stdAb);
    cv::Mat chroma;
    cv::magnitude(planes[0], planes[1], chroma);
    stats.meanChroma = cv::mean(chroma)[0];
    // Below about 2 units of chroma a photo looks grey: there is no colour to transfer.
    if (stats.meanChroma < 2.0) {
        *error = {ErrorKind::Permanent,
                  tr("the reference photo %1 has no colour to transfer (mean chroma %2)")
                      .arg(shown(path))
                      .arg(stats.meanChroma, 0, 'f', 2)};
        return nullptr;
    }

    // Jittered sampling (Welsh et al., section 2): one random pixel in each cell of a grid of
    // about `sampleCount` cells shaped like the photo.
    const cv::Mat dev = localDeviation(L);
    const int columns =
        std::clamp(int(std::lround(std::sqrt(double(sampleCount) * L.cols / L.rows))), 1, L.cols);
    const int rows = std::clamp(int(std::lround(double(sampleCount) / columns)), 1, L.rows);
    cv::RNG rng(0x5EED); // fixed: the same reference always gives the same colours
    stats.samples.reserve(size_t(columns) * size_t(rows));
    for (int r = 0; r < rows; ++r) {
        const int y0 = r * L.rows / rows;
        const int y1 = (r + 1) * L.rows / rows;
        for (int c = 0; c < columns; ++c) {
            const int x0 = c * L.cols / columns;
            const int x1 = (c + 1) * L.cols / columns;
            const int x = x0 + rng.uniform(0, std::max(1, x1 - x0));
            const int y = y0 + rng.uniform(0, std::max(1, y1 - y0));
            const cv::Vec2f sampleAb = ab.at<cv::Vec2f>(y, x);
            stats.samples.push_back(
                {L.at<float>(y, x), dev.at<float>(y, x), sampleAb[0], sampleAb[1]});
        }
    }

    if (t_references.size() >= kReferencesPerThread)
        t_references.erase(t_references.begin());
    t_references.push_back({key, std::move(stats)});
    return &t_references.back().stats;
}

cv::Mat welshChroma(const cv::Mat &lightness, const ReferenceStats &ref,
                    const std::function<bool()> &cancelled)
{
    // Luminance remapping (Welsh et al., after Hertzmann et al. 2001): the reference's L* is moved
    // to the target's mean and deviation so that a dark reference can colour a bright photo.
    cv::Scalar mean, deviation;
    cv::meanStdDev(lightness, mean, deviation);
    const double scale = ref.stdL > 1e-3 ? deviation[0] / ref.stdL : 1.0;
    std::vector<ReferenceSample> samples = ref.samples;
    for (ReferenceSample &s : samples) {
        s.lightness = float(scale * (s.lightness - ref.meanL) + mean[0]);
        s.deviation = float(scale * s.deviation); // a linear remap scales deviations alike
    }

    const cv::Mat dev = localDeviation(lightness);
    double devMax = 0;
    cv::minMaxLoc(dev, nullptr, &devMax);
    for (const ReferenceSample &s : samples)
        devMax = std::max(devMax, double(s.deviation));
    devMax = std::max(devMax, 1.0);

    // Chroma for each (L*, deviation) bin: 256 x 64 bins x ~200 samples is a few million
    // operations, instead of a search over the samples for each of the photo's pixels. Bins are
    // 0.4 L* wide, far below a visible step.
    //
    // The paper copies the chroma of the single best sample. Where several samples of different
    // colours match about equally well (a flat, grainy background), that choice flips between
    // them from pixel to pixel and leaves blotches. Here the samples are weighted by
    // exp(-(cost - best cost) / kSoftness): the best match still dominates, and near-ties blend.
    // With kSoftness = 5 a sample 3 L* further away counts about e^-1 as much.
    constexpr int kLightnessBins = 256;
    constexpr int kDeviationBins = 64;
    constexpr float kSoftness = 5.0f;
    std::vector<cv::Vec2f> table(size_t(kLightnessBins) * kDeviationBins);
    std::vector<float> costs(samples.size());
    for (int d = 0; d < kDeviationBins; ++d) {
        const float dc = float((d + 0.5) * devMax / kDeviationBins);
        for (int l = 0; l < kLightnessBins; ++l) {
            const float lc = float((l + 0.5) * 100.0 / kLightnessBins);
            float best = std::numeric_limits<float>::max();
            for (size_t k = 0; k < samples.size(); ++k) {
                // Equal weights for luminance and neighbourhood statistics, as in the paper.
                const float dl = lc - samples[k].lightness;
                const float dd = dc - samples[k].deviation;
                costs[k] = 0.5f * dl * dl + 0.5f * dd * dd;
                best = std::min(best, costs[k]);
            }
            cv::Vec2f sum(0, 0);
            float weights = 0;
            for (size_t k = 0; k < samples.size(); ++k) {
                const float w = std::exp(-(costs[k] - best) / kSoftness);
                sum += w * cv::Vec2f(samples[k].a, samples[k].b);
                weights += w;
            }
            table[size_t(d) * kLightnessBins + size_t(l)] = sum / weights;
        }
    }
    if (cancelled && cancelled())
        return {};

    cv::Mat ab(lightness.size(), CV_32FC2);
    const float lScale = kLightnessBins / 100.0f;
    const float dScale = float(kDeviationBins / devMax);
    cv::parallel_for_(cv::Range(0, lightness.rows), [&](const cv::Range &range) {
        for (int y = range.start; y < range.end; ++y) {
            const float *L = lightness.ptr<float>(y);
            const float *D = dev.ptr<float>(y);
            cv::Vec2f *out = ab.ptr<cv::Vec2f>(y);
            for (int x = 0; x < lightness.cols; ++x) {
                const int l = std::clamp(int(L[x] * lScale), 0, kLightnessBins - 1);
                const int d = std::clamp(int(D[x] * dScale), 0, kDeviationBins - 1);
                out[x] = table[size_t(d) * kLightnessBins + size_t(l)];
            }
        }
    });
    if (cancelled && cancelled())
        return {};

    // Nearest-sample matching jumps between samples on noisy pixels; a median removes the
    // isolated speckles, and the guided filter lets chroma follow the photo's edges instead of
    // the bins'.
    cv::Mat planes[2];
    cv::split(ab, planes);
    for (cv::Mat &p : planes)
        cv::medianBlur(p, p, 5);
    cv::merge(planes, 2, ab);
    const int longEdge = std::max(lightness.cols, lightness.rows);
    const int radius = std::max(2, longEdge / 128);
    return guidedFilter(lightness / 100.0, ab, radius, 1e-3);
}

cv::Mat reinhardChroma(const cv::Mat &targetAb, const ReferenceStats &ref)
{
    if (targetAb.empty()) // a grey photo: every pixel maps to the reference's mean
        return cv::Mat(1, 1, CV_32FC2, cv::Scalar(ref.meanAb[0], ref.meanAb[1]));
    cv::Scalar mean, deviation;
    cv::meanStdDev(targetAb, mean, deviation);
    // A deviation below one unit of a*/b* is grey noise, not colour; stretching it would only
    // amplify noise, so scales are computed as if it were one unit.
    constexpr double kMinDeviation = 1.0;
    cv::Mat planes[2];
    cv::split(targetAb, planes);
    for (int c = 0; c < 2; ++c) {
        const double s = ref.stdAb[c] / std::max(deviation[c], kMinDeviation);
        planes[c].convertTo(planes[c], CV_32F, s, ref.meanAb[c] - s * mean[c]);
    }
    cv::Mat out;
    cv::merge(planes, 2, out);
    return out;
}

// ---- Shared -----------------------------------------------------------------------------------

void toLab(const cv::Mat &colour, cv::Mat &lightness, cv::Mat *ab)
{
    CV_Assert((colour.depth() == CV_8U || colour.depth() == CV_16U) &&
              (colour.channels() == 1 || colour.channels() == 3));
    lightness.create(colour.size(), CV_32FC1);
    if (ab)
        ab->create(colour.size(), CV_32FC2);
    cv::parallel_for_(cv::Range(0, colour.rows), [&](const cv::Range &rows) {
        if (colour.depth() == CV_16U)
            toLabRows<ushort>(colour, lightness, ab, rows);
        else
            toLabRows<uchar>(colour, lightness, ab, rows);
    });
}

cv::Mat fromLab(const cv::Mat &lightness, const cv::Mat &ab, int depth)
{
    CV_Assert(lightness.type() == CV_32FC1 && ab.type() == CV_32FC2 &&
              lightness.size() == ab.size() && (depth == CV_8U || depth == CV_16U));
    cv::Mat out(lightness.size(), CV_MAKETYPE(depth, 3));
    cv::parallel_for_(cv::Range(0, out.rows), [&](const cv::Range &rows) {
        if (depth == CV_16U)
            fromLabRows<ushort>(lightness, ab, out, rows);
        else
            fromLabRows<uchar>(lightness, ab, out, rows);
    });
    return out;
}

cv::Mat shrinkTo(const cv::Mat &m, int longEdge)
{
    const int current = std::max(m.cols, m.rows);
    if (current <= longEdge)
        return m;
    const double s = double(longEdge) / current;
    cv::Mat out;
    cv::resize(m, out,
               cv::Size(std::max(1, int(std::lround(m.cols * s))),
                        std::max(1, int(std::lround(m.rows * s)))),
               0, 0, cv::INTER_AREA);
    return out;
}

cv::Mat guidedFilter(const cv::Mat &guide, const cv::Mat &src, int radius, double eps)
{
    const cv::Size window(2 * radius + 1, 2 * radius + 1);
    auto box = [&](const cv::Mat &m) {
        cv::Mat r;
        cv::boxFilter(m, r, CV_32F, window, cv::Point(-1, -1), true, cv::BORDER_REFLECT);
        return r;
    };
    cv::Mat I;
    guide.convertTo(I, CV_32F);
    const cv::Mat meanI = box(I);
    const cv::Mat varI = box(I.mul(I)) - meanI.mul(meanI);
    std::vector<cv::Mat> channels;
    cv::split(src, channels);
    for (cv::Mat &p : channels) {
        const cv::Mat meanP = box(p);
        const cv::Mat covIP = box(I.mul(p)) - meanI.mul(meanP);
        cv::Mat a;
        cv::divide(covIP, varI + eps, a);
        const cv::Mat b = meanP - a.mul(meanI);
        p = box(a).mul(I) + box(b);
    }
    cv::Mat out;
    cv::merge(channels, out);
    return out;
}

} // namespace pq::ops::colorize
