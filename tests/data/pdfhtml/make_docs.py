#!/usr/bin/python3
"""Makes PDF and HTML versions of a plain-text article for the PDF/HTML ingest tests.

The plain text is the reference: first line the title, then blocks separated by blank lines; a
short one-line block without a final stop is a section heading, everything else a paragraph.
PDFs are typeset with pycairo (Debian python3-cairo) in DejaVu Sans (fonts-dejavu-core), justified,
with running headers, page-number footers and hyphenated line breaks, in one or two columns.
HTML pages wrap the same blocks in navigation, scripts, styles, entities and a chosen encoding.

Usage as a program: make_docs.py TEXT OUTDIR  (writes every variant; handy for looking at them).
"""
import html
import sys
from pathlib import Path

# A line break after these keeps its hyphen in softgraph's repair (real compounds such as
# "post-Soviet"), so the typesetter never breaks a word right after one of them.
KEEP_PREFIXES = {"socio", "post", "non", "anti", "inter", "multi", "self", "well", "co", "pre",
                 "pro", "ex", "geo", "euro", "afro", "sino", "russo", "anglo", "franco", "indo",
                 "semi", "quasi", "neo", "cross"}


def parse_blocks(text, line_paragraphs=False):
    """[(kind, text)] with kind 'title', 'heading' or 'para'. With line_paragraphs every line is
    a block (texts that hold one paragraph per line)."""
    sep = "\n" if line_paragraphs else "\n\n"
    blocks = [b.strip() for b in text.split(sep) if b.strip()]
    out = []
    for i, b in enumerate(blocks):
        one_line = " ".join(b.split())
        if i == 0:
            out.append(("title", one_line))
        elif "\n" not in b and len(one_line) < 60 and one_line[-1] not in ".:;!?":
            out.append(("heading", one_line))
        else:
            out.append(("para", one_line))
    return out


# ----------------------------------------------------------------------------------------- PDF

class Typesetter:
    def __init__(self, path, *, columns=1, width=420, height=595, margin=42, gutter=24,
                 body=10.0, header="", footer="page", font="DejaVu Sans"):
        import cairo  # Debian python3-cairo
        self.cairo = cairo
        self.surface = cairo.PDFSurface(str(path), width, height)
        self.ctx = cairo.Context(self.surface)
        self.font = font
        self.w, self.h, self.m, self.gutter = width, height, margin, gutter
        self.columns, self.body = columns, body
        self.header, self.footer = header, footer
        self.leading = body * 1.35
        self.col_w = (width - 2 * margin - (columns - 1) * gutter) / columns
        self.top = margin + 2.2 * body  # below the running header
        self.bottom = height - margin - 1.6 * body  # above the footer
        self.page = 0
        self.hyphenations = []  # (first part, second part) of every word broken at a line end
        self.new_page()

    def set_font(self, size, bold=False):
        c = self.cairo
        self.ctx.select_font_face(self.font, c.FONT_SLANT_NORMAL,
                                  c.FONT_WEIGHT_BOLD if bold else c.FONT_WEIGHT_NORMAL)
        self.ctx.set_font_size(size)

    def width_of(self, s):
        return self.ctx.text_extents(s).x_advance

    def new_page(self):
        if self.page:
            self.ctx.show_page()
        self.page += 1
        self.col = 0
        self.y = self.top
        self.col_top = self.top  # page 1: the columns start below the title
        small = self.body * 0.8
        if self.header:
            self.set_font(small)
            self.ctx.move_to(self.m, self.m)
            self.ctx.show_text(self.header)
        if self.footer:
            self.set_font(small)
            label = f"Page {self.page}" if self.footer == "page" else f"\u2013 {self.page} \u2013"
            self.ctx.move_to((self.w - self.width_of(label)) / 2, self.h - self.m + small)
            self.ctx.show_text(label)

    def x0(self):
        return self.m + self.col * (self.col_w + self.gutter)

    def advance(self, dy):
        """Moves down by dy; to the next column or page when the column is full."""
        if self.y + dy > self.bottom:
            if self.col + 1 < self.columns:
                self.col += 1
                self.y = self.col_top
            else:
                self.new_page()
        self.y += dy

    def split_word(self, word, room, space):
        """Breaks `word` so that its first part plus a hyphen fits in `room`; None if it can't."""
        if len(word) < 8 or not word.isalpha():
            return None
        for cut in range(len(word) - 4, 3, -1):
            head = word[:cut]
            if head.lower() in KEEP_PREFIXES:
                continue
            if space + self.width_of(head + "-") <= room:
                return head + "-", word[cut:]
        return None

    def break_long(self, word, width):
        """The longest head of `word` that fits in `width`, ending after '/', '.' or '-' when
        possible (how URLs are broken in print)."""
        fit = len(word)
        while fit > 1 and self.width_of(word[:fit]) > width:
            fit -= 1
        if fit == len(word):
            return word
        for cut in range(fit, fit // 2, -1):
            if word[cut - 1] in "/.-_?&=":
                return word[:cut]
        return word[:fit]

    def lines_of(self, text, width):
        """Greedy line filling with hyphenation; returns lists of words."""
        space = self.width_of(" ")
        lines, cur, cur_w = [], [], 0.0
        words = text.split()
        i = 0
        while i < len(words):
            w = words[i]
            ww = self.width_of(w)
            need = ww if not cur else cur_w + space + ww
            if need <= width:
                cur.append(w)
                cur_w = need
                i += 1
                continue
            parts = self.split_word(w, width - cur_w, space if cur else 0) if cur else None
            if parts:
                cur.append(parts[0])
                self.hyphenations.append((parts[0], parts[1]))
                words[i] = parts[1]
            if not cur:  # a single word wider than the column (a URL): break it without a
                head = self.break_long(w, width)  # hyphen, after a slash or a dot if it can
                cur.append(head)
                if head == w:
                    i += 1
                else:
                    words[i] = w[len(head):]
            lines.append(cur)
            cur, cur_w = [], 0.0
        if cur:
            lines.append(cur)
        return lines

    def draw_line(self, words, justify):
        x = self.x0()
        if len(words) > 1 and justify:
            total = sum(self.width_of(w) for w in words)
            gap = (self.col_w - total) / (len(words) - 1)
        else:
            gap = self.width_of(" ")
        for w in words:
            self.ctx.move_to(x, self.y)
            self.ctx.show_text(w)
            x += self.width_of(w) + gap

    def block(self, kind, text):
        if kind == "title":
            size, bold, width = self.body * 1.6, True, self.w - 2 * self.m
        elif kind == "heading":
            size, bold, width = self.body * 1.25, True, self.col_w
        else:
            size, bold, width = self.body, False, self.col_w
        self.set_font(size, bold)
        lines = self.lines_of(text, width)
        lead = size * 1.35
        if kind == "title":  # full width, above the columns
            for words in lines:
                self.ctx.move_to(self.m, self.y + size)
                self.ctx.show_text(" ".join(words))
                self.y += lead
            self.y += self.leading
            self.col_top = self.y
            return
        if kind == "heading" and self.y + 3 * lead > self.bottom:  # no heading at a column foot
            self.advance(self.bottom)
        elif self.y > self.top + 1:
            self.y += self.leading * 0.9  # paragraph space
        for n, words in enumerate(lines):
            self.advance(lead)
            self.set_font(size, bold)  # a page break drew the header in another font
            self.draw_line(words, justify=kind == "para" and n + 1 < len(lines))

    def finish(self):
        self.surface.finish()
        return self.page


def make_pdf(text, path, line_paragraphs=False, **layout):
    """Typesets `text` into `path`; returns (pages, hyphenations)."""
    ts = Typesetter(path, **layout)
    for kind, t in parse_blocks(text, line_paragraphs):
        ts.block(kind, t)
    pages = ts.finish()
    return pages, ts.hyphenations


# ---------------------------------------------------------------------------------------- HTML

def make_html(text, path, *, encoding="utf-8", entities=False, bom=False):
    """Writes an HTML page of `text`: title in <h1>, sections in <h2>, paragraphs in <p>, inside
    navigation, header, footer, script and style that must not reach the text."""
    esc = (lambda s: html.escape(s, quote=False).encode("ascii", "xmlcharrefreplace")
           .decode("ascii")) if entities else (lambda s: html.escape(s, quote=False))
    blocks = parse_blocks(text)
    title = blocks[0][1]
    parts = [
        "<!DOCTYPE html>",
        "<html lang=\"en\"><head>",
        f"<meta charset=\"{encoding}\">",
        f"<title>{esc(title)}</title>",
        "<style>body { font-family: serif; } nav a::after { content: ' | '; }</style>",
        "<script>var note = 'Russia uses education in Kazakhstan';</script>",
        "</head><body>",
        "<header><div class=\"site\">Policy Notes &mdash; regional desk</div>",
        "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/china\">China</a></li>"
        "<li><a href=\"/russia\">Russia and Turkey in Central Asia</a></li></ul></nav></header>",
        "<main><article>",
    ]
    for kind, t in blocks:
        tag = {"title": "h1", "heading": "h2", "para": "p"}[kind]
        parts.append(f"<{tag}>{esc(t)}</{tag}>")
    parts += [
        "</article>",
        "<aside><p>Related: Japan opens a scholarship programme in Uzbekistan.</p></aside>",
        "</main>",
        "<footer><p>&copy; Policy Notes. The United States funds nothing on this page.</p>"
        "</footer>",
        "<script>document.title += ' | China';</script>",
        "</body></html>",
    ]
    data = "\n".join(parts).encode(encoding, errors="xmlcharrefreplace")
    if bom:
        data = b"\xef\xbb\xbf" + data
    Path(path).write_bytes(data)


# ----------------------------------------------------------------------- hand-made broken PDFs

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key, data):
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for b in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(b ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def encrypted_pdf(user_password=b"secret", owner_password=b"owner"):
    """A one-page PDF encrypted with the standard security handler (revision 2, RC4 40-bit), so
    that no tool beyond Python is needed. With a non-empty user password it cannot be opened
    without that password."""
    import hashlib
    pad = lambda pw: (pw + _PAD)[:32]
    o = _rc4(hashlib.md5(pad(owner_password)).digest()[:5], pad(user_password))
    perms = -4  # all permissions
    doc_id = hashlib.md5(b"softgraph encrypted test").digest()
    key = hashlib.md5(pad(user_password) + o + perms.to_bytes(4, "little", signed=True) +
                      doc_id).digest()[:5]
    u = _rc4(key, _PAD)

    def enc(num, data):
        k = hashlib.md5(key + num.to_bytes(3, "little") + (0).to_bytes(2, "little")).digest()
        return _rc4(k[:10], data)

    content = enc(4, b"BT /F1 12 Tf 72 720 Td (Russia opens schools in Kazakhstan.) Tj ET")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content +
        b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + o.hex().encode() + b"> /U <" +
        u.hex().encode() + b"> /P " + str(perms).encode() + b" >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += str(n).encode() + b" 0 obj\n" + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 " + str(len(objs) + 1).encode() + b"\n0000000000 65535 f \n"
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += (b"trailer\n<< /Size " + str(len(objs) + 1).encode() + b" /Root 1 0 R /Encrypt 6 0 R"
            b" /ID [<" + doc_id.hex().encode() + b"> <" + doc_id.hex().encode() + b">] >>\n"
            b"startxref\n" + str(xref).encode() + b"\n%%EOF\n")
    return bytes(out)


def image_only_pdf(path):
    """A PDF whose page holds only drawn shapes: no text layer (what a scan looks like)."""
    import cairo
    surface = cairo.PDFSurface(str(path), 420, 595)
    ctx = cairo.Context(surface)
    for i in range(12):
        ctx.rectangle(40, 40 + i * 40, 300 - i * 10, 20)
        ctx.fill()
    surface.finish()


if __name__ == "__main__":
    src, outdir = Path(sys.argv[1]), Path(sys.argv[2])
    outdir.mkdir(parents=True, exist_ok=True)
    text = src.read_text(encoding="utf-8")
    for cols in (1, 2):
        out = outdir / f"{src.stem}.{cols}col.pdf"
        pages, hy = make_pdf(text, out, columns=cols, header=f"{src.stem} \u00b7 test brief")
        print(out, pages, "pages", len(hy), "hyphenations", hy[:6])
    make_html(text, outdir / f"{src.stem}.html")
    make_html(text, outdir / f"{src.stem}.cp1251.html", encoding="windows-1251", entities=False)
