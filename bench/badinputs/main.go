// Command badinputs measures how long `jianghan check` takes, and how much
// memory, on each of the worst inputs a page or site.yaml can hold: alias
// bombs, files over the size limit, and pages just under it written to
// make a Markdown or YAML parser work hardest. Every bad file must be
// refused or read within a second or two. Run it on purpose:
//
//	go build -o /tmp/jianghan ./cmd/jianghan
//	go run ./bench/badinputs /tmp/jianghan
//
// Each case is a copy of generator/testdata/site with one file replaced,
// checked by its own process under GNU time, which reports its CPU time and
// peak memory; on a shared machine the CPU time is the steadier number.
package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

const page = "content/cases/visits.md"

// limit is a little under the page size limit (load.MaxPageSize).
const limit = 2<<20 - 4096

func fill(unit string) string { return strings.Repeat(unit, limit/len(unit)) }

func laughs(field string) string {
	s := "lol: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
	prev := "a"
	for _, n := range "bcdefgh" {
		s += "l" + string(n) + ": &" + string(n) + " [" + strings.Repeat("*"+prev+", ", 8) + "*" + prev + "]\n"
		prev = string(n)
	}
	return s + field + ": [" + strings.Repeat("*"+prev+", ", 8) + "*" + prev + "]\n"
}

func caseWith(fm, body string) string {
	return "---\ntitle: 测试\nstreet: 水塔街道\ntopics: [居民自治]\nsummary: 测。\n" + fm + "---\n\n## 问题\n\n" + body + "\n\n## 解决方案\n\n做法。\n"
}

type input struct {
	name, file, text string
}

func inputs() []input {
	return []input{
		{"YAML billion laughs in a page (491 bytes)", page, "---\ntitle: x\n" + laughs("tags") + "---\n"},
		{"YAML billion laughs in site.yaml", "content/site.yaml", "title: x\n" + laughs("topics")},
		{"YAML alias in its own anchor", page, "---\ntitle: x\ntags: &a [*a, *a]\n---\n"},
		{"the sample site as it is", "content/site.yaml", string(must(os.ReadFile(filepath.Join("generator", "testdata", "site", "content", "site.yaml"))))},
		{"page of 50 MB (over the limit)", page, caseWith("", strings.Repeat("志愿者每天敲门，问候独居老人。\n", 50<<20/46))},
		{"2 MB of Chinese text", page, caseWith("", fill("志愿者每天敲门，问候独居老人，三个月后建立起结对关怀网络。\n"))},
		{"2 MB of nested quotes", page, caseWith("", fill(">"))},
		{"2 MB of open brackets", page, caseWith("", fill("["))},
		{"2 MB of link openers", page, caseWith("", fill("[a]("))},
		{"2 MB of emphasis marks", page, caseWith("", fill("*a"))},
		{"2 MB of CJK emphasis", page, caseWith("", fill("**「重点」**"))},
		{"2 MB of unmatched backticks", page, caseWith("", fill("`a``"))},
		{"2 MB of HTML openers", page, caseWith("", fill("<a "))},
		{"2 MB of raw HTML tags", page, caseWith("", fill("<b>x</b>"))},
		{"2 MB of closed brackets", page, caseWith("", fill("[a]"))},
		{"2 MB paragraph of closed links", page, caseWith("", fill("社区工作者在[议事协商](../lectures/consultation-steps.md)之后形成了方案。\n"))},
		{"2 MB of table cells", page, caseWith("", "|a|b|\n|-|-|\n"+fill("|x"))},
		{"2 MB of nested lists", page, caseWith("", func() string {
			var b strings.Builder
			for d := 0; b.Len() < limit; d = (d + 1) % 200 {
				b.WriteString(strings.Repeat("  ", d) + "- [ ] 项\n")
			}
			return b.String()
		}())},
		{"2 MB of footnotes", page, caseWith("", fill("[^1]")+"\n\n[^1]: 注\n")},
		{"2 MB of autolinks", page, caseWith("", fill("www.a.cn/ "))},
		{"2 MB of YAML nesting", page, "---\ntitle: x\ntags: " + fill("[") + "\n---\n"},
		{"2 MB of TOML nesting", page, "+++\ntitle = \"x\"\ntags = " + fill("[") + "\n+++\n"},
		{"2 MB of tags", page, "---\ntitle: x\ntags:\n" + fill("  - 标签\n") + "---\n"},
		{"site.yaml of 1 MB of topics", "content/site.yaml", "title: x\ntopics:\n" + func() string {
			var b strings.Builder
			for i := 0; b.Len() < 1<<20-4096; i++ {
				fmt.Fprintf(&b, "  - 主题%d\n", i)
			}
			return b.String()
		}()},
		{"a page in GBK", page, "---\ntitle: \xb1\xea\xcc\xe2\n---\n\n" + strings.Repeat("\xa1\xb0\xb1\xa3\xb0\xb2\xa1\xb1\n", 1000)},
	}
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: badinputs PATH-TO-JIANGHAN")
		os.Exit(2)
	}
	bin := os.Args[1]
	fixture := filepath.Join("generator", "testdata", "site")
	fmt.Printf("%-42s %8s %8s %9s  %s\n", "input", "wall", "CPU", "peak RSS", "what check says of the file")
	for _, in := range inputs() {
		dir, err := os.MkdirTemp("", "jianghan-bad-")
		if err != nil {
			panic(err)
		}
		if err := os.CopyFS(dir, os.DirFS(fixture)); err != nil {
			panic(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(in.file)), []byte(in.text), 0o644); err != nil {
			panic(err)
		}
		// GNU time reports the peak memory of jianghan alone; the rusage
		// of a child of this process would count this process's pages.
		var out, stats bytes.Buffer
		cmd := exec.Command("/usr/bin/time", "-o", "/dev/stderr", "-f", "%M %U %S", bin, "check", "-s", dir)
		cmd.Stdout, cmd.Stderr = &out, &stats
		start := time.Now()
		cmd.Run()
		took := time.Since(start)
		lines := strings.Split(strings.TrimSpace(stats.String()), "\n")
		var kb int
		var user, sys float64
		fmt.Sscan(lines[len(lines)-1], &kb, &user, &sys)
		shown := ""
		all := append(lines[:len(lines)-1], strings.Split(strings.TrimSpace(out.String()), "\n")...)
		for _, l := range all {
			if strings.HasPrefix(l, in.file) {
				shown = l
				break
			}
		}
		if shown == "" { // nothing about the file: the summary
			shown = all[len(all)-1]
		}
		if r := []rune(shown); len(r) > 70 {
			shown = string(r[:70]) + "…"
		}
		fmt.Printf("%-42s %7.2fs %7.2fs %6d MB  %s\n", in.name, took.Seconds(), user+sys, kb/1024, shown)
		os.RemoveAll(dir)
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}
