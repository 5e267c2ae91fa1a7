package server

import (
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jianghan-district/jianghan/internal/msg"
)

// HTTPS. A service worker, and with it offline reading, needs a secure
// context: on a district intranet, where pages are not served from
// localhost, that means HTTPS. serve reads the certificate and key from PEM
// files, and reads them again on SIGHUP (Options.Reload), so a renewed
// certificate is taken up without a restart and without dropping a
// connection. Plain HTTP may still be answered, on its own address, with a
// redirect to HTTPS.

// certificate holds the certificate served, replaced at once on reload.
type certificate struct {
	certFile, keyFile string
	cur               atomic.Pointer[tls.Certificate]
}

// loadCertificate reads the certificate and key; it fails when either is
// missing or unreadable, or when they do not belong together.
func loadCertificate(certFile, keyFile string) (*certificate, error) {
	c := &certificate{certFile: certFile, keyFile: keyFile}
	if err := c.reload(); err != nil {
		return nil, err
	}
	return c, nil
}

// reload reads the files again; on failure the certificate served stays.
func (c *certificate) reload() error {
	pair, err := tls.LoadX509KeyPair(c.certFile, c.keyFile)
	if err != nil {
		return fmt.Errorf("%s, %s: %w", c.certFile, c.keyFile, err)
	}
	c.cur.Store(&pair)
	return nil
}

// describe names the hosts the certificate is for and when it ends.
func (c *certificate) describe() (names string, notAfter time.Time) {
	leaf := c.cur.Load().Leaf
	if leaf == nil {
		return "", time.Time{}
	}
	names = strings.Join(leaf.DNSNames, ", ")
	for _, ip := range leaf.IPAddresses {
		if names != "" {
			names += ", "
		}
		names += ip.String()
	}
	if names == "" {
		names = leaf.Subject.CommonName
	}
	return names, leaf.NotAfter
}

// expired reports whether the certificate is past its end, or not yet valid.
func (c *certificate) expired(now time.Time) bool {
	leaf := c.cur.Load().Leaf
	return leaf != nil && (now.After(leaf.NotAfter) || now.Before(leaf.NotBefore))
}

// config is the TLS configuration of the server: TLS 1.2 at least, HTTP/2
// offered, the certificate as last loaded.
func (c *certificate) config() *tls.Config {
	return &tls.Config{
		MinVersion: tls.VersionTLS12,
		GetCertificate: func(*tls.ClientHelloInfo) (*tls.Certificate, error) {
			return c.cur.Load(), nil
		},
	}
}

// redirectToHTTPS answers every plain HTTP request with a permanent
// redirect to the same host and path over HTTPS, on httpsPort.
func redirectToHTTPS(httpsPort string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		} else {
			host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
		}
		if host == "" {
			http.Error(w, msg.T(msg.ProdNoHost), http.StatusBadRequest)
			return
		}
		if httpsPort != "443" {
			host = net.JoinHostPort(host, httpsPort)
		} else if strings.Contains(host, ":") {
			host = "[" + host + "]" // an IPv6 address
		}
		w.Header().Set("Cache-Control", cacheNever)
		http.Redirect(w, r, "https://"+host+r.URL.RequestURI(), http.StatusMovedPermanently)
	})
}
