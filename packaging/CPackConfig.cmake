# Packaging with CPack: a .deb on Linux, an NSIS installer on Windows, a drag-and-drop .dmg on
# macOS. Included (OPTIONAL) at the end of the top-level CMakeLists.txt, after every target and
# install() rule exists. Build a package with:
#
#   cmake --build build --target package        (or: cd build && cpack)
#
# Only standard CPack variables are set here, so configuring never fails because of packaging.

include(GNUInstallDirs)

set(PIXQUEUE_PACKAGE_MAINTAINER "PixQueue developers <pixqueue@users.noreply.github.com>"
    CACHE STRING "Maintainer written into packages (Debian's Maintainer field)")

set(CPACK_PACKAGE_NAME "pixqueue")
set(CPACK_PACKAGE_VENDOR "PixQueue")
set(CPACK_PACKAGE_CONTACT "${PIXQUEUE_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VERSION_MAJOR "${PROJECT_VERSION_MAJOR}")
set(CPACK_PACKAGE_VERSION_MINOR "${PROJECT_VERSION_MINOR}")
set(CPACK_PACKAGE_VERSION_PATCH "${PROJECT_VERSION_PATCH}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "PixQueue resizes, crops, makes thumbnails of and converts many photos at once. Every image is a job in a persistent SQLite queue, so a crash or a closed window never loses work. Includes the desktop application and the pixqueue-cli command.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "PixQueue")
set(CPACK_PACKAGE_EXECUTABLES "pixqueue;PixQueue")
set(CPACK_STRIP_FILES ON)
if(EXISTS "${PROJECT_SOURCE_DIR}/README.md")
    set(CPACK_RESOURCE_FILE_README "${PROJECT_SOURCE_DIR}/README.md")
endif()
foreach(license_file LICENSE LICENSE.txt LICENSE.md COPYING)
    if(EXISTS "${PROJECT_SOURCE_DIR}/${license_file}")
        set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/${license_file}")
        break()
    endif()
endforeach()

set(CPACK_SOURCE_GENERATOR "TGZ")
# Regular expressions. Four backslashes become the regex "\." (a literal dot) after CMake has read
# both this file and the generated CPackSourceConfig.cmake.
set(CPACK_SOURCE_IGNORE_FILES
    "/\\\\.git/" "/build[^/]*/" "/out/" "/\\\\.cache/" "/bench/corpus/" "/bench/results/"
    "\\\\.user$" "\\\\.qm$")

if(WIN32)
    set(CPACK_GENERATOR "NSIS")
    set(CPACK_NSIS_DISPLAY_NAME "PixQueue ${PROJECT_VERSION}")
    set(CPACK_NSIS_PACKAGE_NAME "PixQueue")
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    # Offer to put pixqueue-cli on PATH.
    set(CPACK_NSIS_MODIFY_PATH ON)
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop")
    set(CPACK_DMG_VOLUME_NAME "PixQueue")
    set(CPACK_DMG_FORMAT "UDZO")
else()
    set(CPACK_GENERATOR "DEB")
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${PIXQUEUE_PACKAGE_MAINTAINER}")
    set(CPACK_DEBIAN_PACKAGE_SECTION "graphics")
    set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
    # The libraries we link, by their Debian 12 names, plus what is loaded at run time and so is
    # invisible to dpkg-shlibdeps: the SQLite driver plugin, the platform plugins and Qt's own
    # translations (the standard buttons and dialogs in German and Chinese).
    set(CPACK_DEBIAN_PACKAGE_DEPENDS
        "libqt6core6 (>= 6.4), libqt6gui6 (>= 6.4), libqt6widgets6 (>= 6.4), libqt6sql6 (>= 6.4), libqt6sql6-sqlite (>= 6.4), qt6-translations-l10n, libqt6network6 (>= 6.4), libqt6concurrent6 (>= 6.4), qt6-qpa-plugins, libqt6keychain1, libopencv-core406, libopencv-imgproc406, libopencv-imgcodecs406")
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager")
    # Where dpkg-shlibdeps exists (package dpkg-dev), let it add the exact library versions.
    find_program(PIXQUEUE_DPKG_SHLIBDEPS dpkg-shlibdeps)
    mark_as_advanced(PIXQUEUE_DPKG_SHLIBDEPS)
    if(PIXQUEUE_DPKG_SHLIBDEPS)
        set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    endif()

    # Desktop integration files (Linux only; the GUI target installs itself).
    if(EXISTS "${PROJECT_SOURCE_DIR}/resources/pixqueue.desktop")
        install(FILES "${PROJECT_SOURCE_DIR}/resources/pixqueue.desktop"
                DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
    endif()
    if(EXISTS "${PROJECT_SOURCE_DIR}/resources/io.github.pixqueue.PixQueue.metainfo.xml")
        install(FILES "${PROJECT_SOURCE_DIR}/resources/io.github.pixqueue.PixQueue.metainfo.xml"
                DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
    endif()
endif()

include(CPack)
