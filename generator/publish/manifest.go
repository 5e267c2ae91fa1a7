package publish

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
)

// markerHead is the first line of the Marker file; the lines after it are
// the manifest.
const markerHead = "made by jianghan build; this folder is replaced by the next build"

// entry is what a build recorded of one file it wrote.
type entry struct {
	size int64
	sum  string
}

// manifest maps the slash paths of the files in an output folder to what
// the build that made them recorded. It lives in the Marker file, so a
// rebuild knows what the folder holds without reading it. The Marker is
// written last in every build, so what has not changed since the Marker
// (see changed) is as that build left it: a file of the listed size holds
// the listed bytes, with one stat and no read, and a folder holds the listed
// entries, with one stat and no listing. A file or folder changed since (by
// hand, or in the same tick of the clock as the Marker) is read. Sizes and
// sums only, no times, so two builds of the same site write the same
// Marker.
type manifest struct {
	files map[string]entry
	made  time.Time // when the Marker last changed
}

// sum is the checksum a manifest keeps of a file's bytes.
func sum(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:16])
}

// readManifest reads the manifest of the output folder root; ok is false
// when the folder has no Marker or its Marker has no manifest (a folder
// made by an older jianghan), in which case the folder must be walked.
func readManifest(root *Root) (m manifest, ok bool) {
	if st, err := root.Lstat(Marker); err != nil || !st.Mode().IsRegular() {
		return m, false
	}
	f, err := root.Open(Marker)
	if err != nil {
		return m, false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return m, false
	}
	b, err := io.ReadAll(f)
	if err != nil {
		return m, false
	}
	files, ok := parseManifest(b)
	return manifest{files: files, made: changed(st)}, ok
}

// parseManifest reads the bytes of a Marker. The Marker lies in the output
// folder, where anyone who can write there can change it: ok is false for
// anything but a Marker exactly as markerBytes writes it, and the folder is
// then walked instead.
func parseManifest(b []byte) (files map[string]entry, ok bool) {
	head, rest, found := bytes.Cut(b, []byte("\n"))
	if !found || string(head) != markerHead || len(rest) == 0 {
		return nil, false
	}
	files = map[string]entry{}
	sc := bufio.NewScanner(bytes.NewReader(rest))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		f := strings.SplitN(sc.Text(), " ", 3)
		if len(f) != 3 {
			return nil, false
		}
		size, err1 := strconv.ParseInt(f[0], 10, 64)
		name, err2 := strconv.Unquote(f[2])
		// A name that could reach outside the folder makes the whole
		// Marker untrusted: the folder is then walked, and nothing is
		// removed that the walk did not find inside it.
		if err1 != nil || err2 != nil || size < 0 || !fs.ValidPath(name) || name == "." || name == Marker {
			return nil, false
		}
		files[name] = entry{size: size, sum: f[1]}
	}
	if sc.Err() != nil {
		return nil, false
	}
	return files, true
}

// holds reports whether the file rel of root, listed as e, is as its build
// left it, by one stat.
func (m manifest) holds(root *Root, rel string, e entry) bool {
	st, err := root.Lstat(rel)
	return err == nil && st.Mode().IsRegular() && st.Size() == e.size && changed(st).Before(m.made)
}

// unchanged reports whether the folder rel of root holds the entries its
// build left in it, by one stat.
func (m manifest) unchanged(root *Root, rel string) bool {
	st, err := root.Lstat(rel)
	return err == nil && st.IsDir() && changed(st).Before(m.made)
}

// folders returns the folders that hold the files of names, as slash paths,
// "." for the top.
func folders(names map[string]entry) map[string]bool {
	dirs := map[string]bool{".": true}
	for n := range names {
		for d := path.Dir(n); !dirs[d]; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	return dirs
}

// markerBytes renders the Marker file listing files, in path order.
func markerBytes(files map[string]entry) []byte {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	var b bytes.Buffer
	b.WriteString(markerHead + "\n")
	for _, n := range names {
		e := files[n]
		fmt.Fprintf(&b, "%d %s %s\n", e.size, e.sum, strconv.Quote(n))
	}
	return b.Bytes()
}
