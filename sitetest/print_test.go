package sitetest

import (
	"context"
	"encoding/hex"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/jianghan-district/jianghan/internal/browsertest"
)

// printPDF prints the open page as Chromium's print dialog would on A4,
// with the document outline (bookmarks from the headings) embedded. With
// JIANGHAN_PRINT_DIR set, the PDF is also kept there, to look at.
func printPDF(t *testing.T, ctx context.Context) []byte {
	t.Helper()
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(
		chromedp.PDFPaper(chromedp.PaperA4),
		func(p *page.PrintToPDFParams) {
			yes := true
			p.PreferCSSPageSize = &yes
			p.GenerateDocumentOutline = &yes
		},
	))
	if err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("JIANGHAN_PRINT_DIR"); dir != "" {
		loc := js[string](t, ctx, `location.pathname`)
		name := strings.Trim(strings.ReplaceAll(loc, "/", "_"), "_") + ".pdf"
		if err := os.WriteFile(filepath.Join(dir, name), pdf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return pdf
}

var (
	pdfPage     = regexp.MustCompile(`/Type\s*/Page\b[^s]`)
	pdfMediaBox = regexp.MustCompile(`/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]`)
	pdfTitle    = regexp.MustCompile(`/Title\s*(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))`)
)

// pdfPages counts the page objects of a PDF.
func pdfPages(pdf []byte) int { return len(pdfPage.FindAll(pdf, -1)) }

// pdfOutline returns the titles of a PDF's outline (bookmarks), which
// Chromium writes as UTF-16 hex strings outside compressed streams.
func pdfOutline(pdf []byte) []string {
	var out []string
	for _, m := range pdfTitle.FindAllSubmatch(pdf, -1) {
		out = append(out, pdfString(string(m[1])))
	}
	return out
}

// pdfString decodes a PDF string object: <FEFF…> UTF-16BE hex, or a
// literal (…) with backslash escapes.
func pdfString(s string) string {
	if strings.HasPrefix(s, "<") {
		b, err := hex.DecodeString(strings.Join(strings.Fields(strings.Trim(s, "<>")), ""))
		if err != nil {
			return ""
		}
		if len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF {
			u := make([]uint16, 0, len(b)/2)
			for i := 2; i+1 < len(b); i += 2 {
				u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
			}
			return string(utf16.Decode(u))
		}
		return string(b)
	}
	s = strings.TrimSuffix(strings.TrimPrefix(s, "("), ")")
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			switch s[i] {
			case 'n':
				b.WriteByte('\n')
			case 'r', 't', 'b', 'f':
			default:
				if s[i] >= '0' && s[i] <= '7' {
					j := i
					for j < len(s) && j < i+3 && s[j] >= '0' && s[j] <= '7' {
						j++
					}
					n, _ := strconv.ParseUint(s[i:j], 8, 8)
					b.WriteByte(byte(n))
					i = j - 1
				} else {
					b.WriteByte(s[i])
				}
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// checkA4 checks every page of the PDF is A4 (595×842 points).
func checkA4(t *testing.T, pdf []byte) {
	t.Helper()
	boxes := pdfMediaBox.FindAllSubmatch(pdf, -1)
	if len(boxes) == 0 {
		t.Error("no MediaBox in the PDF")
	}
	for _, m := range boxes {
		w, _ := strconv.ParseFloat(string(m[1]), 64)
		h, _ := strconv.ParseFloat(string(m[2]), 64)
		if w < 593 || w > 598 || h < 840 || h > 845 {
			t.Errorf("a page is %v×%v pt, not A4 portrait", w, h)
			return
		}
	}
}

// printMedia lays the page out as printed on A4 with its margins (the CSS
// @page has 16 mm each side: 178 mm, 673 px, of text width) and returns
// what breaks a clean print.
const printProbe = `(() => {
  const out = [];
  const shown = (el) => { const s = getComputedStyle(el); return s.display !== "none" && s.visibility !== "hidden" && el.getBoundingClientRect().height > 0; };
  for (const sel of [".site-header", ".site-nav", ".crumbs", ".site-footer", ".search-box", ".lesson-nav", ".related", ".text-size", ".offline-note", ".offline-save", ".lesson-done", ".skip", "button", "form"]) {
    for (const el of document.querySelectorAll(sel)) if (shown(el)) out.push("printed: " + sel);
  }
  const width = document.documentElement.clientWidth;
  for (const t of document.querySelectorAll("main table")) {
    const box = t.closest(".table-scroll") || t.parentElement;
    if (t.getBoundingClientRect().right > width + 0.5) out.push("table wider than the page: " + Math.round(t.getBoundingClientRect().width) + "px");
    if (box.scrollWidth > box.clientWidth + 1) out.push("table cut: scrolls in its box");
    if (getComputedStyle(t).breakInside !== "avoid") out.push("table may break across pages");
  }
  for (const a of document.querySelectorAll(".prose a[href], .case-section a[href]")) {
    const h = a.getAttribute("href");
    if (h.startsWith("#")) continue;
    const after = getComputedStyle(a, "::after").content;
    if (!after || after === "none" || !after.includes(a.dataset.printUrl || h)) out.push("link target not written out: " + h + " → " + after);
  }
  return out;
})()`

func printLayout(t *testing.T, ctx context.Context) {
	t.Helper()
	run(t, ctx, chromedp.EmulateViewport(673, 1000), chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	}))
}

// TestPrintHandbook prints /handbook/print/ to an A4 PDF: every chapter
// starts a page and is in the PDF's outline, nothing of the site's
// navigation is printed, links are written out.
func TestPrintHandbook(t *testing.T) {
	srv := serve(t, site.out)
	ctx := phone(t)
	open(t, ctx, srv.URL+"/handbook/print/")
	chapters := js[[]string](t, ctx, `Array.from(document.querySelectorAll(".print-chapter > h2")).map((h) => h.textContent)`)
	if len(chapters) < 5 {
		t.Fatalf("print page has %d chapters", len(chapters))
	}
	printLayout(t, ctx)
	for _, p := range js[[]string](t, ctx, printProbe) {
		t.Errorf("handbook print: %s", p)
	}
	if n := js[int](t, ctx, `Array.from(document.querySelectorAll(".print-chapter")).filter((s) => getComputedStyle(s).breakBefore === "page").length`); n != len(chapters) {
		t.Errorf("%d of %d chapters start a new page", n, len(chapters))
	}
	if n := js[int](t, ctx, `document.querySelectorAll(".prose a[data-print-url]").length`); n == 0 {
		t.Error("no link of the handbook has its target written out")
	}

	pdf := printPDF(t, ctx)
	checkA4(t, pdf)
	pages := pdfPages(pdf)
	if pages < len(chapters)+1 {
		t.Errorf("the handbook prints on %d pages; with the contents page and a page break before each of %d chapters it needs at least %d",
			pages, len(chapters), len(chapters)+1)
	}
	outline := strings.Join(pdfOutline(pdf), "\n")
	for _, c := range chapters {
		if !strings.Contains(outline, c) {
			t.Errorf("chapter %q is not in the PDF (outline: %q)", c, outline)
		}
	}
	t.Logf("handbook: %d chapters on %d A4 pages, %d bytes of PDF", len(chapters), pages, len(pdf))
}

// TestPrintCase prints a case with a table: A4, nothing but the case, the
// table whole.
func TestPrintCase(t *testing.T) {
	srv := serve(t, site.out)
	ctx := phone(t)
	for _, p := range []string{"/cases/volunteer-points/", "/" + photoCase + "/"} {
		open(t, ctx, srv.URL+p)
		run(t, ctx, browsertest.Phone)
		title := js[string](t, ctx, `document.querySelector("h1").textContent`)
		printLayout(t, ctx)
		for _, problem := range js[[]string](t, ctx, printProbe) {
			t.Errorf("%s print: %s", p, problem)
		}
		// On paper the facts that a phone folds are all there.
		if !js[bool](t, ctx, `document.querySelector(".facts dl").checkVisibility() && document.querySelector(".facts dl").getBoundingClientRect().height > 40`) {
			t.Errorf("%s print: the case's facts are folded away", p)
		}
		pdf := printPDF(t, ctx)
		checkA4(t, pdf)
		if n := pdfPages(pdf); n < 1 || n > 6 {
			t.Errorf("%s prints on %d pages", p, n)
		}
		if outline := pdfOutline(pdf); len(outline) == 0 || !strings.Contains(strings.Join(outline, "\n"), title) {
			t.Errorf("%s: title %q not in the PDF outline %q", p, title, outline)
		}
		run(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{})
			return err
		}))
	}
}
