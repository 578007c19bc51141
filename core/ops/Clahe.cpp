// clahe: contrast-limited adaptive histogram equalisation (Zuiderveld, "Contrast Limited Adaptive
// Histogram Equalization", Graphics Gems IV, 1994) of L* in Lab; a* and b* are kept, so colours
// keep their hue and chroma.
//
// The semantics are OpenCV's cv::CLAHE (clip limit relative to the mean bin count of a 256-bin
// histogram, an N x N grid of tiles, bilinear blending of the tiles' mappings), but the mapping
// is evaluated on continuous L* (linear within a bin) instead of on 8-bit codes: 16-bit images
// keep their precision and get the same result as 8-bit ones. (cv::CLAHE on 16-bit uses 65536
// bins, which changes what a clip limit means.) Transparent pixels are left out of the tiles'
// histograms.

#include "AllOperations.h"
#include "OpSupport.h"
#include "ToneSupport.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace pq::ops {

namespace {

constexpr int bins = 256;

// Cumulative histogram of one tile at the bin edges, normalised to [0, 100] (bins + 1 values),
// and the clipped histogram itself (the slope within each bin).
struct TileMap
{
    std::vector<float> edge;
    std::vector<float> slope;

    float operator()(int bin, float frac) const { return edge[bin] + frac * slope[bin]; }
};

TileMap tileMap(const cv::Mat &L, const cv::Mat &mask, double clipLimit)
{
    std::vector<double> hist(bins, 0.0);
    for (int y = 0; y < L.rows; ++y) {
        const float *l = L.ptr<float>(y);
        const uchar *m = mask.empty() ? nullptr : mask.ptr<uchar>(y);
        for (int x = 0; x < L.cols; ++x)
            if (!m || m[x])
                hist[std::clamp(int(l[x] * (bins / 100.0f)), 0, bins - 1)] += 1.0;
    }
    double total = 0;
    for (double h : hist)
        total += h;
    TileMap map;
    map.edge.resize(bins + 1);
    map.slope.resize(bins);
    if (total == 0) {
        // No visible pixel: the identity.
        for (int k = 0; k <= bins; ++k)
            map.edge[k] = float(k * 100.0 / bins);
        std::fill(map.slope.begin(), map.slope.end(), float(100.0 / bins));
        return map;
    }
    // Clip, and hand the excess out evenly (cv::CLAHE: limit = clip * tile area / bins, >= 1).
    const double limit = std::max(clipLimit * total / bins, 1.0);
    double excess = 0;
    for (double &h : hist)
        if (h > limit) {
            excess += h - limit;
            h = limit;
        }
    const double share = excess / bins;
    double cum = 0;
    for (int k = 0; k < bins; ++k) {
        const double h = hist[k] + share;
        map.edge[k] = float(cum * 100.0 / total);
        map.slope[k] = float(h * 100.0 / total);
        cum += h;
    }
    map.edge[bins] = 100.0f;
    return map;
}

// Tile boundaries along one axis: n tiles as equal as integers allow.
std::vector<int> tileEdges(int length, int n)
{
    std::vector<int> e(n + 1);
    for (int i = 0; i <= n; ++i)
        e[i] = int(std::int64_t(i) * length / n);
    return e;
}

// Returns false when cancelled.
bool equalise(cv::Mat &L, const cv::Mat &mask, double clipLimit, int tiles, OpContext &ctx)
{
    const int nx = std::min(tiles, L.cols);
    const int ny = std::min(tiles, L.rows);
    const std::vector<int> ex = tileEdges(L.cols, nx);
    const std::vector<int> ey = tileEdges(L.rows, ny);
    std::vector<TileMap> maps;
    maps.reserve(nx * ny);
    for (int ty = 0; ty < ny; ++ty) {
        if (ctx.isCancelled())
            return false;
        for (int tx = 0; tx < nx; ++tx) {
            const cv::Rect r(ex[tx], ey[ty], ex[tx + 1] - ex[tx], ey[ty + 1] - ey[ty]);
            maps.push_back(tileMap(L(r), mask.empty() ? cv::Mat() : mask(r), clipLimit));
        }
    }

    // Each pixel blends the mappings of the four nearest tile centres (bilinear), as cv::CLAHE.
    const float tileW = float(L.cols) / nx;
    const float tileH = float(L.rows) / ny;
    struct Axis
    {
        int a, b;
        float w; // weight of b
    };
    auto axis = [](int i, float tileSize, int n) {
        const float f = (i + 0.5f) / tileSize - 0.5f;
        const int a = int(std::floor(f));
        const float w = f - a;
        return Axis{std::clamp(a, 0, n - 1), std::clamp(a + 1, 0, n - 1), w};
    };
    std::vector<Axis> xs(L.cols);
    for (int x = 0; x < L.cols; ++x)
        xs[x] = axis(x, tileW, nx);

    for (int y = 0; y < L.rows; ++y) {
        if (y % 64 == 0 && ctx.isCancelled())
            return false;
        const Axis ay = axis(y, tileH, ny);
        const TileMap *top = &maps[ay.a * nx];
        const TileMap *bottom = &maps[ay.b * nx];
        float *l = L.ptr<float>(y);
        for (int x = 0; x < L.cols; ++x) {
            const float t = std::clamp(l[x], 0.0f, 100.0f) * (bins / 100.0f);
            const int k = std::min(int(t), bins - 1);
            const float frac = t - k;
            const Axis &ax = xs[x];
            const float up = (1 - ax.w) * top[ax.a](k, frac) + ax.w * top[ax.b](k, frac);
            const float down = (1 - ax.w) * bottom[ax.a](k, frac) + ax.w * bottom[ax.b](k, frac);
            l[x] = (1 - ay.w) * up + ay.w * down;
        }
    }
    return true;
}

class Clahe final : public Operation
{
    Q_DECLARE_TR_FUNCTIONS(pq::ops::Clahe)

public:
    QString id() const override { return QStringLiteral("clahe"); }
    QString title() const override { return tr("Local contrast (CLAHE)"); }
    QString description() const override
    {
        return tr("Brings out detail in dark and flat areas by equalising the lightness region by "
                  "region, with a limit on how far contrast may be raised.");
    }

    QList<ParamSpec> params() const override
    {
        return {
            ParamSpec::real(QStringLiteral("clip-limit"), 2.0, 1.0, 100.0, QString(),
                            tr("Clip limit"),
                            tr("How much contrast may be raised locally, as a multiple of a flat "
                               "histogram (as in OpenCV): 1 is the gentlest, 2 to 4 natural, "
                               "higher dramatic.")),
            ParamSpec::integer(QStringLiteral("tile-size"), 8, 1, 64, QString(), tr("Tiles"),
                               tr("Number of tiles across each side of the image (8 = an 8x8 "
                                  "grid, as OpenCV's tileGridSize); more tiles, more local.")),
        };
    }

    OpResult run(const cv::Mat &input, const Params &params, OpContext &ctx) const override
    {
        if (ctx.isCancelled())
            return support::cancelledResult();
        const double clipLimit = params.value(QStringLiteral("clip-limit")).toDouble();
        const int tiles = params.value(QStringLiteral("tile-size")).toInt();
        return support::guarded([&] {
            bool completed = true;
            cv::Mat out = tone::mapLightness(input, [&](cv::Mat &L, const cv::Mat &alpha) {
                const cv::Mat mask = alpha.empty() ? cv::Mat() : cv::Mat(alpha > 0);
                completed = equalise(L, mask, clipLimit, tiles, ctx);
            });
            if (!completed)
                return support::cancelledResult();
            if (ctx.progress)
                ctx.progress(1.0);
            return OpResult::ok(out);
        });
    }
};

} // namespace

std::unique_ptr<Operation> makeClahe()
{
    return std::make_unique<Clahe>();
}
PQ_REGISTER_OPERATION(makeClahe);

} // namespace pq::ops
