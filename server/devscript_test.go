package server

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/jianghan-district/jianghan/internal/msg"
)

// The overlay and the problem page speak the process language, and the
// script stays a script whatever the words hold.
func TestOverlayWords(t *testing.T) {
	for _, tt := range []struct {
		lang                msg.Lang
		label, close, title string
		page                string
	}{
		{msg.Zh, `"内容错误"`, `"暂时关闭"`, "内容有 2 处错误，页面仍是上次成功生成的版本。改正后会自动刷新：", "内容有错误，网站还不能生成"},
		{msg.En, `"Content errors"`, `"Close for now"`, "2 error(s) in the content; the page is the last good build. It reloads once they are fixed:", "The content has errors; the site cannot be built yet"},
	} {
		t.Run(string(tt.lang), func(t *testing.T) {
			msg.SetLang(tt.lang)
			defer msg.SetLang(msg.Zh)
			script := string(DevScript())
			if !strings.Contains(script, `box.setAttribute("aria-label", `+tt.label+`)`) || !strings.Contains(script, "close.textContent = "+tt.close) {
				t.Errorf("the script's words are not %s, %s:\n%s", tt.label, tt.close, script)
			}
			var data struct{ Title string }
			if err := json.Unmarshal(overlayEvent([]string{"a", "b"}).data, &data); err != nil {
				t.Fatal(err)
			}
			if data.Title != tt.title {
				t.Errorf("heading %q", data.Title)
			}
			rec := httptest.NewRecorder()
			writeProblemPage(rec, httptest.NewRequest("GET", "/", nil), http.StatusInternalServerError, msg.PageErrors, msg.PageErrorsHint, []string{"<script>x</script>"})
			body := rec.Body.String()
			if !strings.Contains(body, tt.page) || !strings.Contains(body, `lang="`+string(tt.lang)+`"`) || strings.Contains(body, "<script>x") {
				t.Errorf("problem page:\n%s", body)
			}
		})
	}
	if s := jsString("</script><b>&"); strings.ContainsAny(s, "<>&") {
		t.Errorf("jsString left markup in %s", s)
	}
}
