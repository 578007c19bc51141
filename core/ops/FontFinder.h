#pragma once
// Finds a font file for a family name ("DejaVu Sans", "Arial Bold", "Times New Roman") in the
// system's and the user's font folders, without fontconfig or a GUI library. Any thread: the
// folder scan is done once per process and shared (behind a mutex); a name that is not found
// triggers one rescan, so a font installed while the program runs is found too.

#include <QString>
#include <QStringList>
#include <optional>

namespace pq::fonts {

// The folders searched on this platform, in order (whether they exist or not):
//   Linux and other Unix: /usr/share/fonts, /usr/local/share/fonts, ~/.local/share/fonts,
//                         ~/.fonts, and fonts/ under every $XDG_DATA_DIRS entry
//   macOS:   /System/Library/Fonts, /Library/Fonts, ~/Library/Fonts
//   Windows: %WINDIR%\Fonts, %LOCALAPPDATA%\Microsoft\Windows\Fonts
QStringList fontFolders();

// `familyOrPath` is either a path to a .ttf/.otf/.ttc file, or a family name, optionally with a
// style ("DejaVu Sans Bold"). Names match loosely: case, spaces, '-' and '_' do not count, and a
// family name alone finds its regular face. File names are tried first (DejaVuSans.ttf,
// LiberationSans-Regular.ttf, arial.ttf), then the names stored inside the fonts (the OpenType
// 'name' table), which is how "Times New Roman" finds Windows' times.ttf. Returns nullopt when
// nothing matches.
std::optional<QString> findFontFile(const QString &familyOrPath);

// Lower case without spaces, '-' and '_': the form names are compared in.
QString normalisedFontName(const QString &name);

} // namespace pq::fonts
