#pragma once
// Helpers for the tone, colour and filter operation tests (header-only: every test_*.cpp is its
// own executable). Measurements (L* statistics, Laplacian variance, chroma) and the checks every
// one of these operations shares: parameter rejection, 1/3/4 channels at 8 and 16 bit with alpha
// kept, input left alone, cancellation.

#include "ImageTestUtil.h"

#include <QTest>
#include <atomic>
#include <functional>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace tonetest {

inline QString errorText(const pq::OpResult &r)
{
    return r.error ? r.error->message : QString();
}

// "k=v,k=v" as on the command line, for messages.
inline QString specText(const QVariantMap &given)
{
    QStringList parts;
    for (auto it = given.cbegin(); it != given.cend(); ++it)
        parts << it.key() + QLatin1Char('=') + it.value().toString();
    return parts.join(QLatin1Char(','));
}

// A test photo as decoded (upright, 8-bit), optionally reduced 1/2..1/8 on load; empty on
// failure.
inline cv::Mat photo(const QString &name, int reduction = 1)
{
    const auto d = pqtest::decodeTestImage(name, reduction);
    if (d.error)
        qWarning("cannot decode %s: %s", qPrintable(name), qPrintable(d.error->message));
    return d.image;
}

inline cv::Mat to16(const cv::Mat &m8)
{
    cv::Mat m;
    m8.convertTo(m, CV_16U, 257.0);
    return m;
}

inline cv::Mat to8(const cv::Mat &m)
{
    if (m.depth() == CV_8U)
        return m;
    cv::Mat out;
    m.convertTo(out, CV_8U, 1.0 / 257.0);
    return out;
}

inline cv::Mat bgrOf(const cv::Mat &m)
{
    cv::Mat out;
    if (m.channels() == 1)
        cv::cvtColor(m, out, cv::COLOR_GRAY2BGR);
    else if (m.channels() == 4)
        cv::cvtColor(m, out, cv::COLOR_BGRA2BGR);
    else
        out = m;
    return out;
}

// Float Lab (L* 0..100) of any image; gray and BGRA handled.
inline cv::Mat labOf(const cv::Mat &m)
{
    cv::Mat f;
    bgrOf(m).convertTo(f, CV_32F, 1.0 / (m.depth() == CV_16U ? 65535.0 : 255.0));
    cv::Mat lab;
    cv::cvtColor(f, lab, cv::COLOR_BGR2Lab);
    return lab;
}

inline cv::Mat lightnessOf(const cv::Mat &m)
{
    cv::Mat L;
    cv::extractChannel(labOf(m), L, 0);
    return L;
}

inline double stddevL(const cv::Mat &m)
{
    cv::Scalar mean, sd;
    cv::meanStdDev(lightnessOf(m), mean, sd);
    return sd[0];
}

inline double meanL(const cv::Mat &m)
{
    return cv::mean(lightnessOf(m))[0];
}

// Per-pixel chroma sqrt(a*^2 + b*^2).
inline cv::Mat chromaOf(const cv::Mat &m)
{
    std::vector<cv::Mat> p;
    cv::split(labOf(m), p);
    cv::Mat c;
    cv::magnitude(p[1], p[2], c);
    return c;
}

inline double meanChroma(const cv::Mat &m)
{
    return cv::mean(chromaOf(m))[0];
}

// Variance of the Laplacian of the 8-bit gray: the usual sharpness measure.
inline double laplacianVariance(const cv::Mat &m)
{
    cv::Mat gray = to8(m);
    if (gray.channels() == 4)
        cv::cvtColor(gray, gray, cv::COLOR_BGRA2GRAY);
    else if (gray.channels() == 3)
        cv::cvtColor(gray, gray, cv::COLOR_BGR2GRAY);
    cv::Mat lap;
    cv::Laplacian(gray, lap, CV_64F);
    cv::Scalar mean, sd;
    cv::meanStdDev(lap, mean, sd);
    return sd[0] * sd[0];
}

// The six kinds of input every operation takes, made from one BGR photo. The BGRA variant has a
// left-to-right alpha ramp with a fully transparent left strip and an opaque right one.
struct Variant
{
    const char *name;
    cv::Mat image;
};

inline cv::Mat withAlphaRamp(const cv::Mat &bgr)
{
    cv::Mat alpha(bgr.size(), CV_MAKETYPE(bgr.depth(), 1));
    const double maxV = bgr.depth() == CV_16U ? 65535.0 : 255.0;
    for (int x = 0; x < alpha.cols; ++x) {
        const double t = std::clamp((double(x) / alpha.cols - 0.2) / 0.6, 0.0, 1.0);
        alpha.col(x).setTo(cv::Scalar::all(std::round(t * maxV)));
    }
    cv::Mat out;
    const cv::Mat parts[] = {bgr, alpha};
    cv::merge(parts, 2, out);
    return out;
}

inline std::vector<Variant> variantsOf(const cv::Mat &bgr8)
{
    cv::Mat gray8;
    cv::cvtColor(bgr8, gray8, cv::COLOR_BGR2GRAY);
    return {
        {"8-bit gray", gray8},
        {"8-bit BGR", bgr8},
        {"8-bit BGRA", withAlphaRamp(bgr8)},
        {"16-bit gray", to16(gray8)},
        {"16-bit BGR", to16(bgr8)},
        {"16-bit BGRA", withAlphaRamp(to16(bgr8))},
    };
}

// Runs `id` with `given` on every variant of `bgr8` and checks: no error, same size and depth,
// the channel count `channelsFor(inputChannels)`, alpha passed through unchanged, the input left
// untouched, and the 16-bit result within `minPsnr` dB of the 8-bit one (compared at 8 bits).
inline void checkChannelsAndDepths(
    const QString &id, const QVariantMap &given, const cv::Mat &bgr8, double minPsnr,
    const std::function<int(int)> &channelsFor = [](int c) { return c; })
{
    const std::vector<Variant> variants = variantsOf(bgr8);
    std::vector<cv::Mat> results;
    for (const Variant &v : variants) {
        const cv::Mat before = v.image.clone();
        const pq::OpResult r = pqtest::run(id, v.image, given);
        QVERIFY2(!r.error, qPrintable(QStringLiteral("%1: %2").arg(v.name, errorText(r))));
        QVERIFY2(cv::norm(before, v.image, cv::NORM_INF) == 0,
                 qPrintable(QStringLiteral("%1: the input was modified").arg(v.name)));
        QCOMPARE(r.image.size(), v.image.size());
        QCOMPARE(r.image.depth(), v.image.depth());
        QCOMPARE(r.image.channels(), channelsFor(v.image.channels()));
        if (v.image.channels() == 4) {
            cv::Mat a0, a1;
            cv::extractChannel(v.image, a0, 3);
            cv::extractChannel(r.image, a1, 3);
            QVERIFY2(cv::norm(a0, a1, cv::NORM_INF) == 0,
                     qPrintable(QStringLiteral("%1: alpha changed").arg(v.name)));
        }
        results.push_back(r.image);
    }
    for (size_t i = 0; i < 3; ++i) {
        const double db = pqtest::psnr(results[i], results[i + 3]);
        qInfo("%s %s: 16-bit vs 8-bit result (%s): PSNR %.1f dB", qPrintable(id),
              qPrintable(specText(given)), variants[i].name, db);
        QVERIFY2(db >= minPsnr, qPrintable(QStringLiteral("%1: 16-bit result differs from the "
                                                          "8-bit one: %2 dB")
                                               .arg(variants[i].name)
                                               .arg(db)));
    }
}

// The parameters are refused, and the message names `mentions` (usually the parameter).
inline void checkRejected(const QString &id, const QVariantMap &given, const QString &mentions)
{
    pq::Params p;
    const auto err = pqtest::complete(id, given, &p);
    QVERIFY2(err, qPrintable(QStringLiteral("%1 accepted %2").arg(id, specText(given))));
    QVERIFY2(err->contains(mentions), qPrintable(*err));
}

inline void checkCancellation(const QString &id, const QVariantMap &given, const cv::Mat &image)
{
    std::atomic_bool cancelled{true};
    pq::OpContext ctx;
    ctx.cancelled = &cancelled;
    const pq::OpResult r = pqtest::op(id).run(image, pqtest::params(id, given), ctx);
    QVERIFY(r.error);
    QCOMPARE(r.error->kind, pq::ErrorKind::Transient);
}

// A centred crop, copied.
inline cv::Mat centre(const cv::Mat &m, int w, int h)
{
    w = std::min(w, m.cols);
    h = std::min(h, m.rows);
    return m(cv::Rect((m.cols - w) / 2, (m.rows - h) / 2, w, h)).clone();
}

} // namespace tonetest
