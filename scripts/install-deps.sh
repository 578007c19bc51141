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
    qtkeychain-qt6-dev libopencv-dev libexiv2-dev libjpeg-dev
    # run time: the SQLite driver is a plugin, not a link dependency, so nothing else pulls it in
    libqt6sql6-sqlite opencv-data fonts-dejavu-core
    # tests: a session bus and a secret service for the keychain tests, a virtual display
    xvfb xauth dbus gnome-keyring libsecret-1-0 libsecret-tools
)

# ---- npm packages for test servers -------------------------------------------------------------
# Integration tests that need a local server (e.g. an S3/SQS stand-in) will list their npm
# packages here and install them under tests/servers/ (or similar). Nothing is needed yet.
NPM_PACKAGES=()
# ------------------------------------------------------------------------------------------------

log() { printf '[install-deps] %s\n' "$*"; }

print_other_systems() {
    cat >&2 <<'EOF'
[install-deps] This system has no apt-get (not Debian/Ubuntu). Install these yourself:

  Qt >= 6.4 (Core, Gui, Widgets, Sql + SQLite driver, Concurrent, Network, Test, LinguistTools),
  QtKeychain for Qt 6, OpenCV >= 4 (core, imgproc, imgcodecs), CMake >= 3.24, Ninja, a C++20
  compiler; for the tests also a D-Bus session bus (dbus-run-session) and a secret service.

  Fedora:
    sudo dnf install qt6-qtbase-devel qt6-qttools-devel qt6-linguist qtkeychain-qt6-devel \
        opencv-devel exiv2-devel cmake ninja-build gcc-c++ xorg-x11-server-Xvfb dbus-daemon \
        gnome-keyring libsecret
  Arch Linux:
    sudo pacman -S --needed qt6-base qt6-tools qtkeychain-qt6 opencv exiv2 cmake ninja gcc \
        xorg-server-xvfb dbus gnome-keyring libsecret
    (if find_package(OpenCV) then complains about VTK or HDF5, also install: vtk hdf5)
  macOS (Homebrew):
    brew install qt@6 opencv exiv2 qtkeychain cmake ninja
    export CMAKE_PREFIX_PATH="$(brew --prefix qt@6)"
  Windows:
    Qt 6.4+ from the Qt online installer (MSVC 64-bit, with the Qt Linguist tools), CMake and
    Ninja (both ship with the installer's "Developer and Designer Tools"), then OpenCV and
    QtKeychain through vcpkg:  vcpkg install opencv4 exiv2 qtkeychain-qt6
    and configure with -DCMAKE_TOOLCHAIN_FILE=<vcpkg>/scripts/buildsystems/vcpkg.cmake
    -DCMAKE_PREFIX_PATH=<Qt>/6.x.y/msvc2019_64 (use one Qt: vcpkg's qtkeychain-qt6 builds
    against vcpkg's own qtbase unless you point it at yours).

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
    : # npm installation of the test servers goes here when the first one arrives.
fi
