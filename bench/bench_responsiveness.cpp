// Responsiveness of the window: drops 10,000 image paths onto the real MainWindow (offscreen
// platform, a QDropEvent with file URLs as a file manager sends) and measures
//   - the longest stall of the GUI event loop: the worst gap between two ticks of a 10 ms timer
//     (a gap of 10 ms is no stall at all),
//   - the time until all rows are in the queue view,
// first with the queue idle, then again while 2 workers process the images of the first drop.
// Target: no stall over 100 ms. Never part of the tests.
//
//   bench_responsiveness [--files N]          (default 10000)
//
// The inputs are hard links to a few real photos from tests/data, each given its own content
// first, so the scanner, the database and the workers see N distinct-looking files without N
// copies on disk.
#include "MainWindow.h"
#include "QueueModel.h"
#include "RecipeEditor.h"
#include "jobs/WorkerPool.h"
#include "settings/AppIdentity.h"

#include <QApplication>
#include <QDir>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QUrl>
#include <algorithm>
#include <filesystem>
#include <system_error>

using namespace pq;

namespace {

// Watches the event loop with a 10 ms timer and keeps the worst gap between two ticks.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(10);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_worstNs = std::max(m_worstNs, now - m_lastNs);
            m_lastNs = now;
            ++m_ticks;
        });
    }
    void start()
    {
        m_worstNs = 0;
        m_ticks = 0;
        m_clock.start();
        m_lastNs = 0;
        m_timer.start();
    }
    double worstMs() const { return m_worstNs / 1e6; }
    int ticks() const { return m_ticks; }
    void stop() { m_timer.stop(); }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_worstNs = 0;
    int m_ticks = 0;
};

void drop(QWidget *target, const QList<QUrl> &urls)
{
    QMimeData mime;
    mime.setUrls(urls);
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QDropEvent dropEvent(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &dropEvent);
}

struct Measure
{
    double worstStallMs = 0;
    double allRowsMs = 0;
    int ticks = 0;
};

// Drops `urls` and runs the event loop until the view shows `expectedRows` rows.
Measure dropAndWait(ui::MainWindow &w, const QList<QUrl> &urls, int expectedRows)
{
    StallMeter meter;
    meter.start();
    QElapsedTimer t;
    t.start();
    drop(&w, urls);
    while (w.queueView()->model()->rowCount() < expectedRows && t.elapsed() < 600000)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    Measure m;
    m.allRowsMs = t.elapsed();
    // Keep measuring a little after the last row arrived: the status bar and view settle.
    const qint64 until = t.elapsed() + 500;
    while (t.elapsed() < until)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    meter.stop();
    m.worstStallMs = meter.worstMs();
    m.ticks = meter.ticks();
    return m;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    setApplicationIdentity();
    QStandardPaths::setTestModeEnabled(true); // settings and database in a throw-away place
    QSettings().clear();
    QTextStream out(stdout);

    int files = 10000;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i)
        if (args.at(i) == QLatin1String("--files"))
            files = std::max(10, args.at(i + 1).toInt());

    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    const QString photos[] = {QStringLiteral("face_filippo_giunchedi.jpg"),
                              QStringLiteral("gray_cameraman_cc0.png"),
                              QStringLiteral("teeth_three_men_smiling.jpg"),
                              QStringLiteral("lowcontrast_darkest_hour_lake.jpg")};
    // 2 x files inputs: the first drop is processed while the second is measured.
    constexpr int variants = 40;
    QDir().mkpath(dir.filePath(QStringLiteral("src")));
    QStringList sources;
    for (int v = 0; v < variants; ++v) {
        const QString photo = photos[v % std::size(photos)];
        const QString src =
            dir.filePath(QStringLiteral("src/v%1_%2").arg(v, 2, 10, QLatin1Char('0')).arg(photo));
        if (!QFile::copy(QStringLiteral(PIXQUEUE_SOURCE_DIR "/tests/data/") + photo, src))
            return 1;
        QFile f(src);
        if (!f.open(QIODevice::Append) || f.write(QByteArray(v + 1, '\0')) != v + 1)
            return 1;
        sources << src;
    }
    QList<QUrl> batches[2];
    for (int b = 0; b < 2; ++b) {
        const QString in = dir.filePath(QStringLiteral("in%1").arg(b));
        QDir().mkpath(in);
        for (int i = 0; i < files; ++i) {
            const QString src = sources.at(i % variants);
            const QString link = QStringLiteral("%1/%2_%3")
                                     .arg(in)
                                     .arg(i, 5, 10, QLatin1Char('0'))
                                     .arg(QFileInfo(src).fileName());
            std::error_code ec;
            std::filesystem::create_hard_link(src.toStdString(), link.toStdString(), ec);
            if (ec && !QFile::copy(src, link))
                return 1;
            batches[b] << QUrl::fromLocalFile(link);
        }
    }

    ui::MainWindow w(dir.filePath(QStringLiteral("queue.sqlite")));
    ui::RecipeEditor *editor = w.recipeEditor();
    editor->setCurrentRecipe(Recipe{});
    editor->addStep(QStringLiteral("thumbnail"));
    editor->setOutputDir(dir.filePath(QStringLiteral("out")));
    w.resize(1200, 800);
    w.show();
    QApplication::processEvents();

    const Measure idle = dropAndWait(w, batches[0], files);
    // The same again while two workers process the first batch.
    w.pool()->setWorkerCount(2);
    w.startQueue();
    QElapsedTimer warm;
    warm.start();
    while (warm.elapsed() < 1000)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    const Measure busy = dropAndWait(w, batches[1], 2 * files);
    const int done = w.queueModel()->count(JobState::Done);
    w.pool()->stop();

    out << "## Window responsiveness: " << files << " paths dropped onto the main window\n\n"
        << "| situation | rows in the view after (ms) | worst event-loop stall (ms) | "
           "10 ms ticks |\n"
        << "|---|---:|---:|---:|\n";
    out << QStringLiteral("| queue idle | %1 | %2 | %3 |\n")
               .arg(idle.allRowsMs, 0, 'f', 0)
               .arg(idle.worstStallMs, 0, 'f', 1)
               .arg(idle.ticks);
    out << QStringLiteral("| 2 workers processing | %1 | %2 | %3 |\n")
               .arg(busy.allRowsMs, 0, 'f', 0)
               .arg(busy.worstStallMs, 0, 'f', 1)
               .arg(busy.ticks);
    out << "\n"
        << done << " jobs were done by the workers meanwhile. Target: no stall over 100 ms.\n";
    return 0;
}
