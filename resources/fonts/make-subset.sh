#!/bin/sh
# Rebuilds the Simplified-Chinese fonts that the archive PDFs embed (the hall is offline, so the
# app ships its fonts). Source: Debian's fonts-noto-cjk (Noto Sans CJK SC, SIL OFL 1.1, see
# OFL.txt); tools: Debian's python3-fonttools. Run from anywhere:
#   apt-get install -y fonts-noto-cjk python3-fonttools && sh resources/fonts/make-subset.sh
# The full SC font holds ~44,800 glyphs (~16 MB per weight); GB2312 plus the symbols below covers
# what a report, a roster and the demo data print in ~3 MB. GBK in full would be ~9 MB per weight.
# Characters of resources/demo/*.json are added as well, so the demo meeting is always covered;
# add rare name characters of a real roster to extra-chars.txt and rerun.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
src=${NOTO_CJK_DIR:-/usr/share/fonts/opentype/noto}
py=${PYTHON:-/usr/bin/python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$py" - "$repo" "$tmp/unicodes.txt" <<'PY'
import glob, os, sys
repo, out = sys.argv[1], sys.argv[2]
cps = set()
# Every character GB2312 encodes: 6,763 hanzi plus its punctuation, symbols, ①–⑳, kana, Greek.
for lead in range(0xA1, 0xF8):
    for trail in range(0xA1, 0xFF):
        try:
            ch = bytes([lead, trail]).decode("gb2312")
        except UnicodeDecodeError:
            continue
        cps.add(ord(ch))
ranges = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1: ×, ·, °, ±, ¥ in amounts and times
    (0x2010, 0x206F),  # general punctuation: dashes, quotes, ‰, …
    (0x2100, 0x215F),  # letterlike: №, ℃
    (0x2190, 0x21FF),  # arrows
    (0x2460, 0x24FF),  # enclosed numbers ①
    (0x2500, 0x257F),  # box drawing
    (0x25A0, 0x25FF),  # geometric shapes: ■ □ ▲ ● ○
    (0x2610, 0x2612),  # ballot boxes ☐ ☑ ☒
    (0x2713, 0x2717),  # check and cross marks ✓ ✔ ✗
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0xFF00, 0xFFEF),  # fullwidth forms
]
for lo, hi in ranges:
    cps.update(range(lo, hi + 1))
extra = [os.path.join(repo, "resources/fonts/extra-chars.txt")]
for path in sorted(glob.glob(os.path.join(repo, "resources/demo/*.json"))) + extra:
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            cps.update(ord(c) for c in f.read() if ord(c) >= 0x20)
with open(out, "w") as f:
    f.write("\n".join("U+%04X" % c for c in sorted(cps)))
PY

for weight in Regular Bold; do
  # Face 2 of the collection is the SC (Simplified Chinese) design; glyphs absent from the font
  # are skipped. Hinting is dropped: it is ignored in PDFs and costs ~10%. So are the OpenType
  # layout tables (GSUB, GPOS, GDEF) and the vertical metrics: the reports set horizontal
  # Chinese, which needs no shaping, and the tables were half of each file; decoding them made
  # every report cost the host's worker ~10 MB and ~0.5 s more (fontkit lays out text with
  # them when they are there).
  "$py" -m fontTools.subset "$src/NotoSansCJK-$weight.ttc" --font-number=2 \
    --unicodes-file="$tmp/unicodes.txt" --layout-features='' --no-hinting \
    --drop-tables+=GSUB,GPOS,GDEF,VORG,vhea,vmtx \
    --name-IDs='*' --name-legacy --name-languages='*' \
    --output-file="$tmp/$weight.otf"
  # The CFF outlines become TrueType (quadratic) ones, within 1 unit of 1,000 per em. pdfkit
  # subsets a TrueType font by copying the glyphs a document uses; a CFF font it subsets by
  # parsing every used glyph's charstring to find the subroutines it calls, which made each
  # report cost the host's worker ~30 MB more at its peak and ~0.3 s more. The file grows from
  # 1.6 to 2.1 MB; the PDFs shrink (a report: 93 to 72 KB).
  "$py" - "$tmp/$weight.otf" "$here/NotoSansSC-GB2312-$weight.ttf" <<'PY'
import sys
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable
font = TTFont(sys.argv[1])
order = font.getGlyphOrder()
outlines = font.getGlyphSet()
glyf = newTable("glyf")
glyf.glyphOrder = order
glyf.glyphs = {}
for name in order:
    pen = TTGlyphPen(None)
    outlines[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
    glyf.glyphs[name] = pen.glyph()
del font["CFF "]
font["loca"] = newTable("loca")
font["glyf"] = glyf
font.sfntVersion = "\x00\x01\x00\x00"
font["head"].glyphDataFormat = 0
maxp = font["maxp"]
maxp.tableVersion = 0x00010000
for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
              "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
    setattr(maxp, field, 0)
maxp.maxZones = 1
post = font["post"]
post.formatType = 3.0  # no glyph names: CID-keyed glyphs have none worth keeping
post.extraNames = []
post.mapping = {}
font.save(sys.argv[2])
PY
done
ls -l "$here"/*.ttf
