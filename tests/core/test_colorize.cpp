// colorize: the model engine's loading and inference on a tiny network written by the test in the
// released model's formats (prototxt, binary caffemodel, .npy) with the same layer names and
// shapes; the model-free reference engine (Welsh, Reinhard) on the real grey photos; luminance kept
// (SSIM of L*), chroma added, clear errors for missing or malformed model files and bad parameters,
// and 1/3/4-channel, 8/16-bit input.

#include "ImageTestUtil.h"
#include "jobs/JobRunner.h"
#include "ops/ColorizeSupport.h"
#include "ops/Recipe.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>
#include <cmath>
#include <ctime>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <thread>

using namespace pq;
namespace cz = pq::ops::colorize;

namespace {

// ---- measuring --------------------------------------------------------------------------------

// CIE L*a*b* (D65) of an 8/16-bit, 1/3/4-channel sRGB image (alpha ignored), computed here in
// double precision from the textbook formulas, independently of the operation's own conversion.
// (OpenCV's float cvtColor is off by up to 0.23 L*, too coarse to check that L* is kept.)
cv::Mat labOf(const cv::Mat &image)
{
    const int levels = image.depth() == CV_16U ? 65536 : 256;
    std::vector<double> linear(static_cast<size_t>(levels));
    for (int i = 0; i < levels; ++i) {
        const double v = double(i) / (levels - 1);
        linear[size_t(i)] = v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    }
    auto f = [](double t) {
        return t > 216.0 / 24389.0 ? std::cbrt(t) : (24389.0 / 27.0 * t + 16.0) / 116.0;
    };
    const double Xn = 0.95047, Zn = 1.08883;
    // Grey pixels need only f(Y) (then a* = b* = 0): one table entry per value.
    std::vector<float> greyL(static_cast<size_t>(levels));
    for (int i = 0; i < levels; ++i)
        greyL[size_t(i)] = float(116 * f(linear[size_t(i)]) - 16);
    cv::Mat lab(image.size(), CV_32FC3);
    const int cn = image.channels();
    cv::parallel_for_(cv::Range(0, image.rows), [&](const cv::Range &rows) {
        for (int y = rows.start; y < rows.end; ++y) {
            for (int x = 0; x < image.cols; ++x) {
                auto value = [&](int c) {
                    return image.depth() == CV_16U ? int(image.ptr<ushort>(y)[x * cn + c])
                                                   : int(image.ptr<uchar>(y)[x * cn + c]);
                };
                if (cn == 1) {
                    lab.at<cv::Vec3f>(y, x) = cv::Vec3f(greyL[size_t(value(0))], 0, 0);
                    continue;
                }
                const double b = linear[size_t(value(0))];
                const double g = linear[size_t(value(1))];
                const double r = linear[size_t(value(2))];
                const double X = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
                const double Y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
                const double Z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b;
                const double fx = f(X / Xn), fy = f(Y), fz = f(Z / Zn);
                lab.at<cv::Vec3f>(y, x) =
                    cv::Vec3f(float(116 * fy - 16), float(500 * (fx - fy)), float(200 * (fy - fz)));
            }
        }
    });
    return lab;
}

cv::Mat channel(const cv::Mat &m, int c)
{
    cv::Mat out;
    cv::extractChannel(m, out, c);
    return out;
}

// Wang, Bovik, Sheikh and Simoncelli 2004, with their constants and 11x11 Gaussian window (sigma
// 1.5), on single-channel float images in 0..255.
double ssim(const cv::Mat &x, const cv::Mat &y)
{
    const double C1 = (0.01 * 255) * (0.01 * 255);
    const double C2 = (0.03 * 255) * (0.03 * 255);
    auto blur = [](const cv::Mat &m) {
        cv::Mat r;
        cv::GaussianBlur(m, r, cv::Size(11, 11), 1.5);
        return r;
    };
    cv::Mat a, b;
    x.convertTo(a, CV_32F);
    y.convertTo(b, CV_32F);
    const cv::Mat mu1 = blur(a), mu2 = blur(b);
    const cv::Mat mu1Sq = mu1.mul(mu1), mu2Sq = mu2.mul(mu2), mu12 = mu1.mul(mu2);
    const cv::Mat s1 = blur(a.mul(a)) - mu1Sq;
    const cv::Mat s2 = blur(b.mul(b)) - mu2Sq;
    const cv::Mat s12 = blur(a.mul(b)) - mu12;
    cv::Mat num = (2 * mu12 + C1).mul(2 * s12 + C2);
    cv::Mat den = (mu1Sq + mu2Sq + C1).mul(s1 + s2 + C2);
    cv::Mat map;
    cv::divide(num, den, map);
    return cv::mean(map)[0];
}

struct Measure
{
    double ssimL = 0;      // SSIM of L* (scaled to 0..255) between input and output
    double maxLevelsL = 0; // largest |L* difference| in 8-bit levels (L* * 2.55)
    double chroma = 0;     // mean |a*| + |b*| of the output
};

Measure measure(const cv::Mat &input, const cv::Mat &output)
{
    const cv::Mat in = labOf(input);
    const cv::Mat out = labOf(output);
    const cv::Mat Lin = channel(in, 0) * 2.55;
    const cv::Mat Lout = channel(out, 0) * 2.55;
    Measure m;
    m.ssimL = ssim(Lin, Lout);
    m.maxLevelsL = cv::norm(Lin, Lout, cv::NORM_INF);
    m.chroma = cv::mean(cv::abs(channel(out, 1)))[0] + cv::mean(cv::abs(channel(out, 2)))[0];
    return m;
}

QString describe(const Measure &m)
{
    return QStringLiteral("chroma %1, SSIM(L) %2, max |dL| %3 levels")
        .arg(m.chroma, 0, 'f', 2)
        .arg(m.ssimL, 0, 'f', 5)
        .arg(m.maxLevelsL, 0, 'f', 2);
}

// ---- writing the model's file formats ---------------------------------------------------------

// Protocol buffers wire format (https://protobuf.dev/programming-guides/encoding/), just what a
// caffe.NetParameter with blobs needs.
class Proto
{
public:
    Proto &varintField(int field, quint64 v)
    {
        key(field, 0);
        varint(v);
        return *this;
    }
    Proto &bytesField(int field, const QByteArray &bytes)
    {
        key(field, 2);
        varint(quint64(bytes.size()));
        m_bytes += bytes;
        return *this;
    }
    Proto &stringField(int field, const char *text) { return bytesField(field, QByteArray(text)); }
    Proto &messageField(int field, const Proto &m) { return bytesField(field, m.m_bytes); }
    Proto &packedFloats(int field, const std::vector<float> &values)
    {
        QByteArray raw(qsizetype(values.size() * 4), Qt::Uninitialized);
        for (size_t i = 0; i < values.size(); ++i)
            qToLittleEndian(values[i], raw.data() + i * 4);
        return bytesField(field, raw);
    }
    Proto &packedVarints(int field, const std::vector<qint64> &values)
    {
        Proto inner;
        for (qint64 v : values)
            inner.varint(quint64(v));
        return bytesField(field, inner.m_bytes);
    }
    const QByteArray &bytes() const { return m_bytes; }

private:
    void key(int field, int wireType) { varint(quint64(field) << 3 | quint64(wireType)); }
    void varint(quint64 v)
    {
        do {
            const char byte = char((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
            m_bytes += byte;
            v >>= 7;
        } while (v);
    }
    QByteArray m_bytes;
};

// caffe.BlobProto: shape = 7 (BlobShape: dim = 1, packed int64), data = 5 (packed float).
Proto blob(const std::vector<qint64> &shape, const std::vector<float> &data)
{
    Proto s;
    s.packedVarints(1, shape);
    Proto b;
    b.messageField(7, s);
    b.packedFloats(5, data);
    return b;
}

// A .npy file (format 1.0) with a float32 or float64 array; `header` may be given to write a
// broken one.
QByteArray npy(const std::vector<float> &values, const QString &descr, const QString &shape,
               bool fortran = false)
{
    QByteArray header =
        QStringLiteral("{'descr': '%1', 'fortran_order': %2, 'shape': (%3), }")
            .arg(descr, fortran ? QStringLiteral("True") : QStringLiteral("False"), shape)
            .toLatin1();
    while ((10 + header.size() + 1) % 64 != 0)
        header += ' ';
    header += '\n';
    QByteArray out("\x93NUMPY\x01\x00", 8);
    char len[2];
    qToLittleEndian(quint16(header.size()), len);
    out += QByteArray(len, 2) + header;
    for (float v : values) {
        if (descr == QLatin1String("<f8")) {
            char d[8];
            qToLittleEndian(double(v), d);
            out += QByteArray(d, 8);
        } else {
            char f[4];
            qToLittleEndian(v, f);
            out += QByteArray(f, 4);
        }
    }
    return out;
}

// The tiny stand-in for the released network. Same input ("data_l", 1x1x224x224), same layers at
// the end ("conv8_313" -> Scale "conv8_313_rh" -> Softmax -> 1x1 convolution "class8_ab" to 2
// channels at 56x56, then "Silence"), a 4x4 average pooling instead of the 20-odd real layers.
// conv8_313 makes class kDark likely where L* is low and kBright where it is high (weights -/+0.1
// on L* - 50); every other class has logit 0.
constexpr int kClasses = 313;
constexpr float kWeight = 0.1f;

const char *const kTinyPrototxt = R"(name: "LtoAB"
layer {
  name: "data_l"
  type: "Input"
  top: "data_l"
  input_param { shape { dim: 1 dim: 1 dim: 224 dim: 224 } }
}
layer {
  name: "pool_to_56"
  type: "Pooling"
  bottom: "data_l"
  top: "pool_to_56"
  pooling_param { pool: AVE kernel_size: 4 stride: 4 }
}
layer {
  name: "conv8_313"
  type: "Convolution"
  bottom: "pool_to_56"
  top: "conv8_313"
  convolution_param { num_output: 313 kernel_size: 1 stride: 1 }
}
layer {
  name: "conv8_313_rh"
  type: "Scale"
  bottom: "conv8_313"
  top: "conv8_313_rh"
  scale_param { bias_term: false }
}
layer {
  name: "class8_313_rh"
  type: "Softmax"
  bottom: "conv8_313_rh"
  top: "class8_313_rh"
}
layer {
  name: "class8_ab"
  type: "Convolution"
  bottom: "class8_313_rh"
  top: "class8_ab"
  convolution_param { num_output: 2 kernel_size: 1 stride: 1 }
}
layer {
  name: "Silence"
  type: "Silence"
  bottom: "class8_ab"
}
)";

// 313 cluster centres on the paper's 10-unit ab grid: the grid points nearest the origin.
std::vector<cv::Point2f> clusterCentres()
{
    std::vector<cv::Point2f> grid;
    for (int a = -90; a <= 90; a += 10)
        for (int b = -90; b <= 90; b += 10)
            grid.emplace_back(float(a), float(b));
    std::stable_sort(grid.begin(), grid.end(),
                     [](cv::Point2f p, cv::Point2f q) { return p.dot(p) < q.dot(q); });
    grid.resize(kClasses);
    return grid;
}

int classOf(const std::vector<cv::Point2f> &centres, cv::Point2f ab)
{
    for (size_t i = 0; i < centres.size(); ++i)
        if (centres[i] == ab)
            return int(i);
    qFatal("no such cluster centre");
}

// Both inside the sRGB gamut at the lightness of the test bands, so none is shrunk to fit.
const cv::Point2f kDarkColour(10, -30); // navy blue for dark tones
const cv::Point2f kBrightColour(0, 50); // warm yellow for light tones

QByteArray tinyCaffemodel()
{
    const auto centres = clusterCentres();
    std::vector<float> weights(kClasses, 0.0f);
    weights[size_t(classOf(centres, kDarkColour))] = -kWeight;
    weights[size_t(classOf(centres, kBrightColour))] = kWeight;
    const std::vector<float> bias(kClasses, 0.0f);

    // caffe.LayerParameter: name = 1, type = 2, bottom = 3, top = 4, blobs = 7.
    Proto conv;
    conv.stringField(1, "conv8_313").stringField(2, "Convolution");
    conv.stringField(3, "pool_to_56").stringField(4, "conv8_313");
    conv.messageField(7, blob({kClasses, 1, 1, 1}, weights));
    conv.messageField(7, blob({kClasses}, bias));
    Proto input;
    input.stringField(1, "data_l").stringField(2, "Input").stringField(4, "data_l");
    // caffe.NetParameter: name = 1, layer = 100.
    Proto net;
    net.stringField(1, "LtoAB");
    net.messageField(100, input);
    net.messageField(100, conv);
    return net.bytes();
}

QByteArray tinyClusterCentres(const QString &descr = QStringLiteral("<f4"))
{
    std::vector<float> values;
    for (cv::Point2f p : clusterCentres()) {
        values.push_back(p.x);
        values.push_back(p.y);
    }
    return npy(values, descr, QStringLiteral("313, 2"));
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

bool writeTinyModel(const QString &dir)
{
    return writeFile(dir + QStringLiteral("/colorization_deploy_v2.prototxt"),
                     QByteArray(kTinyPrototxt)) &&
           writeFile(dir + QStringLiteral("/colorization_release_v2.caffemodel"),
                     tinyCaffemodel()) &&
           writeFile(dir + QStringLiteral("/pts_in_hull.npy"), tinyClusterCentres());
}

// What the tiny network must answer for a flat area of lightness L: the annealed mean of the
// cluster centres under softmax(2.606 * logits).
cv::Point2f expectedChroma(double L)
{
    const auto centres = clusterCentres();
    const int dark = classOf(centres, kDarkColour);
    const int bright = classOf(centres, kBrightColour);
    const double v = L - 50.0;
    std::vector<double> logits(kClasses, 0.0);
    logits[size_t(dark)] = -kWeight * v * 2.606;
    logits[size_t(bright)] = kWeight * v * 2.606;
    double sum = 0;
    cv::Point2d ab(0, 0);
    for (int k = 0; k < kClasses; ++k) {
        const double e = std::exp(logits[size_t(k)]);
        sum += e;
        ab += e * cv::Point2d(centres[size_t(k)]);
    }
    return cv::Point2f(float(ab.x / sum), float(ab.y / sum));
}

cv::Scalar meanIn(const cv::Mat &m, const cv::Rect &r)
{
    return cv::mean(m(r));
}

} // namespace

class TestColorize : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void parametersAreChecked();
    void npyParserReadsWhatNumpyWrites();
    void npyParserRejectsMalformedFiles_data();
    void npyParserRejectsMalformedFiles();
    void missingModelFilesAreNamed();
    void malformedClusterCentresAreReported();
    void tinyNetworkColoursWhereItSays();
    void modelDirComesFromTheEnvironment();
    void networkIsLoadedOncePerThread();
    void referenceEngineOnRealPhotos_data();
    void referenceEngineOnRealPhotos();
    void reinhardMatchesTheReferenceStatistics();
    void referenceErrors();
    void channelsAndDepths_data();
    void channelsAndDepths();
    void strengthAndSaturation();
    void deterministicAndInputUntouched();
    void honoursCancellation();
    void restoreOldPhotoPreset();

private:
    cv::Mat m_douglass;  // 2089x3000 grey
    cv::Mat m_cameraman; // 512x512 grey
    QTemporaryDir m_tmp;
    QString m_modelDir;
};

void TestColorize::initTestCase()
{
    const auto d = pqtest::decodeTestImage(QStringLiteral("gray_old_frederick_douglass_c1879.jpg"));
    QVERIFY2(!d.error, qPrintable(d.error ? d.error->message : QString()));
    m_douglass = d.image;
    QCOMPARE(m_douglass.size(), cv::Size(2089, 3000));
    const auto c = pqtest::decodeTestImage(QStringLiteral("gray_cameraman_cc0.png"));
    QVERIFY(!c.error);
    m_cameraman = c.image;
    QCOMPARE(m_cameraman.channels(), 1);

    QVERIFY(m_tmp.isValid());
    m_modelDir = m_tmp.filePath(QStringLiteral("model"));
    QVERIFY(QDir().mkpath(m_modelDir));
    QVERIFY(writeTinyModel(m_modelDir));
}

void TestColorize::parametersAreChecked()
{
    Params p;
    auto err = pqtest::complete(QStringLiteral("colorize"), {{"engine", "reference"}}, &p);
    QVERIFY(err);
    QVERIFY2(err->startsWith(QLatin1String("operation 'colorize':")), qPrintable(*err));
    QVERIFY2(err->contains(QLatin1String("reference=FILE")), qPrintable(*err));

    err = pqtest::complete(QStringLiteral("colorize"), {{"engine", "paint"}}, &p);
    QVERIFY(err);
    QVERIFY2(err->contains(QLatin1String("model, reference")), qPrintable(*err));
    err = pqtest::complete(QStringLiteral("colorize"), {{"method", "histogram"}}, &p);
    QVERIFY(err && err->contains(QLatin1String("welsh, reinhard")));
    err = pqtest::complete(QStringLiteral("colorize"), {{"strength", "1.5"}}, &p);
    QVERIFY(err && err->contains(QLatin1String("strength")));
    err = pqtest::complete(QStringLiteral("colorize"), {{"samples", 3}}, &p);
    QVERIFY(err && err->contains(QLatin1String("samples")));

    QVERIFY(!pqtest::complete(QStringLiteral("colorize"), {}, &p));
    QCOMPARE(p.value(QStringLiteral("engine")).toString(), QStringLiteral("model"));
    QCOMPARE(p.value(QStringLiteral("method")).toString(), QStringLiteral("welsh"));
    QVERIFY(!pqtest::complete(QStringLiteral("colorize"),
                              {{"engine", "reference"}, {"reference", "x.jpg"}}, &p));
}

void TestColorize::npyParserReadsWhatNumpyWrites()
{
    cz::NpyArray a;
    const std::vector<float> values{1.5f, -2.0f, 3.25f, 4.0f, 5.0f, -6.5f};
    QVERIFY(!cz::parseNpy(npy(values, QStringLiteral("<f4"), QStringLiteral("3, 2")), &a));
    QCOMPARE(a.shape, (std::vector<int>{3, 2}));
    QCOMPARE(a.values, values);

    QVERIFY(!cz::parseNpy(npy(values, QStringLiteral("<f8"), QStringLiteral("3, 2")), &a));
    QCOMPARE(a.values, values);

    // Fortran order: the file holds the columns one after the other.
    QVERIFY(!cz::parseNpy(
        npy({1, 3, 5, 2, 4, 6}, QStringLiteral("<f4"), QStringLiteral("3, 2"), true), &a));
    QCOMPARE(a.values, (std::vector<float>{1, 2, 3, 4, 5, 6}));

    // int64 (what np.save writes for integer centres) and a format 2.0 header.
    QByteArray ints = npy({}, QStringLiteral("<i8"), QStringLiteral("2,"));
    for (qint64 v : {qint64(-90), qint64(100)}) {
        char b[8];
        qToLittleEndian(v, b);
        ints += QByteArray(b, 8);
    }
    QVERIFY(!cz::parseNpy(ints, &a));
    QCOMPARE(a.shape, (std::vector<int>{2}));
    QCOMPARE(a.values, (std::vector<float>{-90, 100}));
    QByteArray v2 = npy(values, QStringLiteral("<f4"), QStringLiteral("6,"));
    const quint16 headerLength = qFromLittleEndian<quint16>(v2.constData() + 8);
    char len4[4];
    qToLittleEndian(quint32(headerLength), len4);
    v2 = QByteArray("\x93NUMPY\x02\x00", 8) + QByteArray(len4, 4) + v2.mid(10);
    QVERIFY(!cz::parseNpy(v2, &a));
    QCOMPARE(a.values, values);
}

void TestColorize::npyParserRejectsMalformedFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    const std::vector<float> six(6, 1.0f);
    const QByteArray good = npy(six, QStringLiteral("<f4"), QStringLiteral("3, 2"));
    QTest::newRow("empty") << QByteArray() << "does not start with";
    QTest::newRow("not npy") << QByteArray("PK\x03\x04 zip file, not npy") << "does not start with";
    QByteArray version = good;
    version[6] = 7;
    QTest::newRow("version 7") << version << "format version 7";
    QTest::newRow("header cut") << good.left(40) << "header is truncated";
    QTest::newRow("data cut") << good.left(good.size() - 3) << "21 bytes";
    QTest::newRow("data too long") << good + QByteArray(4, '\0') << "28 bytes";
    QTest::newRow("big-endian") << npy(six, QStringLiteral(">f4"), QStringLiteral("3, 2"))
                                << "'>f4'";
    QTest::newRow("complex") << npy(six, QStringLiteral("<c8"), QStringLiteral("3,")) << "'<c8'";
    QTest::newRow("no shape") << QByteArray(good).replace("'shape'", "'shapf'") << "malformed";
    QTest::newRow("bad shape") << npy(six, QStringLiteral("<f4"), QStringLiteral("3, x"))
                               << "not a valid size";
    QTest::newRow("NaN") << npy({1, std::nanf(""), 3, 4, 5, 6}, QStringLiteral("<f4"),
                                QStringLiteral("3, 2"))
                         << "not a finite number";
}

void TestColorize::npyParserRejectsMalformedFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    cz::NpyArray a;
    const auto err = cz::parseNpy(bytes, &a);
    QVERIFY(err);
    QVERIFY2(err->contains(reason), qPrintable(*err));
}

void TestColorize::missingModelFilesAreNamed()
{
    const cv::Mat img(64, 64, CV_8UC1, cv::Scalar(128));
    const QString empty = m_tmp.filePath(QStringLiteral("empty-model"));
    QVERIFY(QDir().mkpath(empty));
    OpResult r =
        pqtest::run(QStringLiteral("colorize"), img, {{"engine", "model"}, {"model-dir", empty}});
    QVERIFY(r.error);
    QCOMPARE(r.error->kind, ErrorKind::Permanent);
    QVERIFY2(r.error->message.contains(
                 QStringLiteral("%1 has no colorization_deploy_v2.prototxt, "
                                "colorization_release_v2.caffemodel, pts_in_hull.npy")
                     .arg(QDir::toNativeSeparators(empty))),
             qPrintable(r.error->message));

    // Only the absent files are named as missing.
    QVERIFY(QFile::copy(m_modelDir + QStringLiteral("/colorization_deploy_v2.prototxt"),
                        empty + QStringLiteral("/colorization_deploy_v2.prototxt")));
    r = pqtest::run(QStringLiteral("colorize"), img, {{"model-dir", empty}});
    QVERIFY(r.error);
    QVERIFY2(r.error->message.contains(
                 QStringLiteral("has no colorization_release_v2.caffemodel, pts_in_hull.npy;")),
             qPrintable(r.error->message));

    // A folder that does not exist at all.
    const QString nowhere = m_tmp.filePath(QStringLiteral("no-such-folder"));
    r = pqtest::run(QStringLiteral("colorize"), img, {{"model-dir", nowhere}});
    QVERIFY(r.error);
    QVERIFY2(r.error->message.contains(QDir::toNativeSeparators(nowhere)),
             qPrintable(r.error->message));
    qInfo().noquote() << "missing model:" << r.error->message;
}

void TestColorize::malformedClusterCentresAreReported()
{
    const cv::Mat img(64, 64, CV_8UC1, cv::Scalar(128));
    struct Case
    {
        QByteArray npyBytes;
        const char *expected;
    };
    const std::vector<float> wrongShape(313 * 3, 0.0f);
    const Case cases[] = {
        {QByteArray("not numpy at all"), "does not start with"},
        {npy(wrongShape, QStringLiteral("<f4"), QStringLiteral("313, 3")), "shape (313, 3)"},
        {tinyClusterCentres().left(500), "bytes, but shape (313, 2)"},
    };
    int n = 0;
    for (const Case &c : cases) {
        const QString dir = m_tmp.filePath(QStringLiteral("bad-npy-%1").arg(n++));
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(writeTinyModel(dir));
        QVERIFY(writeFile(dir + QStringLiteral("/pts_in_hull.npy"), c.npyBytes));
        const OpResult r = pqtest::run(QStringLiteral("colorize"), img, {{"model-dir", dir}});
        QVERIFY(r.error);
        QCOMPARE(r.error->kind, ErrorKind::Permanent);
        QVERIFY2(r.error->message.contains(QLatin1String("pts_in_hull.npy")) &&
                     r.error->message.contains(QLatin1String(c.expected)),
                 qPrintable(r.error->message));
    }

    // A caffemodel that is not a protobuf, and a network without the colorization layers.
    const QString dir = m_tmp.filePath(QStringLiteral("bad-net"));
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(writeTinyModel(dir));
    QVERIFY(writeFile(dir + QStringLiteral("/colorization_release_v2.caffemodel"),
                      QByteArray(64, '\xff')));
    OpResult r = pqtest::run(QStringLiteral("colorize"), img, {{"model-dir", dir}});
    QVERIFY(r.error);
    QVERIFY2(r.error->message.contains(QLatin1String("cannot load the colorization model")),
             qPrintable(r.error->message));
    QVERIFY(writeTinyModel(dir));
    QVERIFY(writeFile(dir + QStringLiteral("/colorization_deploy_v2.prototxt"),
                      QByteArray(kTinyPrototxt).replace("class8_ab", "class9_ab")));
    r = pqtest::run(QStringLiteral("colorize"), img, {{"model-dir", dir}});
    QVERIFY(r.error);
    QVERIFY2(r.error->message.contains(QLatin1String("no layer 'class8_ab'")),
             qPrintable(r.error->message));
}

void TestColorize::tinyNetworkColoursWhereItSays()
{
    // Three flat bands: dark, middle grey, light. The tiny network says: navy blue, (almost) no
    // colour, warm yellow.
    cv::Mat img(300, 450, CV_8UC1);
    img(cv::Rect(0, 0, 150, 300)).setTo(45);
    img(cv::Rect(150, 0, 150, 300)).setTo(119); // L* 50
    img(cv::Rect(300, 0, 150, 300)).setTo(215);
    QElapsedTimer timer;
    timer.start();
    const OpResult r = pqtest::run(QStringLiteral("colorize"), img, {{"model-dir", m_modelDir}});
    QVERIFY2(!r.error, qPrintable(r.error ? r.error->message : QString()));
    QCOMPARE(r.image.type(), CV_8UC3);

    const cv::Mat inLab = labOf(img);
    const cv::Mat outLab = labOf(r.image);
    for (int band = 0; band < 3; ++band) {
        // Away from the band edges, where the 56x56 answer is interpolated.
        const cv::Rect inner(band * 150 + 30, 30, 90, 240);
        const double L = meanIn(channel(inLab, 0), inner)[0];
        const cv::Point2f want = expectedChroma(L);
        const cv::Scalar got = meanIn(outLab, inner);
        const QString text = QStringLiteral("band %1 (L* %2): a*b* %3,%4, expected %5,%6")
                                 .arg(band)
                                 .arg(L, 0, 'f', 1)
                                 .arg(got[1], 0, 'f', 2)
                                 .arg(got[2], 0, 'f', 2)
                                 .arg(want.x, 0, 'f', 2)
                                 .arg(want.y, 0, 'f', 2);
        qInfo().noquote() << text;
        QVERIFY2(std::abs(got[1] - want.x) < 1.0 && std::abs(got[2] - want.y) < 1.0,
                 qPrintable(text));
        QVERIFY2(std::abs(got[0] - L) < 0.5, qPrintable(text));
    }
    // The expectations themselves show colour where the network puts it.
    QVERIFY(expectedChroma(20).y < -20 && expectedChroma(85).y > 40);
    QVERIFY(std::hypot(expectedChroma(50).x, expectedChroma(50).y) < 5);

    const Measure m = measure(img, r.image);
    QVERIFY2(m.ssimL > 0.98 && m.maxLevelsL <= 1.5, qPrintable(describe(m)));

    // The same network on the real 2089x3000 portrait: the cost of everything but the real
    // network's convolutions.
    timer.restart();
    const std::clock_t cpu = std::clock();
    const OpResult d =
        pqtest::run(QStringLiteral("colorize"), m_douglass, {{"model-dir", m_modelDir}});
    const qint64 ms = timer.elapsed();
    const double cpuMs = 1000.0 * double(std::clock() - cpu) / CLOCKS_PER_SEC;
    QVERIFY(!d.error);
    const Measure md = measure(m_douglass, d.image);
    qInfo().noquote() << "model engine (tiny network), Douglass 2089x3000:" << describe(md)
                      << QStringLiteral("%1 ms (CPU %2 ms)").arg(ms).arg(cpuMs, 0, 'f', 0);
    QVERIFY2(md.ssimL > 0.98 && md.maxLevelsL <= 1.5, qPrintable(describe(md)));
    QVERIFY2(md.chroma > 10, qPrintable(describe(md)));
}

void TestColorize::modelDirComesFromTheEnvironment()
{
    const cv::Mat img(64, 64, CV_8UC1, cv::Scalar(200));
    qputenv("PIXQUEUE_COLORIZE_MODEL_DIR", m_modelDir.toLocal8Bit());
    QCOMPARE(cz::defaultModelDir(), m_modelDir);
    OpResult r = pqtest::run(QStringLiteral("colorize"), img, {});
    QVERIFY2(!r.error, qPrintable(r.error ? r.error->message : QString()));
    QVERIFY(measure(img, r.image).chroma > 20);

    // Without the variable: the application data folder.
    qunsetenv("PIXQUEUE_COLORIZE_MODEL_DIR");
    QVERIFY(cz::defaultModelDir().endsWith(QLatin1String("/models/colorization")));
}

void TestColorize::networkIsLoadedOncePerThread()
{
    const QString dir = m_tmp.filePath(QStringLiteral("cache-model"));
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(writeTinyModel(dir));
    const cv::Mat img(64, 64, CV_8UC1, cv::Scalar(200));
    const QVariantMap given{{"model-dir", dir}};

    const int before = cz::networkLoadsOnThisThread();
    for (int i = 0; i < 3; ++i)
        QVERIFY(!pqtest::run(QStringLiteral("colorize"), img, given).error);
    QCOMPARE(cz::networkLoadsOnThisThread(), before + 1);

    // Another thread loads its own copy (cv::dnn::Net is not thread-safe) and gets the same answer.
    int loadsThere = -1;
    cv::Mat fromThere;
    std::thread worker([&] {
        const OpResult r = pqtest::run(QStringLiteral("colorize"), img, given);
        if (!r.error)
            fromThere = r.image;
        pqtest::run(QStringLiteral("colorize"), img, given);
        loadsThere = cz::networkLoadsOnThisThread();
    });
    worker.join();
    QCOMPARE(loadsThere, 1);
    const OpResult here = pqtest::run(QStringLiteral("colorize"), img, given);
    QVERIFY(!fromThere.empty());
    QCOMPARE(cv::norm(fromThere, here.image, cv::NORM_INF), 0.0);
    QCOMPARE(cz::networkLoadsOnThisThread(), before + 1);

    // Changed files are loaded again: a new network where dark and light colours swap.
    QByteArray swapped = tinyClusterCentres();
    {
        std::vector<float> values;
        for (cv::Point2f p : clusterCentres()) {
            values.push_back(-p.x);
            values.push_back(-p.y);
        }
        swapped = npy(values, QStringLiteral("<f8"), QStringLiteral("313, 2"));
    }
    QVERIFY(writeFile(dir + QStringLiteral("/pts_in_hull.npy"), swapped));
    const OpResult after = pqtest::run(QStringLiteral("colorize"), img, given);
    QVERIFY(!after.error);
    QCOMPARE(cz::networkLoadsOnThisThread(), before + 2);
    const double bBefore = cv::mean(channel(labOf(here.image), 2))[0];
    const double bAfter = cv::mean(channel(labOf(after.image), 2))[0];
    QVERIFY2(bBefore > 20 && bAfter < -20,
             qPrintable(QStringLiteral("%1 -> %2").arg(bBefore).arg(bAfter)));
}

void TestColorize::referenceEngineOnRealPhotos_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("method");
    QTest::addColumn<double>("minChroma");
    const QString douglass = QStringLiteral("gray_old_frederick_douglass_c1879.jpg");
    const QString cameraman = QStringLiteral("gray_cameraman_cc0.png");
    const QString face = QStringLiteral("face_filippo_giunchedi.jpg");
    const QString lake = QStringLiteral("lowcontrast_darkest_hour_lake.jpg");
    QTest::newRow("douglass welsh") << douglass << face << "welsh" << 8.0;
    QTest::newRow("douglass reinhard") << douglass << face << "reinhard" << 8.0;
    QTest::newRow("cameraman welsh") << cameraman << lake << "welsh" << 8.0;
    QTest::newRow("cameraman reinhard") << cameraman << lake << "reinhard" << 8.0;
}

void TestColorize::referenceEngineOnRealPhotos()
{
    QFETCH(QString, target);
    QFETCH(QString, reference);
    QFETCH(QString, method);
    QFETCH(double, minChroma);
    const cv::Mat img = target.startsWith(QLatin1String("gray_old")) ? m_douglass : m_cameraman;
    const QVariantMap given{
        {"engine", "reference"}, {"reference", pqtest::dataPath(reference)}, {"method", method}};
    // The first run decodes and samples the reference; later ones in the batch reuse it.
    pqtest::run(QStringLiteral("colorize"), img(cv::Rect(0, 0, 32, 32)), given);
    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpu = std::clock();
    const OpResult r = pqtest::run(QStringLiteral("colorize"), img, given);
    const qint64 ms = timer.elapsed();
    const double cpuMs = 1000.0 * double(std::clock() - cpu) / CLOCKS_PER_SEC;
    QVERIFY2(!r.error, qPrintable(r.error ? r.error->message : QString()));
    QCOMPARE(r.image.size(), img.size());
    QCOMPARE(r.image.type(), CV_8UC3);
    const Measure m = measure(img, r.image);
    // Wall time and CPU time of all threads: on a busy machine the second is the fairer figure.
    qInfo().noquote() << QStringLiteral("%1 <- %2 (%3): %4, %5 ms (CPU %6 ms)")
                             .arg(target, reference, method, describe(m))
                             .arg(ms)
                             .arg(cpuMs, 0, 'f', 0);
    QVERIFY2(m.chroma > minChroma, qPrintable(describe(m)));
    QVERIFY2(m.ssimL > 0.98, qPrintable(describe(m)));
    QVERIFY2(m.maxLevelsL <= 1.5, qPrintable(describe(m)));
    if (qEnvironmentVariableIsSet("PIXQUEUE_COLORIZE_SAVE"))
        cv::imwrite(QStringLiteral("%1/%2-%3.jpg")
                        .arg(qEnvironmentVariable("PIXQUEUE_COLORIZE_SAVE"),
                             QFileInfo(target).baseName(), method)
                        .toStdString(),
                    r.image);
}

void TestColorize::reinhardMatchesTheReferenceStatistics()
{
    // A colour target: every pixel's a*, b* go through Reinhard's map, (x - mean) * refDev / dev +
    // refMean, so that they take the reference's mean and deviation; L* stays.
    const auto face = pqtest::decodeTestImage(QStringLiteral("face_filippo_giunchedi.jpg"));
    // Another portrait as the reference (800x533: the engine measures it at full size).
    const QString refName = QStringLiteral("teeth_katherine_maher.jpg");
    const auto ref = pqtest::decodeTestImage(refName);
    QVERIFY(!face.error && !ref.error);
    QVERIFY(std::max(ref.image.cols, ref.image.rows) <= cz::kWorkingLongEdge);
    const OpResult r = pqtest::run(QStringLiteral("colorize"), face.image,
                                   {{"engine", "reference"},
                                    {"reference", pqtest::dataPath(refName)},
                                    {"method", "reinhard"}});
    QVERIFY(!r.error);

    const cv::Mat refLab = labOf(ref.image);
    const cv::Mat inLab = labOf(face.image);
    const cv::Mat outLab = labOf(r.image);
    cv::Scalar refMean, refDev, inMean, inDev;
    cv::meanStdDev(refLab, refMean, refDev);
    cv::meanStdDev(inLab, inMean, inDev);

    // Compare where the mapped colour fits the sRGB gamut at the pixel's L* (where it does not,
    // the engine rightly shrinks it to keep L*).
    const cv::Matx33d toRgb = cv::Matx33d(0.4124564, 0.3575761, 0.1804375, 0.2126729, 0.7151522,
                                          0.0721750, 0.0193339, 0.1191920, 0.9503041)
                                  .inv();
    auto fits = [&](double L, double a, double b) {
        auto finv = [](double t) {
            return t > 6.0 / 29 ? t * t * t : 3 * (6.0 / 29) * (6.0 / 29) * (t - 4.0 / 29);
        };
        const double fy = (L + 16) / 116;
        const cv::Vec3d rgb =
            toRgb * cv::Vec3d(0.95047 * finv(fy + a / 500), finv(fy), 1.08883 * finv(fy - b / 200));
        return rgb[0] >= 0 && rgb[0] <= 1 && rgb[1] >= 0 && rgb[1] <= 1 && rgb[2] >= 0 &&
               rgb[2] <= 1;
    };
    double error = 0;
    int compared = 0;
    for (int y = 0; y < inLab.rows; ++y) {
        for (int x = 0; x < inLab.cols; ++x) {
            const cv::Vec3f in = inLab.at<cv::Vec3f>(y, x);
            const double a = (in[1] - inMean[1]) * refDev[1] / inDev[1] + refMean[1];
            const double b = (in[2] - inMean[2]) * refDev[2] / inDev[2] + refMean[2];
            if (!fits(in[0], a, b))
                continue;
            const cv::Vec3f out = outLab.at<cv::Vec3f>(y, x);
            error += std::hypot(out[1] - a, out[2] - b);
            ++compared;
        }
    }
    error /= std::max(compared, 1);
    const double share = double(compared) / double(inLab.total());
    const QString text =
        QStringLiteral("a* %1±%2 -> reference %3±%4; b* %5±%6 -> reference %7±%8; mean error of "
                       "the map %9 over %10% of the pixels")
            .arg(inMean[1], 0, 'f', 1)
            .arg(inDev[1], 0, 'f', 1)
            .arg(refMean[1], 0, 'f', 1)
            .arg(refDev[1], 0, 'f', 1)
            .arg(inMean[2], 0, 'f', 1)
            .arg(inDev[2], 0, 'f', 1)
            .arg(refMean[2], 0, 'f', 1)
            .arg(refDev[2], 0, 'f', 1)
            .arg(error, 0, 'f', 2)
            .arg(share * 100, 0, 'f', 0);
    qInfo().noquote() << "reinhard, colour portrait <- another portrait:" << text;
    QVERIFY2(share > 0.1, qPrintable(text));
    QVERIFY2(error < 1.0, qPrintable(text));
    const Measure m = measure(face.image, r.image);
    QVERIFY2(m.ssimL > 0.98 && m.maxLevelsL <= 1.5, qPrintable(describe(m)));
}

void TestColorize::referenceErrors()
{
    const cv::Mat img(32, 32, CV_8UC1, cv::Scalar(100));
    const QString missing = m_tmp.filePath(QStringLiteral("nowhere.jpg"));
    OpResult r = pqtest::run(QStringLiteral("colorize"), img,
                             {{"engine", "reference"}, {"reference", missing}});
    QVERIFY(r.error);
    QCOMPARE(r.error->kind, ErrorKind::Permanent);
    QVERIFY2(r.error->message.contains(QDir::toNativeSeparators(missing)) &&
                 r.error->message.contains(QLatin1String("does not exist")),
             qPrintable(r.error->message));

    // A grey reference has no colour to give.
    r = pqtest::run(QStringLiteral("colorize"), img,
                    {{"engine", "reference"},
                     {"reference", pqtest::dataPath(QStringLiteral("gray_cameraman_cc0.png"))}});
    QVERIFY(r.error);
    QVERIFY2(r.error->message.contains(QLatin1String("no colour")), qPrintable(r.error->message));

    // Not an image.
    const QString text = m_tmp.filePath(QStringLiteral("text.jpg"));
    QVERIFY(writeFile(text, "just some text"));
    r = pqtest::run(QStringLiteral("colorize"), img,
                    {{"engine", "reference"}, {"reference", text}});
    QVERIFY(r.error);
    QVERIFY2(r.error->message.contains(QLatin1String("cannot read the reference photo")),
             qPrintable(r.error->message));
}

void TestColorize::channelsAndDepths_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("engine");
    for (const char *engine : {"model", "welsh"}) {
        QTest::addRow("8-bit gray, %s", engine) << CV_8UC1 << engine;
        QTest::addRow("8-bit BGR, %s", engine) << CV_8UC3 << engine;
        QTest::addRow("8-bit BGRA, %s", engine) << CV_8UC4 << engine;
        QTest::addRow("16-bit gray, %s", engine) << CV_16UC1 << engine;
        QTest::addRow("16-bit BGR, %s", engine) << CV_16UC3 << engine;
        QTest::addRow("16-bit BGRA, %s", engine) << CV_16UC4 << engine;
    }
}

void TestColorize::channelsAndDepths()
{
    QFETCH(int, type);
    QFETCH(QString, engine);
    const int channels = CV_MAT_CN(type);
    const bool sixteen = CV_MAT_DEPTH(type) == CV_16U;
    cv::Mat gray;
    cv::resize(m_cameraman, gray, cv::Size(256, 256), 0, 0, cv::INTER_AREA);
    cv::Mat img;
    if (sixteen)
        gray.convertTo(gray, CV_16U, 257.0);
    if (channels == 1) {
        img = gray;
    } else {
        // A colour input: the face photo, whose own chroma the network's replaces.
        const auto face = pqtest::decodeTestImage(QStringLiteral("face_filippo_giunchedi.jpg"));
        QVERIFY(!face.error);
        cv::resize(face.image, img, cv::Size(256, 256), 0, 0, cv::INTER_AREA);
        if (sixteen)
            img.convertTo(img, CV_16U, 257.0);
        if (channels == 4) {
            cv::Mat alpha(256, 256, sixteen ? CV_16UC1 : CV_8UC1);
            for (int y = 0; y < alpha.rows; ++y)
                alpha.row(y).setTo((sixteen ? 65535.0 : 255.0) * y / (alpha.rows - 1));
            cv::Mat parts[] = {img, alpha};
            cv::merge(parts, 2, img);
        }
    }
    QCOMPARE(img.type(), type);
    const QVariantMap given =
        engine == QLatin1String("model")
            ? QVariantMap{{"model-dir", m_modelDir}}
            : QVariantMap{
                  {"engine", "reference"},
                  {"reference", pqtest::dataPath(QStringLiteral("face_filippo_giunchedi.jpg"))}};
    const OpResult r = pqtest::run(QStringLiteral("colorize"), img, given);
    QVERIFY2(!r.error, qPrintable(r.error ? r.error->message : QString()));
    QCOMPARE(r.image.depth(), img.depth());
    QCOMPARE(r.image.channels(), channels == 4 ? 4 : 3);
    if (channels == 4)
        QCOMPARE(cv::norm(channel(r.image, 3), channel(img, 3), cv::NORM_INF), 0.0);
    const Measure m = measure(img, r.image);
    QVERIFY2(m.chroma > 8, qPrintable(describe(m)));
    QVERIFY2(m.ssimL > 0.98, qPrintable(describe(m)));
    // 16-bit output keeps L* to a small fraction of an 8-bit level.
    QVERIFY2(m.maxLevelsL <= (sixteen ? 0.05 : 1.5), qPrintable(describe(m)));
}

void TestColorize::strengthAndSaturation()
{
    const QVariantMap base{{"model-dir", m_modelDir}};
    cv::Mat img;
    cv::resize(m_cameraman, img, cv::Size(200, 200), 0, 0, cv::INTER_AREA);
    const OpResult full = pqtest::run(QStringLiteral("colorize"), img, base);
    QVariantMap half = base;
    half.insert(QStringLiteral("strength"), 0.5);
    const OpResult halfStrength = pqtest::run(QStringLiteral("colorize"), img, half);
    QVariantMap none = base;
    none.insert(QStringLiteral("strength"), 0.0);
    const OpResult noStrength = pqtest::run(QStringLiteral("colorize"), img, none);
    QVariantMap sat = base;
    sat.insert(QStringLiteral("saturation"), 50);
    const OpResult halfSaturation = pqtest::run(QStringLiteral("colorize"), img, sat);
    QVERIFY(!full.error && !halfStrength.error && !noStrength.error && !halfSaturation.error);
    const double c1 = measure(img, full.image).chroma;
    const double cHalf = measure(img, halfStrength.image).chroma;
    const double cSat = measure(img, halfSaturation.image).chroma;
    const double c0 = measure(img, noStrength.image).chroma;
    const QString text = QStringLiteral("chroma: strength 1 %1, 0.5 %2, 0 %3; saturation 50% %4")
                             .arg(c1)
                             .arg(cHalf)
                             .arg(c0)
                             .arg(cSat);
    QVERIFY2(std::abs(cHalf - c1 / 2) < 0.1 * c1, qPrintable(text));
    QVERIFY2(std::abs(cSat - c1 / 2) < 0.1 * c1, qPrintable(text));
    QVERIFY2(c0 < 0.5, qPrintable(text)); // a grey photo stays grey

    // Pushed far beyond the gamut, colours are shrunk to fit instead of clipped: L* still holds.
    QVariantMap vivid = base;
    vivid.insert(QStringLiteral("saturation"), 400);
    const OpResult v = pqtest::run(QStringLiteral("colorize"), img, vivid);
    QVERIFY(!v.error);
    const Measure mv = measure(img, v.image);
    QVERIFY2(mv.chroma > 1.5 * c1 && mv.ssimL > 0.98 && mv.maxLevelsL <= 1.5,
             qPrintable(describe(mv)));
}

void TestColorize::deterministicAndInputUntouched()
{
    cv::Mat img;
    cv::resize(m_douglass, img, cv::Size(418, 600), 0, 0, cv::INTER_AREA);
    const cv::Mat before = img.clone();
    const QVariantMap given{
        {"engine", "reference"},
        {"reference", pqtest::dataPath(QStringLiteral("face_filippo_giunchedi.jpg"))}};
    const OpResult a = pqtest::run(QStringLiteral("colorize"), img, given);
    const OpResult b = pqtest::run(QStringLiteral("colorize"), img, given);
    QVERIFY(!a.error && !b.error);
    QCOMPARE(cv::norm(a.image, b.image, cv::NORM_INF), 0.0);
    QCOMPARE(cv::norm(img, before, cv::NORM_INF), 0.0);
}

void TestColorize::honoursCancellation()
{
    std::atomic_bool cancelled{true};
    OpContext ctx;
    ctx.cancelled = &cancelled;
    const OpResult r =
        pqtest::op(QStringLiteral("colorize"))
            .run(m_cameraman,
                 pqtest::params(QStringLiteral("colorize"), {{"model-dir", m_modelDir}}), ctx);
    QVERIFY(r.error);
    QCOMPARE(r.error->kind, ErrorKind::Transient);
}

// The built-in "restore old photo" preset (denoise + CLAHE + colorize with the model engine) as
// a job: without the model files it fails permanently naming them; with them it writes a colour
// JPEG whose luminance follows the input.
void TestColorize::restoreOldPhotoPreset()
{
    Recipe recipe;
    const auto err = PresetLibrary::load(QStringLiteral("restore-old-photo"), &recipe);
    QVERIFY2(!err, qPrintable(err.value_or(QString())));
    QStringList ops;
    for (const RecipeStep &s : std::as_const(recipe.steps))
        ops << s.op;
    QCOMPARE(ops, QStringList({QStringLiteral("denoise"), QStringLiteral("clahe"),
                               QStringLiteral("colorize")}));

    LeasedJob job;
    job.id = 1;
    job.inputPath = QStringLiteral(PIXQUEUE_TEST_DATA "/gray_cameraman_cc0.png");
    job.outputPath = m_tmp.filePath(QStringLiteral("restored.jpg"));
    job.recipeJson = recipe.toJsonBytes();

    const QString empty = m_tmp.filePath(QStringLiteral("no-model"));
    QVERIFY(QDir().mkpath(empty));
    qputenv("PIXQUEUE_COLORIZE_MODEL_DIR", empty.toLocal8Bit());
    OpContext ctx;
    JobOutcome missing = runRecipe(job, ctx);
    QVERIFY(missing.error);
    QCOMPARE(missing.error->kind, ErrorKind::Permanent);
    QVERIFY2(missing.error->message.contains(QLatin1String("colorization_release_v2.caffemodel")),
             qPrintable(missing.error->message));
    QVERIFY(!QFile::exists(job.outputPath));

    qputenv("PIXQUEUE_COLORIZE_MODEL_DIR", m_modelDir.toLocal8Bit());
    JobOutcome done = runRecipe(job, ctx);
    qunsetenv("PIXQUEUE_COLORIZE_MODEL_DIR");
    QVERIFY2(!done.error, qPrintable(done.error ? done.error->message : QString()));
    const cv::Mat out = cv::imread(job.outputPath.toStdString(), cv::IMREAD_COLOR);
    QCOMPARE(out.size(), m_cameraman.size());
    const Measure m = measure(m_cameraman, out);
    qInfo().noquote() << "restore-old-photo preset on cameraman:" << describe(m);
    QVERIFY2(m.chroma > 10, qPrintable(describe(m)));
}

QTEST_GUILESS_MAIN(TestColorize)
#include "test_colorize.moc"
