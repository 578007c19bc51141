// watermark-text: the text lands where gravity and margin put it and nowhere else (every other
// pixel keeps its exact value), at the requested size, colour and opacity; tiled copies cover
// the whole photo; fonts are found by family name or path; grey, BGRA and 16-bit photos work.

#include "ImageTestUtil.h"
#include "OutputTestUtil.h"
#include "ops/FontFinder.h"

#include <QFileInfo>
#include <QPoint>
#include <QTest>
#include <QtConcurrent>
#include <atomic>

using namespace pq;
using outtest::changedBox;
using outtest::rectText;

namespace {

const QString wm = QStringLiteral("watermark-text");

OpResult runText(const cv::Mat &input, QVariantMap given)
{
    if (!given.contains(QStringLiteral("text")))
        given.insert(QStringLiteral("text"), QStringLiteral("© 2024 Jane Doe"));
    return pqtest::run(wm, input, given);
}

} // namespace

class TestWatermarkText : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void paramsAndDefaults();
    void invalidParams_data();
    void invalidParams();
    void fontFinder();
    void missingFontIsPermanentAndSaysWhereItLooked();
    void fontFileByPath();
    void southeastCornerOnly();
    void gravity_data();
    void gravity();
    void marginAndSize();
    void opacityZeroIsIdentity();
    void opacityScalesTheChange();
    void opaqueColourIsExact();
    void tiledCoversAllQuadrants();
    void shadowShowsLightTextOnLightParts();
    void angleAndLines();
    void longTextShrinksToFit();
    void greyImageGetsGreyText();
    void alphaChannelKept();
    void sixteenBitMatchesEightBit();
    void inputNotModifiedAndThreadsAgree();
    void cancelled();

private:
    cv::Mat m_photo; // face_filippo_giunchedi.jpg, 800x533
};

void TestWatermarkText::initTestCase()
{
    const auto d = pqtest::decodeTestImage(QStringLiteral("face_filippo_giunchedi.jpg"));
    QVERIFY(!d.error);
    m_photo = d.image;
    QCOMPARE(m_photo.size(), cv::Size(800, 533));
}

void TestWatermarkText::paramsAndDefaults()
{
    const Params p = pqtest::params(wm, {{"text", "x"}});
    QCOMPARE(p.value("font").toString(), QStringLiteral("DejaVu Sans"));
    QCOMPARE(p.value("size").toDouble(), 5.0);
    QCOMPARE(p.value("color").toString(), QStringLiteral("white"));
    QCOMPARE(p.value("opacity").toDouble(), 0.5);
    QCOMPARE(p.value("gravity").toString(), QStringLiteral("southeast"));
    QCOMPARE(p.value("margin").toDouble(), 2.0);
    QCOMPARE(p.value("tiled").toBool(), false);
    QCOMPARE(p.value("angle").toDouble(), 0.0);
    QCOMPARE(p.value("shadow").toDouble(), 0.0);
    const QList<ParamSpec> specs = pqtest::op(wm).params();
    for (const ParamSpec &s : specs)
        QVERIFY2(!s.label.isEmpty() && !s.help.isEmpty(), qPrintable(s.name));
    QCOMPARE(specs.at(5).choices.size(), 9); // gravity
}

void TestWatermarkText::invalidParams_data()
{
    QTest::addColumn<QVariantMap>("given");
    QTest::addColumn<QString>("named");
    QTest::newRow("no text") << QVariantMap{} << "text";
    QTest::newRow("blank text") << QVariantMap{{"text", "   "}} << "text";
    QTest::newRow("blank font") << QVariantMap{{"text", "a"}, {"font", " "}} << "font";
    QTest::newRow("opacity 1.5") << QVariantMap{{"text", "a"}, {"opacity", 1.5}} << "opacity";
    QTest::newRow("gravity up") << QVariantMap{{"text", "a"}, {"gravity", "up"}} << "gravity";
    QTest::newRow("size 0") << QVariantMap{{"text", "a"}, {"size", 0}} << "size";
    QTest::newRow("margin 60") << QVariantMap{{"text", "a"}, {"margin", 60}} << "margin";
    QTest::newRow("color blurple") << QVariantMap{{"text", "a"}, {"color", "blurple"}} << "color";
    QTest::newRow("angle 400") << QVariantMap{{"text", "a"}, {"angle", 400}} << "angle";
    QTest::newRow("tiled often") << QVariantMap{{"text", "a"}, {"tiled", "often"}} << "tiled";
}

void TestWatermarkText::invalidParams()
{
    QFETCH(QVariantMap, given);
    QFETCH(QString, named);
    Params p;
    const auto err = pqtest::complete(wm, given, &p);
    QVERIFY(err);
    QVERIFY2(err->contains(named), qPrintable(*err));
}

void TestWatermarkText::fontFinder()
{
    // fonts-dejavu-core (installed by scripts/install-deps.sh) has these four.
    auto found = [](const QString &name) {
        const auto f = fonts::findFontFile(name);
        return f ? QFileInfo(*f).fileName() : QStringLiteral("(none)");
    };
    QCOMPARE(found(QStringLiteral("DejaVu Sans")), QStringLiteral("DejaVuSans.ttf"));
    QCOMPARE(found(QStringLiteral("dejavu-sans bold")), QStringLiteral("DejaVuSans-Bold.ttf"));
    QCOMPARE(found(QStringLiteral("DejaVu Sans Mono")), QStringLiteral("DejaVuSansMono.ttf"));
    QCOMPARE(found(QStringLiteral("DejaVu Serif")), QStringLiteral("DejaVuSerif.ttf"));
    // Only the font's own 'name' table says that DejaVu's regular face is called "Book".
    QCOMPARE(found(QStringLiteral("DejaVu Sans Book")), QStringLiteral("DejaVuSans.ttf"));
    QCOMPARE(found(QStringLiteral("DejaVuSans-Bold.ttf")), QStringLiteral("DejaVuSans-Bold.ttf"));
    const QString path = *fonts::findFontFile(QStringLiteral("DejaVu Sans"));
    QCOMPARE(*fonts::findFontFile(path), path);
    QVERIFY(!fonts::findFontFile(QStringLiteral("No Such Font 42")));
    QVERIFY(!fonts::findFontFile(QStringLiteral("/no/such/folder/font.ttf")));
    QVERIFY(!fonts::findFontFile(QString()));
    QCOMPARE(fonts::normalisedFontName(QStringLiteral("Times New_Roman-Bold")),
             QStringLiteral("timesnewromanbold"));
}

void TestWatermarkText::missingFontIsPermanentAndSaysWhereItLooked()
{
    const OpResult r = runText(m_photo, {{"font", "No Such Font 42"}});
    QVERIFY(r.error);
    QCOMPARE(r.error->kind, ErrorKind::Permanent);
    QVERIFY2(r.error->message.contains(QLatin1String("No Such Font 42")),
             qPrintable(r.error->message));
    for (const QString &folder : fonts::fontFolders())
        QVERIFY2(r.error->message.contains(folder), qPrintable(r.error->message));
}

void TestWatermarkText::fontFileByPath()
{
    const auto serif = fonts::findFontFile(QStringLiteral("DejaVu Serif"));
    QVERIFY(serif);
    const OpResult byPath = runText(m_photo, {{"font", *serif}, {"size", 8}});
    const OpResult byName = runText(m_photo, {{"font", "DejaVu Serif"}, {"size", 8}});
    const OpResult sans = runText(m_photo, {{"size", 8}});
    QVERIFY(!byPath.error && !byName.error && !sans.error);
    QCOMPARE(cv::norm(byPath.image, byName.image, cv::NORM_INF), 0.0);
    QVERIFY(cv::norm(byPath.image, sans.image, cv::NORM_INF) > 0);
}

void TestWatermarkText::southeastCornerOnly()
{
    const OpResult r = runText(m_photo, {{"size", 6}});
    QVERIFY(!r.error);
    QCOMPARE(r.image.size(), m_photo.size());
    QCOMPARE(r.image.type(), m_photo.type());
    const cv::Rect box = changedBox(m_photo, r.image);
    const int margin = qRound(533 * 0.02); // 11 px
    qInfo("text box %s", qPrintable(rectText(box)));
    QVERIFY(!box.empty());
    // Pushed into the corner: the ink ends exactly at the margin.
    QCOMPARE(box.x + box.width, 800 - margin);
    QVERIFY(qAbs(box.y + box.height - (533 - margin)) <= 1);
    QVERIFY(box.x > 400 && box.y > 533 * 3 / 4);
    // Everything else keeps its exact value; white text brightens what it covers.
    cv::Mat outside = r.image.clone();
    m_photo(box).copyTo(outside(box));
    QCOMPARE(cv::norm(outside, m_photo, cv::NORM_INF), 0.0);
    QVERIFY(cv::mean(r.image(box))[1] > cv::mean(m_photo(box))[1] + 10);
}

void TestWatermarkText::gravity_data()
{
    QTest::addColumn<QString>("gravity");
    QTest::addColumn<QPoint>("third");
    QTest::newRow("northwest") << "northwest" << QPoint(0, 0);
    QTest::newRow("north") << "north" << QPoint(1, 0);
    QTest::newRow("northeast") << "northeast" << QPoint(2, 0);
    QTest::newRow("west") << "west" << QPoint(0, 1);
    QTest::newRow("center") << "center" << QPoint(1, 1);
    QTest::newRow("east") << "east" << QPoint(2, 1);
    QTest::newRow("southwest") << "southwest" << QPoint(0, 2);
    QTest::newRow("south") << "south" << QPoint(1, 2);
    QTest::newRow("southeast") << "southeast" << QPoint(2, 2);
}

void TestWatermarkText::gravity()
{
    QFETCH(QString, gravity);
    QFETCH(QPoint, third);
    const OpResult r = runText(m_photo, {{"gravity", gravity}, {"text", "PQ"}});
    QVERIFY(!r.error);
    const cv::Rect box = changedBox(m_photo, r.image);
    const cv::Point centre(box.x + box.width / 2, box.y + box.height / 2);
    const cv::Point at = outtest::thirdOf(m_photo.size(), centre);
    QCOMPARE(QPoint(at.x, at.y), third);
    const int margin = qRound(533 * 0.02);
    if (third.x() == 0)
        QCOMPARE(box.x, margin);
    if (third.y() == 0)
        QVERIFY(qAbs(box.y - margin) <= 1);
    if (third.x() == 1)
        QVERIFY(qAbs(centre.x - 400) <= 2);
}

void TestWatermarkText::marginAndSize()
{
    const OpResult small = runText(m_photo, {{"size", 5}, {"margin", 10}});
    const OpResult large = runText(m_photo, {{"size", 10}, {"margin", 10}});
    QVERIFY(!small.error && !large.error);
    const cv::Rect a = changedBox(m_photo, small.image);
    const cv::Rect b = changedBox(m_photo, large.image);
    const int margin = qRound(533 * 0.10);
    QCOMPARE(a.x + a.width, 800 - margin);
    QCOMPARE(b.x + b.width, 800 - margin);
    // Size is relative to the shorter side: 10% of 533 is a 53 px font, whose ink ("©", digits
    // and capitals) is a little less tall; twice the size is twice as big.
    qInfo("size 5: %s, size 10: %s", qPrintable(rectText(a)), qPrintable(rectText(b)));
    QVERIFY(b.height > 0.6 * 53 && b.height < 1.1 * 53);
    QVERIFY(qAbs(double(b.height) / a.height - 2.0) < 0.2);
    QVERIFY(qAbs(double(b.width) / a.width - 2.0) < 0.15);
}

void TestWatermarkText::opacityZeroIsIdentity()
{
    for (bool tiled : {false, true}) {
        const OpResult r = runText(m_photo, {{"opacity", 0}, {"tiled", tiled}});
        QVERIFY(!r.error);
        QCOMPARE(cv::norm(r.image, m_photo, cv::NORM_INF), 0.0);
    }
    const OpResult clear = runText(m_photo, {{"color", "transparent"}, {"opacity", 1}});
    QVERIFY(!clear.error);
    QCOMPARE(cv::norm(clear.image, m_photo, cv::NORM_INF), 0.0);
}

void TestWatermarkText::opacityScalesTheChange()
{
    double last = 0;
    for (double opacity : {0.25, 0.5, 1.0}) {
        const OpResult r = runText(m_photo, {{"opacity", opacity}, {"size", 8}});
        QVERIFY(!r.error);
        const double change = cv::norm(r.image, m_photo, cv::NORM_L1);
        if (last > 0) // "over" blending is linear in opacity, which doubles each time here
            QVERIFY2(qAbs(change / last - 2.0) < 0.1, qPrintable(QString::number(change / last)));
        last = change;
    }
}

void TestWatermarkText::opaqueColourIsExact()
{
    const OpResult r = runText(m_photo, {{"color", "red"}, {"opacity", 1}, {"size", 12}});
    QVERIFY(!r.error);
    const cv::Rect box = changedBox(m_photo, r.image);
    // Inside the strokes the coverage is full: pure red there; anti-aliased edges in between.
    cv::Mat pureRed;
    cv::inRange(r.image(box), cv::Scalar(0, 0, 255), cv::Scalar(0, 0, 255), pureRed);
    QVERIFY2(cv::countNonZero(pureRed) > 200,
             qPrintable(QString::number(cv::countNonZero(pureRed))));
    // Half-transparent "#ff000080" at opacity 1 is the same as red at opacity 0.5.
    const OpResult half = runText(m_photo, {{"color", "#ff000080"}, {"opacity", 1}, {"size", 12}});
    const OpResult viaOpacity =
        runText(m_photo, {{"color", "red"}, {"opacity", 128.0 / 255.0}, {"size", 12}});
    QCOMPARE(cv::norm(half.image, viaOpacity.image, cv::NORM_INF), 0.0);
}

void TestWatermarkText::tiledCoversAllQuadrants()
{
    const OpResult tiled = runText(m_photo, {{"tiled", true}, {"angle", 30}});
    QVERIFY(!tiled.error);
    const auto q = outtest::changedPerQuadrant(m_photo, tiled.image);
    const int quadrant = 400 * 266;
    for (int n : q)
        QVERIFY2(n > quadrant / 50, qPrintable(QString::number(n)));
    const OpResult single = runText(m_photo, {});
    const auto one = outtest::changedPerQuadrant(m_photo, single.image);
    QCOMPARE(one[0] + one[1] + one[2], 0);
    QVERIFY(one[3] > 0);
}

void TestWatermarkText::shadowShowsLightTextOnLightParts()
{
    // White text on a white sky is invisible; the shadow makes it show, as a darker outline
    // below and right of the letters.
    const cv::Mat white(300, 400, CV_8UC3, cv::Scalar::all(255));
    const OpResult plain = runText(white, {{"opacity", 1}, {"size", 12}});
    QVERIFY(!plain.error);
    QCOMPARE(cv::norm(plain.image, white, cv::NORM_INF), 0.0);
    const OpResult shaded = runText(white, {{"opacity", 1}, {"size", 12}, {"shadow", 0.8}});
    QVERIFY(!shaded.error);
    const cv::Rect box = changedBox(white, shaded.image);
    QVERIFY(box.width > 100);
    double darkest = 255;
    cv::minMaxLoc(shaded.image.reshape(1), &darkest);
    QVERIFY2(darkest < 128, qPrintable(QString::number(darkest)));
    // Still in the corner, inside the margins.
    QVERIFY(box.x + box.width <= 400 - 6 && box.y + box.height <= 300 - 6);
    // On a photo the shadowed text stays in its corner.
    const OpResult onPhoto = runText(m_photo, {{"shadow", 1}});
    const cv::Rect photoBox = changedBox(m_photo, onPhoto.image);
    QVERIFY(photoBox.x > 400 && photoBox.y > 533 * 3 / 4);
}

void TestWatermarkText::angleAndLines()
{
    const OpResult flat = runText(m_photo, {{"gravity", "center"}});
    const OpResult upright = runText(m_photo, {{"gravity", "center"}, {"angle", 90}});
    const OpResult twoLines = runText(
        m_photo, {{"gravity", "center"}, {"text", "© 2024 Jane Doe\\nAll rights reserved"}});
    QVERIFY(!flat.error && !upright.error && !twoLines.error);
    const cv::Rect f = changedBox(m_photo, flat.image);
    const cv::Rect u = changedBox(m_photo, upright.image);
    const cv::Rect t = changedBox(m_photo, twoLines.image);
    QVERIFY(f.width > 3 * f.height);
    QVERIFY(u.height > 3 * u.width);
    QVERIFY(qAbs(u.height - f.width) <= 4);
    QVERIFY(t.height > 2 * f.height);
}

void TestWatermarkText::longTextShrinksToFit()
{
    const OpResult r =
        runText(m_photo, {{"text", "Photograph by Jane Doe, all rights reserved, do not reproduce"},
                          {"size", 10}});
    QVERIFY(!r.error);
    const cv::Rect box = changedBox(m_photo, r.image);
    const int margin = qRound(533 * 0.02);
    qInfo("long text box %s", qPrintable(rectText(box)));
    QVERIFY(box.x >= margin);
    QCOMPARE(box.x + box.width, 800 - margin);
}

void TestWatermarkText::greyImageGetsGreyText()
{
    const auto grey = pqtest::decodeTestImage(QStringLiteral("gray_cameraman_cc0.png"));
    QVERIFY(!grey.error);
    QCOMPARE(grey.image.channels(), 1);
    const OpResult r = runText(grey.image, {{"color", "red"}, {"opacity", 1}, {"size", 12}});
    QVERIFY(!r.error);
    QCOMPARE(r.image.channels(), 1);
    QCOMPARE(r.image.depth(), CV_8U);
    const cv::Rect box = changedBox(grey.image, r.image);
    QVERIFY(box.y > 384);
    QCOMPARE(box.x + box.width, 512 - 10); // margin: 2% of 512
    // Fully covered pixels take red's luma: 0.299 * 255 = 76.
    cv::Mat luma;
    cv::inRange(r.image(box), 76, 76, luma);
    QVERIFY(cv::countNonZero(luma) > 200);
}

void TestWatermarkText::alphaChannelKept()
{
    cv::Mat opaque;
    cv::cvtColor(m_photo, opaque, cv::COLOR_BGR2BGRA);
    const OpResult onOpaque = runText(opaque, {{"size", 8}});
    const OpResult onBgr = runText(m_photo, {{"size", 8}});
    QVERIFY(!onOpaque.error && !onBgr.error);
    QCOMPARE(onOpaque.image.channels(), 4);
    cv::Mat colour;
    cv::cvtColor(onOpaque.image, colour, cv::COLOR_BGRA2BGR);
    QCOMPARE(cv::norm(colour, onBgr.image, cv::NORM_INF), 0.0);

    // On a transparent picture the text must still show: alpha rises under it, and only there.
    cv::Mat clear(300, 400, CV_8UC4, cv::Scalar(0, 0, 0, 0));
    const OpResult r = runText(clear, {{"opacity", 1}, {"size", 15}});
    QVERIFY(!r.error);
    std::vector<cv::Mat> ch;
    cv::split(r.image, ch);
    const cv::Rect inked = cv::boundingRect(ch[3]);
    QCOMPARE(inked, changedBox(clear, r.image));
    double maxAlpha = 0;
    cv::minMaxLoc(ch[3], nullptr, &maxAlpha);
    QCOMPARE(maxAlpha, 255.0);
    // where alpha is full the colour is the text's, white
    cv::Mat full = ch[3] == 255;
    QCOMPARE(cv::mean(ch[0], full)[0], 255.0);
}

void TestWatermarkText::sixteenBitMatchesEightBit()
{
    cv::Mat wide;
    m_photo.convertTo(wide, CV_16U, 257.0);
    const OpResult r16 = runText(wide, {{"size", 8}, {"color", "#3080c0"}});
    const OpResult r8 = runText(m_photo, {{"size", 8}, {"color", "#3080c0"}});
    QVERIFY(!r16.error && !r8.error);
    QCOMPARE(r16.image.depth(), CV_16U);
    cv::Mat back;
    r16.image.convertTo(back, CV_8U, 1.0 / 257.0);
    QVERIFY(cv::norm(back, r8.image, cv::NORM_INF) <= 1.0);
    QCOMPARE(changedBox(wide, r16.image), changedBox(m_photo, r8.image));
}

void TestWatermarkText::inputNotModifiedAndThreadsAgree()
{
    const cv::Mat before = m_photo.clone();
    const OpResult first = runText(m_photo, {{"tiled", true}});
    QVERIFY(!first.error);
    QCOMPARE(cv::norm(m_photo, before, cv::NORM_INF), 0.0);
    // Each thread has its own FreeType face; all draw the same pixels.
    QList<int> runs(8);
    const QList<double> diffs = QtConcurrent::blockingMapped(runs, [&](int) {
        const OpResult r = runText(m_photo, {{"tiled", true}});
        return r.error ? -1.0 : cv::norm(r.image, first.image, cv::NORM_INF);
    });
    for (double d : diffs)
        QCOMPARE(d, 0.0);
}

void TestWatermarkText::cancelled()
{
    std::atomic_bool stop{true};
    OpContext ctx;
    ctx.cancelled = &stop;
    const OpResult r = pqtest::op(wm).run(m_photo, pqtest::params(wm, {{"text", "x"}}), ctx);
    QVERIFY(r.error);
    QCOMPARE(r.error->kind, ErrorKind::Transient);
}

QTEST_GUILESS_MAIN(TestWatermarkText)
#include "test_watermark_text.moc"
