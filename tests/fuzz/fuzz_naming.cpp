// Output naming templates (OutputNaming: validateTemplate, fileName, numbered), with the inputs'
// names, preset names and batch positions that fill them in.
//
// Input, one field per line: template, input path, preset name, index, output type (auto, jpeg,
// png, webp, tiff, bmp; the extension comes from it and the input's suffix as in Recipe).
//
// Invariant (path safety): for every template validateTemplate accepts, the output stays directly
// inside the output folder: one file name component, never "..", not absolute, no drive or
// stream colon, no character 0x00-0x1F, no Windows device name (NUL.jpg, "CON .x.jpg", COM¹.png)
// whatever the input is called; the same for the "-N" names that the rename policy makes.
// Aborts when it breaks.

#include "FuzzSupport.h"
#include "jobs/OutputNaming.h"
#include "ops/Recipe.h"

#include <QFileInfo>

using namespace pq;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QStringList f = fuzz::fields(data, size, 5);
    const QString &tpl = f[0];
    const QString &inputPath = f[1];
    const QString &preset = f[2];
    bool ok = false;
    const int index = qBound(1, f[3].trimmed().toInt(&ok), 1000000);
    static const QStringList types{QStringLiteral("auto"), QStringLiteral("jpeg"),
                                   QStringLiteral("png"),  QStringLiteral("webp"),
                                   QStringLiteral("tiff"), QStringLiteral("bmp")};
    Recipe recipe;
    recipe.output.insert(QStringLiteral("type"),
                         types.contains(f[4].trimmed()) ? f[4].trimmed() : QStringLiteral("auto"));
    const QString suffix = recipe.outputSuffix(QFileInfo(inputPath).suffix());

    if (OutputNaming::validateTemplate(tpl))
        return 0; // refused with a message: fine

    const QString outDir = QStringLiteral("/srv/out");
    const QString name = OutputNaming::fileName(tpl, inputPath, preset, index, suffix);
    fuzz::checkInsideFolder(outDir, name, "naming template output name");
    const QString path = QDir(outDir).filePath(name);
    for (int n : {1, 2, 99999}) {
        const QString other = OutputNaming::numbered(path, n);
        if (QFileInfo(other).path() != outDir)
            fuzz::fail("a numbered output name leaves the folder", other);
        fuzz::checkInsideFolder(outDir, QFileInfo(other).fileName(), "numbered output name");
    }
    return 0;
}
