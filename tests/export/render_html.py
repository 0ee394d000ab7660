#!/usr/bin/python3
"""Renders the monthly report (月度报告) in headless Chromium and checks it.

The page is the demo's: `duban demo` writes a ledger with a year of reports,
then `duban export --format html` writes October's report with the example
assessment (or --html names a page to render instead). Chromium then
  - takes a screenshot at A4 proportions (1240x1754): the PNG must exist,
    have the PNG signature and that size, and not be blank (many colours,
    some dark text, the lights' colours present in the charts);
  - dumps the DOM: the page must parse, with its heading, both charts and
    every section;
  - prints it to PDF: the pages must be A4;
no run may log a console message (a script error), and the DOM may
reference nothing remote. The network is shut off for every run.

Exits 77 (CTest's SKIP_RETURN_CODE) when no Chromium is installed.
"""

import argparse
import os
import pathlib
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

SKIP = 77
WIDTH, HEIGHT = 1240, 1754
# The lights as the charts draw them (lib/export/svg_chart.cpp).
LIGHTS = {"red": (0xC9, 0x35, 0x2B), "yellow": (0xF2, 0xC2, 0x30), "green": (0x3F, 0x9D, 0x5A)}


class Failure(Exception):
    pass


def find_chromium():
    names = [os.environ.get("DUBAN_CHROMIUM", ""), "chromium", "chromium-browser", "google-chrome"]
    for name in names:
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def run(cmd, timeout, **kwargs):
    try:
        return subprocess.run(cmd, capture_output=True, timeout=timeout, check=False, **kwargs)
    except subprocess.TimeoutExpired as e:
        raise Failure(f"timed out after {timeout}s: {' '.join(map(str, cmd))}") from e


def chromium(browser, profile, url, extra, timeout=120):
    cmd = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
        f"--user-data-dir={profile}", "--no-first-run", "--no-default-browser-check",
        "--disable-extensions", "--disable-sync", "--disable-background-networking",
        "--disable-component-update", "--disable-default-apps", "--mute-audio",
        # Any attempt to reach the network fails, and says so in the console.
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--enable-logging=stderr", "--v=0",
        f"--window-size={WIDTH},{HEIGHT}",
        *extra, url,
    ]
    result = run(cmd, timeout)
    log = result.stderr.decode("utf-8", "replace")
    console = [line for line in log.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    if console:
        raise Failure("console messages:\n" + "\n".join(console))
    if result.returncode != 0:
        raise Failure(f"chromium exited {result.returncode}:\n{log[-3000:]}")
    return result.stdout.decode("utf-8", "replace")


def png_pixels(data):
    """(width, height, rows of RGB tuples) of an 8-bit RGB or RGBA PNG."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        raise Failure("the screenshot does not have the PNG signature")
    pos, idat, header = 8, [], None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if zlib.crc32(kind + body) != struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])[0]:
            raise Failure(f"PNG chunk {kind!r} has a bad CRC")
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    if header is None:
        raise Failure("the PNG has no IHDR")
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace != 0:
        raise Failure(f"unexpected PNG format: depth {depth}, colour type {colour}, interlace {interlace}")
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous))
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = previous[i]
                c = previous[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        elif kind != 0:
            raise Failure(f"PNG row {y} has unknown filter {kind}")
        rows.append(line)
        previous = line
    return width, height, channels, rows


def check_screenshot(path):
    data = path.read_bytes()
    width, height, channels, rows = png_pixels(data)
    if (width, height) != (WIDTH, HEIGHT):
        raise Failure(f"screenshot is {width}x{height}, expected {WIDTH}x{HEIGHT}")
    colours, dark, near = set(), 0, {name: 0 for name in LIGHTS}
    total = 0
    for line in rows[::2]:
        for x in range(0, width * channels, 2 * channels):
            r, g, b = line[x], line[x + 1], line[x + 2]
            total += 1
            colours.add((r >> 3, g >> 3, b >> 3))
            if 0.299 * r + 0.587 * g + 0.114 * b < 110:
                dark += 1
            for name, (lr, lg, lb) in LIGHTS.items():
                if abs(r - lr) + abs(g - lg) + abs(b - lb) < 40:
                    near[name] += 1
    dark_share = dark / total
    print(f"screenshot {path}: {width}x{height}, {len(colours)} colours, {dark_share:.2%} dark, lights {near}")
    if len(colours) < 64:
        raise Failure(f"the screenshot looks blank: only {len(colours)} distinct colours")
    if not 0.005 < dark_share < 0.5:
        raise Failure(f"the screenshot has {dark_share:.2%} dark pixels: no text, or a black page")
    missing = [name for name, n in near.items() if n < 30]
    if missing:
        raise Failure(f"the charts' colours are missing from the screenshot: {missing}")


def check_dom(dom):
    wanted = ['<h1>', 'id="summary"', 'id="lights-by-category"', 'id="lights-by-unit"', 'id="overdue"',
              'id="returned"', 'id="unit-reports"', 'id="upcoming"', 'id="assessment"', "</footer>"]
    missing = [w for w in wanted if w not in dom]
    if missing:
        raise Failure(f"the rendered DOM lacks {missing}")
    if dom.count("<svg") != 2:
        raise Failure(f"the rendered DOM has {dom.count('<svg')} charts, expected 2")
    if "<script" in dom.lower():
        raise Failure("the rendered DOM has a script")
    # Loads that fail offline leave no console message: look for them instead.
    remote = re.findall(r"""(?:src|href|srcset|action)\s*=\s*["']?\s*(?:[a-z]+:)?//[^"'\s>]*"""
                        r"""|url\(\s*["']?\s*(?:[a-z]+:)?//[^)]*\)|@import""", dom, re.IGNORECASE)
    if remote:
        raise Failure(f"the page reaches for the network: {remote[:5]}")


def check_pdf(path):
    data = path.read_bytes()
    if not data.startswith(b"%PDF-"):
        raise Failure("the printed file is not a PDF")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]", data)
    if not boxes:
        raise Failure("the PDF names no page size")
    for w, h in boxes:
        if abs(float(w) - 595.28) > 2 or abs(float(h) - 841.89) > 2:
            raise Failure(f"a printed page is {float(w):.1f}x{float(h):.1f} pt, not A4 (595x842)")
    print(f"pdf {path}: {len(boxes)} A4 pages")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tool", help="the duban CLI (`duban demo`, `duban export`)")
    parser.add_argument("--source", help="the source tree (for the example scheme and inputs)")
    parser.add_argument("--html", help="render this page instead of writing one")
    parser.add_argument("--work", required=True, help="where the page, the screenshot and the PDF are kept")
    parser.add_argument("--as-of", default="2025-10-31")
    parser.add_argument("--month", default="2025-10")
    args = parser.parse_args()

    browser = find_chromium()
    if browser is None:
        print("SKIPPED: no Chromium found (install Debian's chromium, or set DUBAN_CHROMIUM)")
        return SKIP

    work = pathlib.Path(args.work).resolve()
    work.mkdir(parents=True, exist_ok=True)
    try:
        if args.html:
            page = pathlib.Path(args.html).resolve()
        else:
            if not (args.tool and args.source):
                raise Failure("give --html, or --tool and --source")
            tool = str(pathlib.Path(args.tool).resolve())
            db = work / "demo.db"
            db.unlink(missing_ok=True)
            demo = run([tool, "demo", "--db", str(db)], 120, cwd=work)
            if demo.returncode != 0:
                raise Failure("duban demo failed:\n" + demo.stderr.decode("utf-8", "replace"))
            page = work / "report.html"
            plans = pathlib.Path(args.source) / "examples" / "plans"
            export = run([tool, "export", "--db", str(db), "--format", "html", "--month", args.month,
                          "--as-of", args.as_of, "--scheme", str(plans / "east-west-2025.scheme.toml"),
                          "--inputs", str(plans / "east-west-2025.inputs.json"), "--no-ledger",
                          "--out", str(page)], 120)
            if export.returncode != 0:
                raise Failure("duban export failed:\n" + export.stderr.decode("utf-8", "replace"))
        url = page.as_uri()
        png = work / "report.png"
        pdf = work / "report.pdf"
        for stale in (png, pdf):
            stale.unlink(missing_ok=True)
        with tempfile.TemporaryDirectory(prefix="duban-chromium-") as profile:
            chromium(browser, profile, url, [f"--screenshot={png}"])
            if not png.is_file():
                raise Failure(f"chromium wrote no screenshot at {png}")
            check_screenshot(png)
            check_dom(chromium(browser, profile, url, ["--dump-dom"]))
            chromium(browser, profile, url, [f"--print-to-pdf={pdf}", "--no-pdf-header-footer"])
            check_pdf(pdf)
    except Failure as e:
        print(f"FAILED: {e}", file=sys.stderr)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
