// The preview pane in the main window, driven like a user on the offscreen platform with real
// photos: adding images and selecting a job shows its "before"; editing a parameter in the form
// updates the "after" (once per pause, not once per change: debounced); the divider follows the
// mouse; side by side puts the images next to each other; in manual red-eye mode a rectangle
// dragged on the downscaled, EXIF-rotated preview becomes the `eyes` parameter in full-resolution
// pixels of the upright image; Clear regions empties it; a corrupt input shows its error.

#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "ParamForm.h"
#include "PreviewController.h"
#include "PreviewPane.h"
#include "PreviewWidget.h"
#include "QueueModel.h"
#include "RecipeEditor.h"
#include "ops/ParamValues.h"
#include "preview/PreviewRenderer.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <memory>

using namespace pq;
using namespace pq::ui;

namespace {

const QString kData = QStringLiteral(PIXQUEUE_TEST_DATA);
constexpr int kTimeoutMs = 60000;

QString dataFile(const char *name)
{
    return kData + QLatin1Char('/') + QLatin1String(name);
}

Recipe recipeOf(const QStringList &specs)
{
    Recipe r;
    const auto e = Recipe::fromSpecs(specs, &r);
    if (e)
        qWarning("%s", qPrintable(*e));
    return r;
}

double meanLevel(const QImage &image)
{
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    double sum = 0;
    for (int y = 0; y < gray.height(); ++y) {
        const uchar *line = gray.constScanLine(y);
        for (int x = 0; x < gray.width(); ++x)
            sum += line[x];
    }
    return sum / (double(gray.width()) * gray.height());
}

QImage toQImage(const cv::Mat &m)
{
    const QImage::Format f = m.channels() == 1 ? QImage::Format_Grayscale8 : QImage::Format_BGR888;
    return QImage(m.data, m.cols, m.rows, int(m.step), f).copy();
}

} // namespace

class TestPreview : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void addedInputShowsBeforeAndAfter();
    void selectingARowPreviewsItsInput();
    void parameterChangeUpdatesAfterDebounced();
    void draggingTheDividerMovesIt();
    void sideBySideToggle();
    void drawingManualRedEyeSetsFullResolutionEyes();
    void teethWhiteningDrawsMouths();
    void corruptInputShowsItsError();
    void staleResultsAreDropped();
    void splitterStateIsSaved();

private:
    PreviewPane *pane() const { return m_window->previewPane(); }
    PreviewController *controller() const { return pane()->controller(); }
    PreviewWidget *canvas() const { return pane()->canvas(); }
    RecipeEditor *editor() const { return m_window->recipeEditor(); }
    // Waits until no render is pending or running.
    bool waitIdle()
    {
        return QTest::qWaitFor([this] { return !controller()->isBusy(); }, kTimeoutMs);
    }

    QTemporaryDir m_tmp;
    std::unique_ptr<MainWindow> m_window;
    QString m_first;
    QString m_rotated;
};

void TestPreview::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_window = std::make_unique<MainWindow>(m_tmp.filePath(QStringLiteral("queue.sqlite")));
    QVERIFY2(m_window->openError().isEmpty(), qPrintable(m_window->openError()));
    editor()->setOutputDir(m_tmp.filePath(QStringLiteral("out")));
    m_window->resize(1400, 950);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(pane());
    QVERIFY(canvas()->isVisible());
    QVERIFY(canvas()->beforeImage().isNull());
    // Copies, so that the queue's inputs are ours.
    m_first = m_tmp.filePath(QStringLiteral("katherine.jpg"));
    m_rotated = m_tmp.filePath(QStringLiteral("filippo_rot90.jpg"));
    QVERIFY(QFile::copy(dataFile("teeth_katherine_maher.jpg"), m_first));
    QVERIFY(QFile::copy(dataFile("face_filippo_giunchedi_cmyk_exif_rot90.jpg"), m_rotated));
}

void TestPreview::cleanupTestCase()
{
    m_window.reset();
}

void TestPreview::addedInputShowsBeforeAndAfter()
{
    editor()->setCurrentRecipe(recipeOf({QStringLiteral("grayscale")}));
    QSignalSpy added(m_window.get(), &MainWindow::inputsAdded);
    QVERIFY(m_window->addInputs({m_first}));
    QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, kTimeoutMs);
    // The last added input is previewed while no job is selected.
    QCOMPARE(pane()->input(), m_first);
    QTRY_VERIFY_WITH_TIMEOUT(!canvas()->beforeImage().isNull(), kTimeoutMs);
    QVERIFY(waitIdle());
    QCOMPARE(canvas()->beforeImage().size(), QSize(800, 533));
    QVERIFY(!canvas()->beforeImage().allGray());
    QVERIFY(!canvas()->afterImage().isNull());
    QVERIFY(canvas()->afterImage().allGray());
    QCOMPARE(controller()->decodeCount(), 1);
}

void TestPreview::selectingARowPreviewsItsInput()
{
    QSignalSpy added(m_window.get(), &MainWindow::inputsAdded);
    QVERIFY(m_window->addInputs({m_rotated}));
    QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, kTimeoutMs);
    QCOMPARE(pane()->input(), m_rotated);
    // EXIF orientation 6: the preview is upright like the jobs' input, 533 x 800.
    QTRY_COMPARE_WITH_TIMEOUT(canvas()->beforeImage().size(), QSize(533, 800), kTimeoutMs);

    QTRY_COMPARE_WITH_TIMEOUT(m_window->queueView()->model()->rowCount(), 2, kTimeoutMs);
    m_window->queueView()->selectRow(0);
    QCOMPARE(pane()->input(), m_first);
    QTRY_COMPARE_WITH_TIMEOUT(canvas()->beforeImage().size(), QSize(800, 533), kTimeoutMs);
    m_window->queueView()->selectRow(1);
    QCOMPARE(pane()->input(), m_rotated);
    QTRY_COMPARE_WITH_TIMEOUT(canvas()->beforeImage().size(), QSize(533, 800), kTimeoutMs);
    QVERIFY(waitIdle());
    // Back to the first: decoded again only if it was evicted (one input is cached).
    m_window->queueView()->selectRow(0);
    QTRY_COMPARE_WITH_TIMEOUT(canvas()->beforeImage().size(), QSize(800, 533), kTimeoutMs);
    QVERIFY(waitIdle());
}

void TestPreview::parameterChangeUpdatesAfterDebounced()
{
    QCOMPARE(pane()->input(), m_first);
    editor()->setCurrentRecipe(recipeOf({QStringLiteral("brightness-contrast")}));
    editor()->selectStep(0);
    QVERIFY(waitIdle());
    const double before = meanLevel(canvas()->beforeImage());
    QVERIFY(std::abs(meanLevel(canvas()->afterImage()) - before) < 1.0); // identity
    const int decodes = controller()->decodeCount();

    auto *brightness =
        editor()->paramForm()->findChild<QSpinBox *>(QStringLiteral("param_brightness"));
    QVERIFY(brightness);
    const int rendersBefore = controller()->renderCount();
    // A slider being dragged: 20 changes, 20 ms apart (well inside the 150 ms debounce). On a
    // loaded machine a gap may exceed the interval; each such gap may cost one more render.
    QElapsedTimer clock;
    clock.start();
    int longGaps = 0;
    for (int v = 2; v <= 40; v += 2) {
        if (clock.restart() >= controller()->debounceInterval())
            ++longGaps;
        brightness->setValue(v);
        QTest::qWait(20);
    }
    QVERIFY(waitIdle());
    const int renders = controller()->renderCount() - rendersBefore;
    QVERIFY2(renders >= 1 && renders <= 1 + longGaps && renders <= 5,
             qPrintable(QStringLiteral("%1 renders, %2 long gaps").arg(renders).arg(longGaps)));
    // The parameters changed, the input did not: no decode.
    QCOMPARE(controller()->decodeCount(), decodes);
    QVERIFY2(
        meanLevel(canvas()->afterImage()) > before + 10,
        qPrintable(QStringLiteral("%1 vs %2").arg(meanLevel(canvas()->afterImage())).arg(before)));
    // What is shown is the last value's result, not a stale one.
    const preview::PreviewResult direct = preview::renderPreviewFile(
        m_first, recipeOf({QStringLiteral("brightness-contrast:brightness=40")}));
    QVERIFY(direct.error.isEmpty());
    QCOMPARE(canvas()->afterImage().convertToFormat(QImage::Format_RGB888),
             toQImage(direct.after).convertToFormat(QImage::Format_RGB888));
}

void TestPreview::draggingTheDividerMovesIt()
{
    QVERIFY(!canvas()->afterImage().isNull());
    QCOMPARE(canvas()->mode(), PreviewWidget::Mode::Split);
    canvas()->setDividerPosition(0.5);
    const QRectF image = canvas()->beforeRect();
    QVERIFY(!image.isEmpty());
    const int y = int(image.center().y());
    const QPoint start(int(canvas()->dividerX()), y);
    const QPoint end(int(image.left() + 0.2 * image.width()), y);
    QSignalSpy moved(canvas(), &PreviewWidget::dividerMoved);
    QTest::mousePress(canvas(), Qt::LeftButton, Qt::NoModifier, start);
    for (int i = 1; i <= 5; ++i)
        QTest::mouseMove(canvas(), start + (end - start) * i / 5);
    QTest::mouseRelease(canvas(), Qt::LeftButton, Qt::NoModifier, end);
    QVERIFY(moved.size() >= 2);
    QVERIFY2(std::abs(canvas()->dividerPosition() - 0.2) < 0.02,
             qPrintable(QString::number(canvas()->dividerPosition())));
    QVERIFY(std::abs(canvas()->dividerX() - end.x()) <= 1.5);
    // And the keyboard moves it too.
    canvas()->setFocus();
    QTest::keyClick(canvas(), Qt::Key_Right);
    QVERIFY(canvas()->dividerPosition() > 0.2);
}

void TestPreview::sideBySideToggle()
{
    auto *toggle = pane()->findChild<QToolButton *>(QStringLiteral("previewSideBySide"));
    QVERIFY(toggle);
    QVERIFY(!toggle->accessibleName().isEmpty());
    QTest::mouseClick(toggle, Qt::LeftButton);
    QCOMPARE(canvas()->mode(), PreviewWidget::Mode::SideBySide);
    const QRectF before = canvas()->beforeRect();
    const QRectF after = canvas()->afterRect();
    QVERIFY(!before.isEmpty() && !after.isEmpty());
    QVERIFY(before.right() < after.left());
    QVERIFY(!before.intersects(after));
    QVERIFY(before.width() * 2 <= canvas()->width());
    QTest::mouseClick(toggle, Qt::LeftButton);
    QCOMPARE(canvas()->mode(), PreviewWidget::Mode::Split);
    QCOMPARE(canvas()->beforeRect(), canvas()->afterRect());
}

void TestPreview::drawingManualRedEyeSetsFullResolutionEyes()
{
    // The EXIF-rotated photo (stored 800x533, upright 533x800) at a preview size of 300 px: a
    // rectangle on the preview must come out in the upright image's full-resolution pixels.
    controller()->setMaxSide(300);
    m_window->queueView()->selectRow(1);
    QCOMPARE(pane()->input(), m_rotated);
    editor()->setCurrentRecipe(recipeOf({QStringLiteral("red-eye"), QStringLiteral("sepia")}));
    editor()->selectStep(0);
    QVERIFY(waitIdle());
    QVERIFY(!canvas()->regionMode()); // auto mode: nothing to draw

    auto *mode = editor()->paramForm()->findChild<QComboBox *>(QStringLiteral("param_mode"));
    QVERIFY(mode);
    mode->setCurrentText(QStringLiteral("manual"));
    QVERIFY(canvas()->regionMode());
    QCOMPARE(pane()->regionParam(), QStringLiteral("eyes"));
    QVERIFY(waitIdle());
    QCOMPARE(controller()->current().focusStep, 0);
    QCOMPARE(controller()->current().beforeFullSize, QSize(533, 800));
    QCOMPARE(canvas()->beforeImage().height(), 300);

    const QRectF image = canvas()->beforeRect();
    auto at = [&](double fx, double fy) {
        return QPoint(int(image.left() + fx * image.width()),
                      int(image.top() + fy * image.height()));
    };
    auto fullX = [&](int x) { return (x - image.left()) / image.width() * 533; };
    auto fullY = [&](int y) { return (y - image.top()) / image.height() * 800; };
    const QPoint p1 = at(0.30, 0.35);
    const QPoint p2 = at(0.45, 0.42);
    QTest::mousePress(canvas(), Qt::LeftButton, Qt::NoModifier, p1);
    QTest::mouseMove(canvas(), (p1 + p2) / 2);
    QTest::mouseMove(canvas(), p2);
    QTest::mouseRelease(canvas(), Qt::LeftButton, Qt::NoModifier, p2);

    const QString eyes =
        editor()->currentRecipe().steps.at(0).params.value(QStringLiteral("eyes")).toString();
    const auto rects = parseRects(eyes);
    QVERIFY2(rects && rects->size() == 1, qPrintable(eyes));
    const cv::Rect r = rects->front();
    // One widget pixel is 800 / image height (about 1-2 full-resolution pixels).
    const double tolerance = 800.0 / image.height() + 1;
    QVERIFY2(std::abs(r.x - fullX(p1.x())) <= tolerance, qPrintable(eyes));
    QVERIFY2(std::abs(r.y - fullY(p1.y())) <= tolerance, qPrintable(eyes));
    QVERIFY2(std::abs(r.width - (fullX(p2.x()) - fullX(p1.x()))) <= tolerance, qPrintable(eyes));
    QVERIFY2(std::abs(r.height - (fullY(p2.y()) - fullY(p1.y()))) <= tolerance, qPrintable(eyes));
    // About 0.30 * 533 = 160 and 0.35 * 800 = 280, whatever the widget's size.
    QVERIFY(std::abs(r.x - 160) <= 4 && std::abs(r.y - 280) <= 4);

    // The form shows it, the recipe is valid again, and the overlay is drawn.
    auto *field = editor()->paramForm()->findChild<QLineEdit *>(QStringLiteral("param_eyes"));
    QVERIFY(field);
    QCOMPARE(field->text(), eyes);
    QCOMPARE(canvas()->regions().size(), 1);
    QVERIFY(!editor()->findChild<QLabel *>(QStringLiteral("recipeProblem"))->isVisible());

    // A second eye, drawn on the same picture: appended.
    QVERIFY(waitIdle());
    QTest::mousePress(canvas(), Qt::LeftButton, Qt::NoModifier, at(0.55, 0.35));
    QTest::mouseMove(canvas(), at(0.70, 0.42));
    QTest::mouseRelease(canvas(), Qt::LeftButton, Qt::NoModifier, at(0.70, 0.42));
    QCOMPARE(
        parseRects(
            editor()->currentRecipe().steps.at(0).params.value(QStringLiteral("eyes")).toString())
            ->size(),
        size_t(2));
    QCOMPARE(canvas()->regions().size(), 2);

    // A click is not a rectangle.
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::NoModifier, at(0.5, 0.8));
    QCOMPARE(canvas()->regions().size(), 2);

    auto *clear = pane()->findChild<QToolButton *>(QStringLiteral("previewClearRegions"));
    QVERIFY(clear && clear->isEnabled());
    QTest::mouseClick(clear, Qt::LeftButton);
    QVERIFY(editor()
                ->currentRecipe()
                .steps.at(0)
                .params.value(QStringLiteral("eyes"))
                .toString()
                .isEmpty());
    QVERIFY(canvas()->regions().isEmpty());
    QVERIFY(!clear->isEnabled());

    // Selecting another step leaves region mode and shows the whole recipe again.
    editor()->selectStep(1);
    QVERIFY(!canvas()->regionMode());
    QVERIFY(waitIdle());
    QCOMPARE(controller()->current().focusStep, -1);
    controller()->setMaxSide(preview::kDefaultMaxSide);
    QVERIFY(waitIdle());
}

void TestPreview::teethWhiteningDrawsMouths()
{
    m_window->queueView()->selectRow(0);
    editor()->setCurrentRecipe(recipeOf({QStringLiteral("teeth-whiten")}));
    editor()->selectStep(0);
    QVERIFY(canvas()->regionMode());
    QCOMPARE(pane()->regionParam(), QStringLiteral("mouth"));
    QVERIFY(waitIdle());
    QCOMPARE(controller()->current().beforeFullSize, QSize(800, 533));
    const QRectF image = canvas()->beforeRect();
    const QPoint p1(int(image.left() + 0.4 * image.width()),
                    int(image.top() + 0.5 * image.height()));
    const QPoint p2(int(image.left() + 0.6 * image.width()),
                    int(image.top() + 0.7 * image.height()));
    QTest::mousePress(canvas(), Qt::LeftButton, Qt::NoModifier, p1);
    QTest::mouseMove(canvas(), p2);
    QTest::mouseRelease(canvas(), Qt::LeftButton, Qt::NoModifier, p2);
    const auto rects = parseRects(
        editor()->currentRecipe().steps.at(0).params.value(QStringLiteral("mouth")).toString());
    QVERIFY(rects && rects->size() == 1);
    QVERIFY(std::abs(rects->front().x - 320) <= 4);
    QVERIFY(std::abs(rects->front().y - 266) <= 4);
    QVERIFY(std::abs(rects->front().width - 160) <= 4);
    QVERIFY(std::abs(rects->front().height - 107) <= 4);
    QVERIFY(waitIdle());
    QVERIFY(controller()->current().error.isEmpty());
}

void TestPreview::corruptInputShowsItsError()
{
    const QString broken = m_tmp.filePath(QStringLiteral("broken.jpg"));
    QFile f(broken);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("this is not a JPEG\n");
    f.close();
    editor()->setCurrentRecipe(recipeOf({QStringLiteral("grayscale")}));
    pane()->setInput(broken);
    QVERIFY(waitIdle());
    QVERIFY(!controller()->current().error.isEmpty());
    QCOMPARE(pane()->statusText(), controller()->current().error);
    QVERIFY(canvas()->beforeImage().isNull());
    // And a good one afterwards works again.
    pane()->setInput(m_first);
    QVERIFY(waitIdle());
    QVERIFY(controller()->current().error.isEmpty());
    QVERIFY(!canvas()->beforeImage().isNull());
}

void TestPreview::staleResultsAreDropped()
{
    editor()->setCurrentRecipe(recipeOf({QStringLiteral("denoise")}));
    QVERIFY(waitIdle());
    QStringList shown;
    const auto connection = connect(controller(), &PreviewController::rendered, this,
                                    [&] { shown << controller()->current().path; });
    // A render of the rotated photo starts; the first photo is asked for while it runs.
    const int started = controller()->renderCount();
    pane()->setInput(m_rotated);
    QTRY_VERIFY_WITH_TIMEOUT(controller()->renderCount() > started, kTimeoutMs);
    pane()->setInput(m_first);
    QVERIFY(waitIdle());
    disconnect(connection);
    QCOMPARE(shown, QStringList{m_first});
    QCOMPARE(controller()->current().path, m_first);
    QCOMPARE(canvas()->beforeImage().size(), QSize(800, 533));
}

void TestPreview::splitterStateIsSaved()
{
    auto *splitter = m_window->findChild<QSplitter *>(QStringLiteral("previewSplitter"));
    QVERIFY(splitter);
    QList<int> sizes = splitter->sizes();
    QCOMPARE(sizes.size(), 2);
    const int total = sizes[0] + sizes[1];
    splitter->setSizes({total / 4, total - total / 4});
    const QList<int> wanted = splitter->sizes();
    m_window->close();
    m_window.reset();
    m_window = std::make_unique<MainWindow>(m_tmp.filePath(QStringLiteral("queue.sqlite")));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    splitter = m_window->findChild<QSplitter *>(QStringLiteral("previewSplitter"));
    QVERIFY(splitter);
    QVERIFY2(std::abs(splitter->sizes()[0] - wanted[0]) <= 2,
             qPrintable(QStringLiteral("%1 vs %2").arg(splitter->sizes()[0]).arg(wanted[0])));
}

PQ_GUI_TEST_MAIN(TestPreview)
#include "test_preview.moc"
