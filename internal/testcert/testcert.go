// Package testcert makes TLS certificates for tests, the way a district
// intranet has them: a certificate authority of its own, and server
// certificates it issues for the host names of the site. One CA and one
// server key serve the whole test binary, so that a browser started once
// can be told to trust that key (SPKI), and a Go client the CA (Pool).
package testcert

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

var state = sync.OnceValue(func() *authority {
	caKey := must(ecdsa.GenerateKey(elliptic.P256(), rand.Reader))
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "江汉区内网测试根证书 (jianghan test CA)"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(30 * 24 * time.Hour),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
	}
	der := must(x509.CreateCertificate(rand.Reader, tmpl, tmpl, &caKey.PublicKey, caKey))
	return &authority{caKey: caKey, ca: must(x509.ParseCertificate(der)),
		key: must(ecdsa.GenerateKey(elliptic.P256(), rand.Reader)), serial: 1}
})

// authority is the test CA and the one server key.
type authority struct {
	caKey *ecdsa.PrivateKey
	ca    *x509.Certificate
	key   *ecdsa.PrivateKey

	mu     sync.Mutex
	serial int64
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// SPKI is the base64 SHA-256 of the server key's SubjectPublicKeyInfo, as
// Chromium's --ignore-certificate-errors-spki-list wants it: a browser
// started with it trusts every certificate Issue makes.
func SPKI() string {
	der := must(x509.MarshalPKIXPublicKey(&state().key.PublicKey))
	sum := sha256.Sum256(der)
	return base64.StdEncoding.EncodeToString(sum[:])
}

// Pool holds the test CA, for Go clients.
func Pool() *x509.CertPool {
	p := x509.NewCertPool()
	p.AddCert(state().ca)
	return p
}

// CAPEM is the test CA's certificate, as phones would install it.
func CAPEM() []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: state().ca.Raw})
}

// Cert is a server certificate Issue made.
type Cert struct {
	// CertPEM holds the server certificate, then the CA's.
	CertPEM []byte
	// KeyPEM is the server key.
	KeyPEM []byte
	// Serial tells two certificates apart.
	Serial int64
}

// Issue makes a server certificate for the host names and IP addresses,
// valid from an hour ago for validFor.
func Issue(validFor time.Duration, hosts ...string) Cert {
	a := state()
	a.mu.Lock()
	a.serial++
	serial := a.serial
	a.mu.Unlock()
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(serial),
		Subject:      pkix.Name{CommonName: hosts[0]},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(validFor),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	for _, h := range hosts {
		if ip := net.ParseIP(h); ip != nil {
			tmpl.IPAddresses = append(tmpl.IPAddresses, ip)
		} else {
			tmpl.DNSNames = append(tmpl.DNSNames, h)
		}
	}
	der := must(x509.CreateCertificate(rand.Reader, tmpl, a.ca, &a.key.PublicKey, a.caKey))
	chain := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	chain = append(chain, CAPEM()...)
	key := pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: must(x509.MarshalPKCS8PrivateKey(a.key))})
	return Cert{CertPEM: chain, KeyPEM: key, Serial: serial}
}

// Write writes the certificate and key into dir, as cert.pem and key.pem,
// and returns their paths.
func (c Cert) Write(t testing.TB, dir string) (certFile, keyFile string) {
	t.Helper()
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(certFile, c.CertPEM, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyFile, c.KeyPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	return certFile, keyFile
}
