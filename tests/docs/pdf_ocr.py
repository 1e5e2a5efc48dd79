#!/usr/bin/env python3
"""--ocr: a scanned page (an image only, made here: a page of text typeset by hand, rendered by
pdftoppm and wrapped as an image PDF) is read by Tesseract; without --ocr the message names the
page and suggests --ocr; with it, the words come back and evidence quotes the OCR'd page's text."""
import json
import os
import subprocess
import sys
import tempfile

BIN = os.environ.get("SOFTGRAPH_BIN", "build/cli/softgraph")
LINES = ["Japan funds clinics in three provinces", "of Kazakhstan and trains local nurses.",
         "Korea opened language centres in Almaty."]


def pdf(objects):
    """A PDF from its objects (1-based, in order), with a correct cross-reference table."""
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def stream(data, extra=b""):
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def text_pdf():
    content = b"BT /F1 20 Tf 72 680 Td 30 TL\n" + b"".join(
        b"(" + l.encode() + b") Tj T*\n" for l in LINES) + b"ET"
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>",
                stream(content)])


def image_pdf(pgm):
    # Binary PGM: "P5\n<w> <h>\n255\n" then the gray bytes.
    parts = pgm.split(b"\n", 3)
    w, h = map(int, parts[1].split())
    pixels = parts[3]
    assert len(pixels) == w * h, (len(pixels), w, h)
    content = b"q 612 0 0 792 0 0 cm /Im0 Do Q"
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
                stream(pixels, b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 " % (w, h)),
                stream(content)])


def main():
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "typed.pdf")
        open(src, "wb").write(text_pdf())
        subprocess.run(["pdftoppm", "-r", "200", "-gray", "-singlefile", src, os.path.join(tmp, "page")], check=True)
        scan = os.path.join(tmp, "scan.pdf")
        open(scan, "wb").write(image_pdf(open(os.path.join(tmp, "page.pgm"), "rb").read()))
        if subprocess.run(["pdffonts", scan], capture_output=True, text=True).stdout.count("\n") > 2:
            failures.append("the scan has fonts: not an image-only page")

        r = subprocess.run([BIN, "text", scan], capture_output=True, text=True)
        print("without --ocr:", r.returncode, r.stderr.strip())
        if r.returncode == 0 or "page 1" not in r.stderr or "--ocr" not in r.stderr or r.stdout:
            failures.append("without --ocr: no error naming page 1 and --ocr, or partial output")

        r = subprocess.run([BIN, "text", "--ocr", scan], capture_output=True, text=True)
        print("with --ocr:", r.returncode, repr(r.stdout[:300]))
        got = " ".join(r.stdout.split()).lower()  # OCR may read a lower-case l as a capital
        for line in LINES:
            if line.lower() not in got:
                failures.append(f"OCR lost: {line!r}")

        out = os.path.join(tmp, "x.jsonl")
        r = subprocess.run([BIN, "extract", "--ocr", "--jsonl", out, scan], capture_output=True, text=True)
        page = subprocess.run([BIN, "text", "--ocr", "--page", "1", scan], capture_output=True).stdout
        record = json.loads(open(out, encoding="utf-8").readline())
        spans = record.get("spans", [])
        print(f"evidence passages: {len(spans)}")
        if not spans:
            failures.append("no relation from the OCR'd page")
        for s in spans:
            if page[s[0]:s[1]].decode() != s[3] or s[6] != 1:
                failures.append(f"evidence not at its offsets in page 1: {s}")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
