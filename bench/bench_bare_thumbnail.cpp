// The floor for `pixqueue-cli process --op thumbnail:size=256`: the same work with nothing around
// it. Decode with shrink-on-load (IMREAD_REDUCED_* for JPEG, the largest reduction that keeps the
// long side >= 256), resize with INTER_AREA to a long side of 256, encode JPEG quality 85, write.
// No queue, no database, no atomic rename, no metadata. One thread per core pulls files from a
// shared counter.
//
//   bench_bare_thumbnail OUT_DIR [--threads N] FILE...
#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <atomic>
#include <cstdio>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr int kSize = 256;

// Reads the JPEG SOF for the stored size; 0 when not a JPEG or not found.
cv::Size jpegSize(const std::vector<uchar> &b)
{
    if (b.size() < 4 || b[0] != 0xFF || b[1] != 0xD8)
        return {};
    size_t i = 2;
    while (i + 9 < b.size()) {
        if (b[i] != 0xFF) {
            ++i;
            continue;
        }
        const uchar m = b[i + 1];
        const size_t len = size_t(b[i + 2]) << 8 | b[i + 3];
        if ((m >= 0xC0 && m <= 0xC3) || (m >= 0xC5 && m <= 0xC7) || (m >= 0xC9 && m <= 0xCB) ||
            (m >= 0xCD && m <= 0xCF))
            return {int(b[i + 7]) << 8 | b[i + 8], int(b[i + 5]) << 8 | b[i + 6]};
        i += 2 + len;
    }
    return {};
}

bool thumbnail(const std::string &in, const std::string &out)
{
    QFile f(QString::fromStdString(in));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray bytes = f.readAll();
    std::vector<uchar> data(bytes.begin(), bytes.end());
    int flags = cv::IMREAD_COLOR;
    const cv::Size stored = jpegSize(data);
    const int longSide = std::max(stored.width, stored.height);
    if (longSide >= kSize * 8)
        flags = cv::IMREAD_REDUCED_COLOR_8;
    else if (longSide >= kSize * 4)
        flags = cv::IMREAD_REDUCED_COLOR_4;
    else if (longSide >= kSize * 2)
        flags = cv::IMREAD_REDUCED_COLOR_2;
    const cv::Mat image = cv::imdecode(data, flags);
    if (image.empty())
        return false;
    const double scale = double(kSize) / std::max(image.cols, image.rows);
    cv::Mat small;
    if (scale < 1)
        cv::resize(image, small, cv::Size(), scale, scale, cv::INTER_AREA);
    else
        small = image;
    std::vector<uchar> encoded;
    if (!cv::imencode(".jpg", small, encoded, {cv::IMWRITE_JPEG_QUALITY, 85}))
        return false;
    QFile o(QString::fromStdString(out));
    return o.open(QIODevice::WriteOnly) &&
           o.write(reinterpret_cast<const char *>(encoded.data()), qint64(encoded.size())) ==
               qint64(encoded.size());
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s OUT_DIR [--threads N] FILE...\n", argv[0]);
        return 2;
    }
    const std::string outDir = argv[1];
    int threads = int(std::thread::hardware_concurrency());
    std::vector<std::string> files;
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--threads" && i + 1 < argc)
            threads = std::max(1, std::atoi(argv[++i]));
        else
            files.push_back(a);
    }
    cv::setNumThreads(1); // parallelism comes from the file threads, as in PixQueue
    std::atomic<size_t> next{0};
    std::atomic<int> failed{0};
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&] {
            for (size_t i = next++; i < files.size(); i = next++) {
                const std::string name =
                    QFileInfo(QString::fromStdString(files[i])).completeBaseName().toStdString();
                if (!thumbnail(files[i], outDir + "/" + name + ".jpg"))
                    ++failed;
            }
        });
    for (auto &t : pool)
        t.join();
    if (failed)
        std::fprintf(stderr, "%d file(s) failed\n", failed.load());
    return failed ? 1 : 0;
}
