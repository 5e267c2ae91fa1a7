package server

import (
	"mime"
	"path"
	"strings"
)

// types are the content types the site's files need, fixed here rather than
// taken from the system's mime tables, which differ from one server to
// another. A .gz file is the browser search's index: it is sent as it is,
// application/gzip without Content-Encoding, and search.js inflates it.
var types = map[string]string{
	".html":        "text/html; charset=utf-8",
	".htm":         "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json",
	".webmanifest": "application/manifest+json",
	".xml":         "application/xml; charset=utf-8",
	".svg":         "image/svg+xml",
	".gz":          "application/gzip",
	".txt":         "text/plain; charset=utf-8",
	".md":          "text/plain; charset=utf-8",
	".csv":         "text/csv; charset=utf-8",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".avif":        "image/avif",
	".ico":         "image/x-icon",
	".pdf":         "application/pdf",
	".mp4":         "video/mp4",
	".m4v":         "video/mp4",
	".webm":        "video/webm",
	".mp3":         "audio/mpeg",
	".m4a":         "audio/mp4",
	".ogg":         "audio/ogg",
	".vtt":         "text/vtt; charset=utf-8",
	".woff":        "font/woff",
	".woff2":       "font/woff2",
	".wasm":        "application/wasm",
	".bin":         "application/octet-stream",
	".zip":         "application/zip",
	".docx":        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xlsx":        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".pptx":        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}

// contentType names the type of an output file by its extension.
func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := types[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// compressible reports whether compressing makes a type smaller and may be
// done on the fly: not for the event stream, whose events would wait in
// the compressor.
func compressible(ctype string) bool {
	t, _, _ := strings.Cut(ctype, ";")
	t = strings.ToLower(strings.TrimSpace(t))
	switch t {
	case "text/event-stream":
		return false
	case "application/json", "application/manifest+json", "application/xml", "image/svg+xml", "application/wasm":
		return true
	}
	return strings.HasPrefix(t, "text/")
}
