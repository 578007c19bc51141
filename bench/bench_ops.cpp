// Per-operation cost on a 12 MP photo (4000 x 3000, made from the 16 MP test photo), so that a
// regression in one operation shows up by name. Each operation runs with its default parameters
// (plus the few a default cannot give: sizes, a text, a watermark image, a crop rectangle;
// colorize needs its model files and reports so without them), REPEATS times; the
// table shows the median milliseconds and megapixels per second. Never part of the tests.
//
//   bench_ops [--repeats N] [--only ID,ID] [PHOTO]
#include "imageio/ImageIO.h"
#include "ops/OperationRegistry.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <vector>

using namespace pq;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    int repeats = 3;
    QStringList only;
    QString photo =
        QStringLiteral(PIXQUEUE_SOURCE_DIR "/tests/data/large_cc0_dandelions_5312x2988.jpg");
    const QStringList args = app.arguments().mid(1);
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--repeats") && i + 1 < args.size())
            repeats = std::max(1, args.at(++i).toInt());
        else if (args.at(i) == QLatin1String("--only") && i + 1 < args.size())
            only = args.at(++i).split(QLatin1Char(','));
        else
            photo = args.at(i);
    }
    const imageio::Decoded decoded = imageio::decodeFile(photo);
    if (decoded.error) {
        out << "cannot read " << photo << ": " << decoded.error->message << Qt::endl;
        return 1;
    }
    cv::Mat image;
    cv::resize(decoded.image, image, cv::Size(4000, 3000), 0, 0, cv::INTER_AREA);
    const double megapixels = image.total() / 1e6;

    QTemporaryDir dir;
    const QString logo = dir.filePath(QStringLiteral("logo.png"));
    cv::imwrite(logo.toStdString(), cv::Mat(200, 400, CV_8UC4, cv::Scalar(255, 255, 255, 160)));
    const QMap<QString, QVariantMap> extra{
        {QStringLiteral("watermark-image"), {{QStringLiteral("image"), logo}}},
        {QStringLiteral("border"), {{QStringLiteral("size-px"), 40}}},
        {QStringLiteral("canvas"),
         {{QStringLiteral("width"), 4400}, {QStringLiteral("height"), 3300}}},
        {QStringLiteral("resize"), {{QStringLiteral("width"), 1600}}},
        {QStringLiteral("watermark-text"),
         {{QStringLiteral("text"), QStringLiteral("© PixQueue 2026")}}},
        {QStringLiteral("crop"),
         {{QStringLiteral("x"), 1000},
          {QStringLiteral("y"), 750},
          {QStringLiteral("width"), 2000},
          {QStringLiteral("height"), 1500}}},
    };

    out << QStringLiteral("%1 x %2 (%3 MP), median of %4 runs\n\n")
               .arg(image.cols)
               .arg(image.rows)
               .arg(megapixels, 0, 'f', 1)
               .arg(repeats);
    out << QStringLiteral("| operation | ms | MP/s |\n|---|---:|---:|\n");
    const OperationRegistry &registry = OperationRegistry::instance();
    for (const Operation *op : registry.all()) {
        if (op->id().startsWith(QLatin1String("debug-")) ||
            (!only.isEmpty() && !only.contains(op->id())))
            continue;
        Params params;
        if (auto e = registry.completeParams(*op, extra.value(op->id()), &params)) {
            out << QStringLiteral("| %1 | skipped: %2 | |\n").arg(op->id(), *e);
            continue;
        }
        std::vector<qint64> times;
        QString failure;
        for (int r = 0; r < repeats && failure.isEmpty(); ++r) {
            OpContext ctx;
            QElapsedTimer t;
            t.start();
            const OpResult result = op->run(image, params, ctx);
            times.push_back(t.nsecsElapsed());
            if (result.error)
                failure = result.error->message;
        }
        if (!failure.isEmpty()) {
            out << QStringLiteral("| %1 | failed: %2 | |\n").arg(op->id(), failure);
            continue;
        }
        std::sort(times.begin(), times.end());
        const double ms = times[times.size() / 2] / 1e6;
        out << QStringLiteral("| %1 | %2 | %3 |\n")
                   .arg(op->id())
                   .arg(ms, 0, 'f', 1)
                   .arg(megapixels / (ms / 1000.0), 0, 'f', 1)
            << Qt::flush;
    }
    return 0;
}
