package server

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/jianghan-district/jianghan/generator"
	"github.com/jianghan-district/jianghan/search/index"
	"github.com/jianghan-district/jianghan/themes"
)

// copySite copies the repository's sample library (content/) into a new
// folder, with the built-in theme written out beside it so that theme
// edits can be tried.
func copySite(t testing.TB) string {
	t.Helper()
	root := t.TempDir()
	if err := copySample(root); err != nil {
		t.Fatal(err)
	}
	return root
}

// copySample writes the sample library and the built-in theme into root.
func copySample(root string) error {
	if err := os.CopyFS(filepath.Join(root, "content"), os.DirFS(filepath.Join("..", "content"))); err != nil {
		return err
	}
	return os.CopyFS(filepath.Join(root, filepath.FromSlash(themes.Dir)), themes.Default())
}

// buildSite builds a copy of the sample library and returns its output.
func buildSite(t testing.TB, baseURL string) string {
	t.Helper()
	if baseURL == "" {
		return filepath.Join(publishSite(t), "public")
	}
	root := copySite(t)
	t.Setenv("JIANGHAN_CACHE_DIR", t.TempDir())
	out := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(generator.Options{Root: root, Out: out, BaseURL: baseURL}); err != nil {
		t.Fatal(err)
	}
	return out
}

// published is the sample library with its theme, built once per test
// binary into its public/ folder, with the production server's two search
// indexes made for it; publishSite hands each test a copy of both, so that
// the tests do not each spend seconds (many, under the race detector)
// building the same site and indexing the same pages.
var published struct {
	once  sync.Once
	dir   string // holds site/ and cache/
	index string // the site's folder in cache/
	err   error
}

// publishSite copies the published sample library into a new folder, as
// `jianghan build` left it, with serve's search indexes as a production
// server left them, and returns the site folder.
func publishSite(t testing.TB) string {
	t.Helper()
	published.once.Do(func() { published.err = publishSample(t) })
	if published.err != nil {
		t.Fatalf("building the sample library: %v", published.err)
	}
	root := t.TempDir()
	if err := os.CopyFS(root, os.DirFS(filepath.Join(published.dir, "site"))); err != nil {
		t.Fatal(err)
	}
	t.Setenv("JIANGHAN_CACHE_DIR", t.TempDir())
	cache, err := generator.CacheDir(root)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(cache, os.DirFS(published.index)); err != nil {
		t.Fatal(err)
	}
	return root
}

// publishSample builds the sample and indexes it for production.
func publishSample(t testing.TB) error {
	dir, err := os.MkdirTemp("", "jianghan-server-test-")
	if err != nil {
		return err
	}
	published.dir = dir
	site := filepath.Join(dir, "site")
	if err := copySample(site); err != nil {
		return err
	}
	t.Setenv("JIANGHAN_CACHE_DIR", filepath.Join(dir, "cache"))
	if _, err := generator.Build(generator.Options{Root: site}); err != nil {
		return err
	}
	pub, err := generator.OpenPublished(filepath.Join(site, "public"))
	if err != nil {
		return err
	}
	defer pub.Close()
	data, err := pub.ServeData()
	if err != nil {
		return err
	}
	if published.index, err = generator.CacheDir(site); err != nil {
		return err
	}
	for _, d := range indexDirs {
		ix, err := index.Open(filepath.Join(published.index, d))
		if err != nil {
			return err
		}
		ix.SetSynonyms(data.Synonyms)
		_, err = ix.Sync(data.Documents)
		ix.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

func TestMain(m *testing.M) {
	code := m.Run()
	if published.dir != "" {
		os.RemoveAll(published.dir)
	}
	os.Exit(code)
}

// editFile replaces old with new in a site file, failing if old is absent.
func editFile(t testing.TB, root, rel, old, new string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s does not contain %q", rel, old)
	}
	writeFile(t, root, rel, strings.Replace(string(b), old, new, 1))
}

func writeFile(t testing.TB, root, rel, text string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// response is what a test needs of an HTTP answer.
type response struct {
	status int
	header http.Header
	body   string
}

// fetch GETs (or HEADs) url with extra headers, through client.
func fetch(t testing.TB, client *http.Client, method, url string, headers ...string) response {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{status: res.StatusCode, header: res.Header, body: string(b)}
}

// rawClient neither follows redirects nor decompresses, so tests see the
// answer as the server wrote it.
func rawClient() *http.Client {
	return &http.Client{
		Transport:     &http.Transport{DisableCompression: true},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// lockedBuffer collects a server's output from many goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
