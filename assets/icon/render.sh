#!/usr/bin/env bash
# Renders the SegmentLab icon from SVG to the PNG sizes (and .ico/.icns) used by jpackage,
# the Linux desktop entry and the JavaFX window (Stage.getIcons()).
#   segmentlab.svg        full mark (ring of three segments + three customer clusters), used for >= 48 px
#   segmentlab-small.svg  simplified mark (thicker ring, one centre dot), used for 16 and 32 px
# Needs rsvg-convert (Debian: librsvg2-bin); falls back to ImageMagick. The .ico needs ImageMagick,
# the .icns png2icns (Debian: icnsutils); both are skipped with a note when the tool is missing.
# The rendered files are committed, so a build never needs these tools.
set -euo pipefail
cd "$(dirname "$0")"

render() { # svg size out
  if command -v rsvg-convert >/dev/null; then
    rsvg-convert -w "$2" -h "$2" "$1" -o "$3"
  else
    convert -background none -density 384 "$1" -resize "$2x$2" "$3"
  fi
}

for size in 16 32 48 64 128 256 512; do
  src=segmentlab.svg
  [ "$size" -le 32 ] && src=segmentlab-small.svg
  render "$src" "$size" "segmentlab-$size.png"
done

if command -v convert >/dev/null; then   # Windows (.msi / app-image): multi-resolution .ico
  convert segmentlab-16.png segmentlab-32.png segmentlab-48.png segmentlab-64.png segmentlab-128.png \
          segmentlab-256.png segmentlab.ico
else
  echo "render.sh: ImageMagick missing, segmentlab.ico not rebuilt" >&2
fi
if command -v png2icns >/dev/null; then  # macOS (.dmg / .app)
  png2icns segmentlab.icns segmentlab-16.png segmentlab-32.png segmentlab-48.png segmentlab-128.png \
           segmentlab-256.png segmentlab-512.png >/dev/null
else
  echo "render.sh: png2icns missing, segmentlab.icns not rebuilt" >&2
fi
ls -l segmentlab*
