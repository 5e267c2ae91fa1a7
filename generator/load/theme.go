package load

import (
	"path"
	"regexp"
	"strings"

	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/internal/msg"
)

// themeKeys are the settings of site.yaml's theme block: the restyle most
// districts want, without copying a template.
var themeKeys = []string{"color", "logo", "footer"}

var colorRE = regexp.MustCompile(`^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)

// logoTypes are the image types a browser shows in the header.
var logoTypes = []string{".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif"}

// decodeTheme reads the theme block. Each value is checked here, where it
// is read, because each ends up in the page: the colour in a stylesheet,
// the logo in a URL.
func decodeTheme(d *decoder) model.ThemeConfig {
	var t model.ThemeConfig
	f := d.get("theme")
	if f == nil {
		return t
	}
	if !f.Value.IsMap {
		if f.Value.IsScalar || f.Value.IsList {
			d.errorAt(f.Value.Line, f.Value.Col, msg.ThemeNotMap)
		}
		return t
	}
	for _, kv := range f.Value.Map {
		v := strings.TrimSpace(kv.Value.Scalar)
		if !kv.Value.IsScalar && (kv.Value.IsList || kv.Value.IsMap) {
			d.errorAt(kv.Value.Line, kv.Value.Col, msg.FieldNotSingle, "theme."+kv.Key)
			continue
		}
		at := model.Pos{Line: kv.Value.Line, Col: kv.Value.Col}
		switch kv.Key {
		case "color":
			switch {
			case v == "":
			case !colorRE.MatchString(v):
				d.errorAt(at.Line, at.Col, msg.ThemeColorBad, v)
			default:
				t.Color = model.ExpandColor(v)
				if model.ContrastWithWhite(t.Color) < 4.5 {
					d.diags.Warn(d.file, at.Line, at.Col, msg.ThemeColorLight, v)
				}
			}
		case "logo":
			if v == "" {
				continue
			}
			if !hasSuffix(strings.ToLower(v), logoTypes) {
				d.errorAt(at.Line, at.Col, msg.ThemeLogoType, v)
				continue
			}
			t.Logo, t.LogoAt = strings.TrimPrefix(path.Clean("/"+v), "/"), at
		case "footer":
			t.Footer = v
		default:
			d.errorAt(kv.Line, kv.Col, msg.ThemeUnknown, kv.Key, strings.Join(themeKeys, ", "), diag.DidYouMean(kv.Key, themeKeys))
		}
	}
	return t
}

func hasSuffix(s string, suffixes []string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}
