package load

import (
	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/generator/urls"
	"github.com/jianghan-district/jianghan/internal/msg"
)

// Names that become paths are checked where they are read (see
// urls.CheckSegment): a slug, a tag, street, topic or method, in a page or
// in site.yaml's vocabularies, and the names of the files under content/.

// describe names a problem of a name in the process language.
func describe(p urls.Problem) string { return p.Describe() }

// reported tells whether controlChars has already reported the problem in
// the front matter: a control character other than a tab or a line end.
func reported(p urls.Problem) bool {
	return p.Kind == urls.NameControl && urls.IsControl(p.Char)
}

// termsOK checks values of a field that become term pages, /tags/VALUE/;
// ok[i] is false for a value that cannot be one.
func (d *decoder) termsOK(field string, vals []string, pos []model.Pos) []bool {
	ok := make([]bool, len(vals))
	for i, v := range vals {
		p := urls.CheckSegment(v)
		ok[i] = p.Kind == urls.NameOK
		if !ok[i] && !reported(p) {
			d.diags.Error(d.file, pos[i].Line, pos[i].Col, msg.TermUnsafe, field, v, describe(p))
		}
	}
	return ok
}

// slugOK checks a slug given in front matter beyond what checkSlug's own
// message covers.
func slugOK(d *decoder, s string, line, col int) {
	if p := urls.CheckSegment(s); p.Kind != urls.NameOK && !reported(p) {
		d.diags.Error(d.file, line, col, msg.SlugUnsafe, s, describe(p))
	}
}

// fileOK checks the name of a file found under content/, rel from the site
// root; a file that cannot be published is reported and left out.
func fileOK(rel string, diags *diag.List) bool {
	p := urls.CheckFile(rel)
	if p.Kind == urls.NameOK {
		return true
	}
	diags.Error(rel, 0, 0, msg.FileNameUnsafe, describe(p))
	return false
}

// pageNameOK checks the name of a page file or bundle folder at rel, which
// is the page's slug unless its front matter gives another.
func pageNameOK(rel, slug string, diags *diag.List) bool {
	p := urls.CheckSegment(slug)
	if p.Kind == urls.NameOK {
		return true
	}
	diags.Error(rel, 0, 0, msg.FileNameUnsafe, describe(p))
	return false
}
