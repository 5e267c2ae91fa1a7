package load

import (
	"errors"
	"io/fs"
	"path/filepath"

	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/model"
	"github.com/jianghan-district/jianghan/internal/msg"
)

// ConfigFile is where the site settings live, relative to the site root.
const ConfigFile = "content/site.yaml"

var configKeys = []string{"title", "description", "base_url", "language", "about", "streets", "topics", "methods", "synonyms", "paginate", "markdown", "theme"}

// Config reads content/site.yaml. Problems go to diags; a missing file is one.
func Config(root string, diags *diag.List) model.Config {
	cfg := model.Config{Language: "zh-CN", Paginate: 20, BaseURL: "/"}
	raw, err := readLimited(filepath.Join(root, ConfigFile), MaxConfigSize)
	if errors.Is(err, fs.ErrNotExist) {
		diags.Error(ConfigFile, 0, 0, msg.NoConfig, ConfigFile)
		return cfg
	}
	if err != nil {
		readError(ConfigFile, err, msg.ConfigTooLarge, diags)
		return cfg
	}
	return decodeConfig(raw, diags)
}

// decodeConfig reads the bytes of site.yaml.
func decodeConfig(raw []byte, diags *diag.List) model.Config {
	cfg := model.Config{Language: "zh-CN", Paginate: 20, BaseURL: "/"}
	if _, ok := checkUTF8(ConfigFile, raw, diags); !ok {
		// Read in another encoding, the vocabularies would refuse every
		// page's street and topic: say only what to do first.
		return cfg
	}
	raw = lineEnds(raw)
	fm := &frontMatter{Line: 1}
	if err := decodeYAML(raw, 0, fm, "site.yaml"); err != nil {
		var se *syntaxError
		if errors.As(err, &se) {
			diags.Error(ConfigFile, se.Line, se.Col, se.Key, se.Args...)
		}
		return cfg
	}
	controlChars(ConfigFile, fm, diags)
	d := newDecoder(ConfigFile, fm, diags, configKeys)
	d.site = true
	d.unknownKeys("", nil)
	cfg.Title = d.str("title", msg.HintSiteTitle)
	cfg.Description = d.str("description", msg.Key{})
	if s := d.str("base_url", msg.Key{}); s != "" {
		cfg.BaseURL = s
	}
	if s := d.str("language", msg.Key{}); s != "" {
		cfg.Language = s
	}
	cfg.About = d.str("about", msg.Key{})
	var pos []model.Pos
	cfg.Streets, pos = d.strs("streets")
	d.termsOK("streets", cfg.Streets, pos)
	cfg.Topics, pos = d.strs("topics")
	d.termsOK("topics", cfg.Topics, pos)
	cfg.Methods, pos = d.strs("methods")
	d.termsOK("methods", cfg.Methods, pos)
	cfg.Synonyms = d.synonyms()
	if n := d.integer("paginate"); n > 0 {
		cfg.Paginate = n
	}
	if f := d.get("markdown"); f != nil {
		if !f.Value.IsMap {
			d.errorAt(f.Value.Line, f.Value.Col, msg.MarkdownNotMap)
		}
		for _, kv := range f.Value.Map {
			if kv.Key != "unsafe" {
				d.errorAt(kv.Line, kv.Col, msg.MarkdownUnknown, kv.Key)
				continue
			}
			cfg.Markdown.Unsafe = kv.Value.Scalar == "true"
		}
	}
	for _, voc := range []struct {
		key  string
		vals []string
	}{{"streets", cfg.Streets}, {"topics", cfg.Topics}, {"methods", cfg.Methods}} {
		seen := map[string]bool{}
		for _, v := range voc.vals {
			if seen[v] {
				p := d.pos[voc.key]
				d.errorAt(p.Line, p.Col, msg.VocabTwice, voc.key, v)
			}
			seen[v] = true
		}
	}
	cfg.Theme = decodeTheme(d)
	return cfg
}
