#!/usr/bin/env bash
# Installs what PixQueue needs to build and test.
#
# Debian 12 (bookworm) / Ubuntu: installs the missing packages with apt-get, as root or through
# sudo. It asks dpkg first, so a second run does not call apt-get at all (no network, no lock).
# Other systems: prints what to install there and exits 1; PIXQUEUE_SKIP_DEPS=1 makes it exit 0
# instead (for machines whose dependencies are managed by hand). PIXQUEUE_SKIP_DEPS=1 also skips
# this step on Debian.
set -euo pipefail

APT_PACKAGES=(
    # build
    cmake ninja-build g++
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qtkeychain-qt6-dev libopencv-dev libexiv2-dev libjpeg-dev libxxhash-dev libdeflate-dev
    # run time: the SQLite driver is a plugin, not a link dependency, so nothing else pulls it in
    libqt6sql6-sqlite opencv-data fonts-dejavu-core
    # run time: Qt's own translations (OK/Cancel, the file dialogs) for the German and Chinese UI
    qt6-translations-l10n
    # tests: a session bus and a secret service for the keychain tests, a virtual display
    xvfb xauth dbus gnome-keyring libsecret-1-0 libsecret-tools
    # tests: the window screenshot (import, identify, convert; xwininfo finds the window)
    imagemagick x11-utils
    # tests: node runs the local SQS/S3 server (fauxqs) and the CMQ protocol stand-in
    nodejs
    # tests (scripts/fuzz.sh, run by CI): the libFuzzer targets need Clang, and libFuzzer itself
    # (libclang_rt.fuzzer*.a) with the sanitizer runtimes is in libclang-rt-14-dev
    clang libclang-rt-14-dev
)
# Debian packages npm separately; NodeSource's nodejs bundles it and conflicts with Debian's npm.
command -v npm >/dev/null 2>&1 || APT_PACKAGES+=(npm)

# ---- npm packages for test servers -------------------------------------------------------------
# Test servers from npm, installed into tests/servers/node_modules (git-ignored, repo-local; never
# global). fauxqs serves the SQS JSON protocol and S3 on loopback for the core/remote tests; 1.9.2
# is the last version that runs on Debian 12's node (2.x needs node >= 22.5).
NPM_PACKAGES=(fauxqs@1.9.2)
NPM_PREFIX="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/servers"
# ------------------------------------------------------------------------------------------------

log() { printf '[install-deps] %s\n' "$*"; }

print_other_systems() {
    cat >&2 <<'EOF'
[install-deps] This system has no apt-get (not Debian/Ubuntu). Install these yourself:

  Qt >= 6.4 (Core, Gui, Widgets, Sql + SQLite driver, Concurrent, Network, Test, LinguistTools),
  QtKeychain for Qt 6, OpenCV >= 4 (core, imgproc, imgcodecs), CMake >= 3.24, Ninja, a C++20
  compiler; for the tests also a D-Bus session bus (dbus-run-session) and a secret service.

  Fedora:
    sudo dnf install qt6-qtbase-devel qt6-qttools-devel qt6-linguist qtkeychain-qt6-devel xxhash-devel libdeflate-devel \
        opencv-devel exiv2-devel cmake ninja-build gcc-c++ xorg-x11-server-Xvfb dbus-daemon \
        gnome-keyring libsecret
  Arch Linux:
    sudo pacman -S --needed qt6-base qt6-tools qtkeychain-qt6 opencv exiv2 xxhash libdeflate cmake ninja gcc \
        xorg-server-xvfb dbus gnome-keyring libsecret
    (if find_package(OpenCV) then complains about VTK or HDF5, also install: vtk hdf5)
  macOS (Homebrew):
    brew install qt@6 opencv exiv2 qtkeychain xxhash libdeflate cmake ninja
    export CMAKE_PREFIX_PATH="$(brew --prefix qt@6)"
  Windows:
    Qt 6.4+ from the Qt online installer (MSVC 64-bit, with the Qt Linguist tools), CMake and
    Ninja (both ship with the installer's "Developer and Designer Tools"), then OpenCV and
    QtKeychain through vcpkg:  vcpkg install opencv4 exiv2 qtkeychain-qt6 xxhash libdeflate
    and configure with -DCMAKE_TOOLCHAIN_FILE=<vcpkg>/scripts/buildsystems/vcpkg.cmake
    -DCMAKE_PREFIX_PATH=<Qt>/6.x.y/msvc2019_64 (use one Qt: vcpkg's qtkeychain-qt6 builds
    against vcpkg's own qtbase unless you point it at yours).

  scripts/fuzz.sh (CI) also needs Clang with libFuzzer: Fedora clang compiler-rt, Arch clang
  compiler-rt, macOS brew install llvm (Apple's clang has no libFuzzer).

Then run the scripts again with PIXQUEUE_SKIP_DEPS=1, e.g.
    PIXQUEUE_SKIP_DEPS=1 bash scripts/test.sh
EOF
}

if [[ "${PIXQUEUE_SKIP_DEPS:-0}" == 1 ]]; then
    log "PIXQUEUE_SKIP_DEPS=1: not checking or installing system packages"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1 \
    || [[ ! -f /etc/debian_version ]]; then
    print_other_systems
    exit 1
fi

is_installed() {
    # "install ok installed" is the only state in which the files are really there
    # (not "deinstall ok config-files", "half-configured", ...).
    [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]
}

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
    is_installed "$pkg" || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
    log "all ${#APT_PACKAGES[@]} system packages are installed"
else
    log "installing: ${missing[*]}"
    SUDO=()
    if [[ "$(id -u)" != 0 ]]; then
        if command -v sudo >/dev/null 2>&1; then
            SUDO=(sudo)
        else
            echo "[install-deps] not root and no sudo: as root, run" >&2
            echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
            exit 1
        fi
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y --no-install-recommends "${missing[@]}"
    still_missing=()
    for pkg in "${missing[@]}"; do
        is_installed "$pkg" || still_missing+=("$pkg")
    done
    if ((${#still_missing[@]} > 0)); then
        echo "[install-deps] still missing after apt-get: ${still_missing[*]}" >&2
        exit 1
    fi
    log "done"
fi

if ((${#NPM_PACKAGES[@]} > 0)); then
    # Installed already (name and version match package.json in node_modules): no npm call at all,
    # so a second run needs no network.
    npm_missing=()
    for spec in "${NPM_PACKAGES[@]}"; do
        name="${spec%@*}" version="${spec##*@}"
        manifest="$NPM_PREFIX/node_modules/$name/package.json"
        if [[ ! -f "$manifest" ]] || ! grep -q "\"version\": *\"$version\"" "$manifest"; then
            npm_missing+=("$spec")
        fi
    done
    if ((${#npm_missing[@]} == 0)); then
        log "all ${#NPM_PACKAGES[@]} npm test server packages are installed"
    elif ! command -v npm >/dev/null 2>&1; then
        echo "[install-deps] npm not found: cannot install ${npm_missing[*]}" >&2
        exit 1
    else
        log "npm: installing ${npm_missing[*]} into $NPM_PREFIX"
        # --no-save/--no-package-lock: tests/servers keeps no package.json of its own.
        npm install --prefix "$NPM_PREFIX" --no-save --no-package-lock --no-audit --no-fund \
            "${npm_missing[@]}"
    fi
fi
