package load

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/jianghan-district/jianghan/generator/diag"
	"github.com/jianghan-district/jianghan/generator/model"
)

// ConfigFile is where the site settings live, relative to the site root.
const ConfigFile = "content/site.yaml"

var configKeys = []string{"title", "description", "base_url", "language", "about", "streets", "topics", "methods", "paginate", "markdown"}

// Config reads content/site.yaml. Problems go to diags; a missing file is one.
func Config(root string, diags *diag.List) model.Config {
	cfg := model.Config{Language: "zh-CN", Paginate: 20, BaseURL: "/"}
	raw, err := os.ReadFile(filepath.Join(root, ConfigFile))
	if errors.Is(err, fs.ErrNotExist) {
		diags.Errorf(ConfigFile, 0, 0, "no site settings: create %s with at least `title: 站点名称` (is -s pointing at the site folder?)", ConfigFile)
		return cfg
	}
	if err != nil {
		diags.Errorf(ConfigFile, 0, 0, "cannot read: %v", err)
		return cfg
	}
	fm := &frontMatter{Line: 1}
	if err := decodeYAML(raw, 0, fm, "site.yaml"); err != nil {
		var se *syntaxError
		if errors.As(err, &se) {
			diags.Errorf(ConfigFile, se.Line, se.Col, "%s", se.Msg)
		}
		return cfg
	}
	d := newDecoder(ConfigFile, fm, diags, configKeys)
	d.block = "site.yaml"
	d.unknownKeys("", nil)
	cfg.Title = d.str("title", true, "站点名称")
	cfg.Description = d.str("description", false, "")
	if s := d.str("base_url", false, ""); s != "" {
		cfg.BaseURL = s
	}
	if s := d.str("language", false, ""); s != "" {
		cfg.Language = s
	}
	cfg.About = d.str("about", false, "")
	cfg.Streets, _ = d.strs("streets")
	cfg.Topics, _ = d.strs("topics")
	cfg.Methods, _ = d.strs("methods")
	if n := d.integer("paginate"); n > 0 {
		cfg.Paginate = n
	}
	if f := d.get("markdown"); f != nil {
		if !f.Value.IsMap {
			d.errorf(f.Value.Line, f.Value.Col, "markdown must hold settings such as `unsafe: true`")
		}
		for _, kv := range f.Value.Map {
			if kv.Key != "unsafe" {
				d.errorf(kv.Line, kv.Col, "unknown markdown setting %q (the only one is unsafe)", kv.Key)
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
				d.errorf(p.Line, p.Col, "%s lists %q twice", voc.key, v)
			}
			seen[v] = true
		}
	}
	return cfg
}
