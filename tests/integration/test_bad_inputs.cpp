// Bad input, all of it: a batch of generated broken, odd and hostile inputs next to good ones, run
// through the real `pixqueue-cli` and through an in-process WorkerPool. Each bad file gives its
// job a clear error, each odd but valid one a correct output; nothing crashes, every other job
// completes, the originals stay byte-identical and no partial output is left behind. A full file
// system is simulated with RLIMIT_FSIZE.
#include "CliHarness.h"
#include "jobs/InputScanner.h"
#include "jobs/JobStore.h"
#include "jobs/WorkerPool.h"

#include <QSignalSpy>
#include <QTest>
#include <opencv2/imgproc.hpp>

using namespace pq;
using namespace pqtest;

namespace {

quint32 crc32(const QByteArray &bytes)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char c : bytes) {
        crc ^= quint8(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

void putBe32(QByteArray &b, quint32 v)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        b.append(char((v >> shift) & 0xFF));
}

QByteArray pngChunk(const char *type, const QByteArray &data)
{
    QByteArray chunk;
    putBe32(chunk, quint32(data.size()));
    const QByteArray body = QByteArray(type, 4) + data;
    chunk += body;
    putBe32(chunk, crc32(body));
    return chunk;
}

// A grey + alpha PNG (colour type 4), which OpenCV cannot write: a diagonal gradient with a
// transparent half.
QByteArray grayAlphaPng(int w, int h)
{
    QByteArray ihdr;
    putBe32(ihdr, quint32(w));
    putBe32(ihdr, quint32(h));
    ihdr += QByteArray("\x08\x04\x00\x00\x00", 5); // 8 bit, grey+alpha
    QByteArray raw;
    for (int y = 0; y < h; ++y) {
        raw.append('\0'); // filter: none
        for (int x = 0; x < w; ++x) {
            raw.append(char((x + y) % 256));
            raw.append(char(x < w / 2 ? 255 : 0));
        }
    }
    const QByteArray zlib = qCompress(raw).mid(4); // qCompress prefixes the length
    return QByteArray("\x89PNG\r\n\x1A\n", 8) + pngChunk("IHDR", ihdr) + pngChunk("IDAT", zlib) +
           pngChunk("IEND", {});
}

QByteArray encode(const cv::Mat &image, const char *ext)
{
    std::vector<uchar> buffer;
    cv::imencode(ext, image, buffer);
    return QByteArray(reinterpret_cast<const char *>(buffer.data()), qsizetype(buffer.size()));
}

// One input of the campaign: its file name below in/ and what must come of it.
struct Case
{
    QString name;
    QString error; // substring of the job's error; empty: the job must produce a good output;
                   // kSkipped: no job at all (the scan at enqueue skips it and says why)
    int side = 64; // the output's longest side when it succeeds
    bool portrait = false; // the output must be taller than wide (EXIF rotation applied)
};

const QString kRecipe = QStringLiteral("thumbnail:size=64");
const QString kSkipped = QStringLiteral("(skipped at enqueue)");

// A small animated GIF header (NETSCAPE looping extension, one 2x2 frame): 63 bytes. The length
// comes from the array, not a count typed by hand (ASan caught a miscounted one).
const char kAnimatedGif[] =
    "GIF89a\x02\x00\x02\x00\x80\x00\x00\x00\x00\x00\xFF\xFF\xFF"
    "!\xFF\x0BNETSCAPE2.0\x03\x01\x00\x00\x00"
    "!\xF9\x04\x00\x0A\x00\x00\x00,\x00\x00\x00\x00\x02\x00\x02\x00\x00\x02\x02"
    "D\x01\x00;";

// Writes the campaign's inputs into `in` and returns the cases. `afterEnqueue` are done by the
// caller after enqueueing: "deleted.jpg" is removed, "replaced.jpg" becomes a folder.
QList<Case> makeInputs(const QString &in)
{
    QDir().mkpath(in);
    const QByteArray face = readAll(testDataPath(QStringLiteral("face_filippo_giunchedi.jpg")));
    const QByteArray cameraman = readAll(testDataPath(QStringLiteral("gray_cameraman_cc0.png")));
    QList<Case> cases;
    auto add = [&](const QString &name, const QByteArray &bytes, const QString &error,
                   int side = 64, bool portrait = false) {
        writeFile(in + '/' + name, bytes);
        cases << Case{name, error, side, portrait};
    };

    add(QStringLiteral("good.jpg"), face, {});
    add(QStringLiteral("empty.jpg"), {}, QStringLiteral("empty (0 bytes)"));
    for (int percent : {10, 50, 90})
        add(QStringLiteral("truncated-%1.jpg").arg(percent), face.left(face.size() * percent / 100),
            QStringLiteral("truncated"));
    add(QStringLiteral("header-only.jpg"), face.left(600), QStringLiteral("truncated"));
    // A flipped bit inside the image data: the IDAT chunk's CRC no longer matches.
    QByteArray badCrc = cameraman;
    const qsizetype idat = badCrc.indexOf("IDAT");
    badCrc[idat + 100] = char(badCrc[idat + 100] ^ 0x40);
    add(QStringLiteral("bad-crc.png"), badCrc, QStringLiteral("corrupt"));
    add(QStringLiteral("png-named.jpg"), cameraman, {}); // wrong extension: the content decides
    add(QStringLiteral("notes.jpg"), "Shopping list: milk, bread.\n",
        QStringLiteral("not a supported image"));
    add(QStringLiteral("page.jpg"),
        "<!DOCTYPE html><html><head><title>x</title></head><body>404</body></html>\n",
        QStringLiteral("not a supported image"));
    // 60000 x 60000 declared in a 100-byte PNG.
    QByteArray bomb = encode(cv::Mat(8, 8, CV_8UC3, cv::Scalar(1, 2, 3)), ".png");
    bomb.replace(16, 8, QByteArray("\x00\x00\xEA\x60\x00\x00\xEA\x60", 8));
    add(QStringLiteral("bomb.png"), bomb, QStringLiteral("megapixels"));
    cv::Mat deep(100, 200, CV_16UC3);
    cv::randu(deep, 0, 65535);
    add(QStringLiteral("deep16.png"), encode(deep, ".png"), {});
    add(QStringLiteral("deep16.tif"), encode(deep, ".tif"), {});
    add(QStringLiteral("cmyk-exif-rotated.jpg"),
        readAll(testDataPath(QStringLiteral("face_filippo_giunchedi_cmyk_exif_rot90.jpg"))), {}, 64,
        true);
    add(QStringLiteral("gray-alpha.png"), grayAlphaPng(120, 80), {});
    add(QStringLiteral("anim.gif"), QByteArray(kAnimatedGif, sizeof(kAnimatedGif) - 1),
        kSkipped); // by extension; a GIF's content under another name: see test_imageio
    add(QStringLiteral("with spaces ünïcødé 📷.jpg"), face, {});
    add(QStringLiteral("deleted.jpg"), face, QStringLiteral("not found"));
    add(QStringLiteral("replaced.jpg"), face, QStringLiteral("folder"));
#ifdef Q_OS_UNIX
    // A symbolic link loop inside the dropped folder: scanned once, not forever.
    QDir().mkpath(in + QStringLiteral("/loop"));
    QFile::link(in + QStringLiteral("/loop"), in + QStringLiteral("/loop/again"));
    writeFile(in + QStringLiteral("/loop/inside.jpg"), face);
    cases << Case{QStringLiteral("loop/inside.jpg"), {}, 64, false};
#endif
    return cases;
}

void breakAfterEnqueue(const QString &in)
{
    QFile::remove(in + QStringLiteral("/deleted.jpg"));
    QFile::remove(in + QStringLiteral("/replaced.jpg"));
    QDir().mkpath(in + QStringLiteral("/replaced.jpg"));
}

QHash<QString, QByteArray> hashes(const QString &in, const QList<Case> &cases)
{
    QHash<QString, QByteArray> h;
    for (const Case &c : cases)
        if (QFileInfo(in + '/' + c.name).isFile())
            h.insert(c.name, sha256(in + '/' + c.name));
    return h;
}

struct JobView
{
    QString state, error, output;
};

} // namespace

class TestBadInputs : public QObject
{
    Q_OBJECT
private:
    // The checks shared by both paths: `jobs` maps an input's name below in/ to its job.
    void verifyOutcome(const QList<Case> &cases, const QHash<QString, JobView> &jobs,
                       const QString &in, const QString &out,
                       const QHash<QString, QByteArray> &before)
    {
        QStringList expectedOutputs;
        int skipped = 0;
        for (const Case &c : cases) {
            if (c.error == kSkipped) {
                QVERIFY2(!jobs.contains(c.name), qPrintable(c.name));
                ++skipped;
                continue;
            }
            QVERIFY2(jobs.contains(c.name), qPrintable(c.name));
            const JobView job = jobs.value(c.name);
            if (c.error.isEmpty()) {
                QVERIFY2(job.state == QLatin1String("done"),
                         qPrintable(c.name + ": " + job.state + " " + job.error));
                const cv::Mat image = decode(job.output);
                QVERIFY2(!image.empty(), qPrintable(job.output));
                QCOMPARE(maxSide(image), c.side);
                if (c.portrait)
                    QVERIFY2(image.rows > image.cols, qPrintable(c.name));
                expectedOutputs << QDir(out).relativeFilePath(job.output);
            } else {
                QVERIFY2(job.state == QLatin1String("failed"),
                         qPrintable(c.name + ": " + job.state));
                QVERIFY2(job.error.contains(c.error),
                         qPrintable(c.name + ": '" + job.error + "' lacks '" + c.error + "'"));
            }
        }
        QCOMPARE(jobs.size(), cases.size() - skipped);
        // No partial or stray file in the output folder: exactly the done jobs' outputs.
        expectedOutputs.sort();
        QCOMPARE(filesBelow(out), expectedOutputs);
        // The originals are untouched.
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            if (QFileInfo(in + '/' + it.key()).isFile())
                QVERIFY2(sha256(in + '/' + it.key()) == it.value(), qPrintable(it.key()));
    }

private slots:
    void throughTheCli()
    {
        CliHarness h;
        QVERIFY(h.isValid());
        const QString in = h.path(QStringLiteral("in"));
        const QString out = h.path(QStringLiteral("out"));
        const QString db = h.path(QStringLiteral("db.sqlite"));
        const QList<Case> cases = makeInputs(in);
        const auto before = hashes(in, cases);

        CliRun r = h.run({QStringLiteral("--db"), db, QStringLiteral("add"), QStringLiteral("--op"),
                          kRecipe, QStringLiteral("--out"), out, in});
        QVERIFY2(r.exitedNormallyWith(0), r.describe());
        QVERIFY2(r.err.contains("symbolic link loop"), r.describe());
        QVERIFY2(r.err.contains("not an image file type we read"), r.describe()); // anim.gif
        breakAfterEnqueue(in);
        r = h.run({QStringLiteral("--db"), db, QStringLiteral("run"),
                   QStringLiteral("--until-idle"), QStringLiteral("--workers"),
                   QStringLiteral("2")},
                  180000);
        QVERIFY2(r.exitedNormallyWith(1), r.describe()); // some jobs failed, none crashed

        QHash<QString, JobView> jobs;
        for (const QJsonValue &v : h.list(db)) {
            const QJsonObject j = v.toObject();
            const QString name =
                QDir(in).relativeFilePath(j.value(QStringLiteral("input")).toString());
            jobs.insert(name, {j.value(QStringLiteral("state")).toString(),
                               j.value(QStringLiteral("error")).toString(),
                               j.value(QStringLiteral("output")).toString()});
        }
        verifyOutcome(cases, jobs, in, out, before);
        QCOMPARE(sqlValue(db, QStringLiteral("PRAGMA integrity_check")).toString(),
                 QStringLiteral("ok"));
    }

    void throughTheWorkerPool()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString in = dir.filePath(QStringLiteral("in"));
        const QString out = dir.filePath(QStringLiteral("out"));
        const QList<Case> cases = makeInputs(in);
        const auto before = hashes(in, cases);

        JobStore store(dir.filePath(QStringLiteral("db.sqlite")));
        QVERIFY(!store.open());
        EnqueueRequest request;
        const ScanResult scan = scanInputs({in});
        request.inputs = scan.inputs;
        Recipe recipe;
        QVERIFY(!Recipe::fromSpecs({kRecipe}, &recipe));
        request.recipes << recipe;
        request.outputDir = out;
        EnqueueResult result;
        QVERIFY(!store.enqueue(request, &result));
        breakAfterEnqueue(in);

        WorkerPool pool(&store);
        pool.setWorkerCount(2);
        pool.start();
        QTRY_VERIFY_WITH_TIMEOUT(store.activeCount() == 0, 120000);
        pool.stop();
        pool.waitForStopped();

        QHash<QString, JobView> jobs;
        for (const JobRecord &j : store.list())
            jobs.insert(QDir(in).relativeFilePath(j.inputPath),
                        {jobStateName(j.state), j.errorMessage, j.outputPath});
        verifyOutcome(cases, jobs, in, out, before);
        QCOMPARE(store.integrityCheck(), QStringLiteral("ok"));
    }

    // A full disk while writing: the job fails with the system's reason, nothing partial stays,
    // the small job of the same batch is written. RLIMIT_FSIZE makes writes past 6 MB fail with
    // EFBIG (SIGXFSZ ignored), as a full file system would with ENOSPC.
    void fullFileSystem()
    {
#ifndef Q_OS_UNIX
        QSKIP("RLIMIT_FSIZE is POSIX");
#else
        CliHarness h;
        QVERIFY(h.isValid());
        const QString in = h.path(QStringLiteral("in"));
        const QString out = h.path(QStringLiteral("out"));
        const QString db = h.path(QStringLiteral("db.sqlite"));
        QVERIFY(copyFile(testDataPath(QStringLiteral("large_cc0_dandelions_5312x2988.jpg")),
                         in + QStringLiteral("/large.jpg")));
        QVERIFY(copyFile(testDataPath(QStringLiteral("gray_cameraman_cc0.png")),
                         in + QStringLiteral("/small.png")));
        const QByteArray largeHash = sha256(in + QStringLiteral("/large.jpg"));
        // A 16 MP lossless PNG is far above 6 MB; the small one far below.
        CliRun r = h.run({QStringLiteral("--db"), db, QStringLiteral("add"), QStringLiteral("--op"),
                          QStringLiteral("format:type=png,png-compression=1"),
                          QStringLiteral("--max-attempts"), QStringLiteral("1"),
                          QStringLiteral("--out"), out, in});
        QVERIFY2(r.exitedNormallyWith(0), r.describe());
        h.setFileSizeLimit(6 << 20);
        r = h.run(
            {QStringLiteral("--db"), db, QStringLiteral("run"), QStringLiteral("--until-idle")},
            180000);
        QVERIFY2(r.exitedNormallyWith(1), r.describe());
        h.setFileSizeLimit(0);
        const QJsonArray jobs = h.list(db);
        const QJsonObject large = jobForInput(jobs, QStringLiteral("large.jpg"));
        QCOMPARE(large.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
        const QString error = large.value(QStringLiteral("error")).toString();
        QVERIFY2(error.contains(QStringLiteral("cannot write")) &&
                     error.contains(QStringLiteral("large.png")),
                 qPrintable(error));
        QCOMPARE(jobForInput(jobs, QStringLiteral("small.png"))
                     .value(QStringLiteral("state"))
                     .toString(),
                 QStringLiteral("done"));
        QCOMPARE(filesBelow(out), QStringList{QStringLiteral("small.png")});
        QCOMPARE(sha256(in + QStringLiteral("/large.jpg")), largeHash);
#endif
    }
};

QTEST_GUILESS_MAIN(TestBadInputs)
#include "test_bad_inputs.moc"
