#pragma once
// The window's persistent settings (QSettings, organisation/application from
// pq::setApplicationIdentity). GUI thread only.

#include "jobs/JobTypes.h"

#include <QString>

namespace pq::ui {

struct AppSettings
{
    int workers = 0; // 0: one per core
    QString outputDir;
    QString naming; // empty: the default template
    OverwritePolicy overwrite = OverwritePolicy::Rename;
    int leaseSeconds = 60;
    int maxAttempts = 5;
    // Input size limits (imageio::DecodeLimits): larger images or files fail with a clear error.
    int maxMegapixels = 100;
    int maxFileMB = 1024;
    QString language; // empty: the system's; otherwise a locale name such as "de" or "zh_CN"
    bool resumeOnStart = true;

    static AppSettings load();
    void save() const;
    int effectiveWorkers() const;
    static QString defaultOutputDir();
};

// Keys of the window state that is not part of AppSettings.
namespace keys {
inline constexpr char geometry[] = "window/geometry";
inline constexpr char windowState[] = "window/state";
inline constexpr char splitter[] = "window/splitter";
inline constexpr char previewSplitter[] = "window/previewSplitter";
inline constexpr char recipe[] = "recipe/current";
inline constexpr char checkedPresets[] = "recipe/checkedPresets";
inline constexpr char useCurrentRecipe[] = "recipe/useCurrent";
inline constexpr char offloadNextBatch[] = "input/offload"; // the window's Offload toggle
} // namespace keys

} // namespace pq::ui
