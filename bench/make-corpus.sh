#!/bin/sh
# (Copied from the project brief's shared/bench/make-corpus.sh so that the benchmark works from a fresh clone.)
# make-corpus.sh TARGET_DIR
# Builds a performance corpus of real photographs shipped by Debian 12 (bookworm)
# wallpaper packages: 34 JPEG photos (2.3-20.4 megapixels) copied as they ship,
# plus 8 PNG files that are lossless PNG re-encodes (libvips, compression 6,
# metadata stripped) of 8 of those photos, because no package ships
# multi-megapixel photographic PNGs. Total 42 files, about 112 MB, 264 megapixels.
# Licences (see /usr/share/doc/<package>/copyright): lomiri files CC-BY-4.0, CC-BY-SA-3.0/4.0
# or CC0-1.0 per file; MATE nature and Plasma files GPL-2+.
# Idempotent: JPEG copies are refreshed only if they differ from the source, PNGs are
# written only if absent; prints the file count and total bytes.
# Needs root (or sudo) for apt-get the first time.
set -eu
[ $# -eq 1 ] || { echo "usage: $0 TARGET_DIR" >&2; exit 2; }
T=$1
PKGS="plasma-workspace-wallpapers mate-backgrounds lomiri-wallpapers-16.04 lomiri-wallpapers-20.04 libvips-tools"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
mkdir -p "$T"
B=/usr/share/backgrounds
W=/usr/share/wallpapers
# name-in-corpus  source-path
LIST="
lomiri-Bridge_by_Sander_Klootwijk.jpg $B/Bridge_by_Sander_Klootwijk.jpg
lomiri-Dragonfly_by_Bolly.jpg $B/Dragonfly_by_Bolly.jpg
lomiri-Picture_0B_by_freespace.jpg $B/Picture_0B_by_freespace.jpg
lomiri-Wine_by_Jakkub_Mede.jpg $B/Wine_by_Jakkub_Mede.jpg
lomiri-aitzgorri_by_Aitzol_Berasategi.jpg $B/aitzgorri_by_Aitzol_Berasategi.jpg
lomiri-analogpattern_by_Peter_Nerlich.jpg $B/analogpattern_by_Peter_Nerlich.jpg
lomiri-free_by_Peter_Nerlich.jpg $B/free_by_Peter_Nerlich.jpg
lomiri-friends_by_Aitzol_Berasategi.jpg $B/friends_by_Aitzol_Berasategi.jpg
lomiri-greentock_by_Peter_Nerlich.jpg $B/greentock_by_Peter_Nerlich.jpg
lomiri-life_by_Aitzol_Berasategi.jpg $B/life_by_Aitzol_Berasategi.jpg
lomiri-picosdeeuropa_by_Aitzol_Berasategi.jpg $B/picosdeeuropa_by_Aitzol_Berasategi.jpg
lomiri-seeding_by_Clements_Engelhardt.jpg $B/seeding_by_Clements_Engelhardt.jpg
lomiri-sunset_by_Aitzol_Berasategi.jpg $B/sunset_by_Aitzol_Berasategi.jpg
lomiri-Kleiber_by_Lukas_Baubkus.jpg $B/Kleiber_by_Lukas_Baubkus.jpg
mate-Aqua.jpg $B/mate/nature/Aqua.jpg
mate-Blinds.jpg $B/mate/nature/Blinds.jpg
mate-Garden.jpg $B/mate/nature/Garden.jpg
mate-LadyBird.jpg $B/mate/nature/LadyBird.jpg
mate-RainDrops.jpg $B/mate/nature/RainDrops.jpg
mate-Storm.jpg $B/mate/nature/Storm.jpg
mate-TwoWings.jpg $B/mate/nature/TwoWings.jpg
mate-Wood.jpg $B/mate/nature/Wood.jpg
mate-YellowFlower.jpg $B/mate/nature/YellowFlower.jpg
plasma-BytheWater.jpg $W/BytheWater/contents/images/2560x1600.jpg
plasma-ColdRipple.jpg $W/ColdRipple/contents/images/2560x1600.jpg
plasma-ColorfulCups.jpg $W/ColorfulCups/contents/images/2560x1600.jpg
plasma-DarkestHour.jpg $W/DarkestHour/contents/images/2560x1600.jpg
plasma-EveningGlow.jpg $W/EveningGlow/contents/images/2560x1600.jpg
plasma-FallenLeaf.jpg $W/FallenLeaf/contents/images/2560x1600.jpg
plasma-Grey.jpg $W/Grey/contents/images/2560x1600.jpg
plasma-Kite.jpg $W/Kite/contents/images/2560x1600.jpg
plasma-OneStandsOut.jpg $W/OneStandsOut/contents/images/2560x1600.jpg
plasma-Path.jpg $W/Path/contents/images/2560x1600.jpg
plasma-summer_1am.jpg $W/summer_1am/contents/images/2560x1600.jpg
"
echo "$LIST" | while read -r name src; do
  [ -n "$name" ] || continue
  [ -f "$src" ] || { echo "missing source: $src" >&2; exit 1; }
  if [ ! -f "$T/$name" ] || ! cmp -s "$src" "$T/$name"; then cp "$src" "$T/$name"; fi
done
# PNG re-encodes (written only if absent; byte output depends on the libvips/zlib version)
for n in lomiri-Bridge_by_Sander_Klootwijk lomiri-Dragonfly_by_Bolly lomiri-aitzgorri_by_Aitzol_Berasategi \
         lomiri-life_by_Aitzol_Berasategi mate-Wood plasma-EveningGlow plasma-Path plasma-Grey; do
  if [ ! -s "$T/png-$n.png" ]; then
    vips pngsave "$T/$n.jpg" "$T/png-$n.tmp.png" --compression 6 --strip
    mv "$T/png-$n.tmp.png" "$T/png-$n.png"
  fi
done
count=$(find "$T" -maxdepth 1 -type f \( -name '*.jpg' -o -name '*.png' \) | wc -l)
bytes=$(find "$T" -maxdepth 1 -type f \( -name '*.jpg' -o -name '*.png' \) -printf '%s\n' | awk '{s+=$1} END{print s+0}')
echo "corpus: $T  files: $count  bytes: $bytes"
