#pragma once
// Helpers shared by the image operation and image I/O tests (header-only: every test_*.cpp is its
// own executable).

#include "imageio/ImageIO.h"
#include "ops/Operation.h"
#include "ops/OperationRegistry.h"

#include <QString>
#include <QTest>
#include <QVariantMap>
#include <limits>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

namespace pqtest {

inline QString dataPath(const QString &name)
{
    return QStringLiteral(PIXQUEUE_TEST_DATA "/") + name;
}

// Decodes a test photo; fails the calling test (through QVERIFY2 in the caller) when it cannot.
inline pq::imageio::Decoded decodeTestImage(const QString &name, int maxReduction = 1)
{
    return pq::imageio::decodeFile(dataPath(name), maxReduction);
}

inline const pq::Operation &op(const QString &id)
{
    const pq::Operation *o = pq::OperationRegistry::instance().find(id);
    if (!o)
        qFatal("operation %s is not registered", qPrintable(id));
    return *o;
}

// Completes and validates params the way recipes do; returns the error message, if any.
inline std::optional<QString> complete(const QString &id, const QVariantMap &given, pq::Params *out)
{
    return pq::OperationRegistry::instance().completeParams(op(id), given, out);
}

inline pq::Params params(const QString &id, const QVariantMap &given)
{
    pq::Params p;
    if (auto err = complete(id, given, &p))
        qFatal("bad test params for %s: %s", qPrintable(id), qPrintable(*err));
    return p;
}

inline pq::OpResult run(const QString &id, const cv::Mat &input, const QVariantMap &given)
{
    pq::OpContext ctx;
    return op(id).run(input, params(id, given), ctx);
}

// PSNR in dB over all channels, comparing at 8 bits; +inf for identical images.
inline double psnr(const cv::Mat &a, const cv::Mat &b)
{
    cv::Mat a8 = a;
    cv::Mat b8 = b;
    if (a8.depth() == CV_16U)
        a8.convertTo(a8, CV_8U, 1.0 / 257.0);
    if (b8.depth() == CV_16U)
        b8.convertTo(b8, CV_8U, 1.0 / 257.0);
    if (cv::norm(a8, b8, cv::NORM_INF) == 0)
        return std::numeric_limits<double>::infinity();
    return cv::PSNR(a8, b8);
}

inline QString sizeText(const cv::Mat &m)
{
    return QStringLiteral("%1x%2").arg(m.cols).arg(m.rows);
}

} // namespace pqtest
