package link

import (
	"fmt"
	"math/rand"
	"sort"
	"testing"
	"time"

	"github.com/jianghan-district/jianghan/generator/model"
)

// referenceRelated is the first, plainly quadratic way related cases were
// found; the faster related and updateRelated must give exactly its lists.
func referenceRelated(site *model.Site) map[*model.Case][]*model.Case {
	out := map[*model.Case][]*model.Case{}
	byTerm := map[string][]int{}
	for i, c := range site.Cases {
		for _, t := range c.Topics {
			byTerm["t:"+t] = append(byTerm["t:"+t], i)
		}
		for _, m := range c.Methods {
			byTerm["m:"+m] = append(byTerm["m:"+m], i)
		}
		byTerm["s:"+c.Street] = append(byTerm["s:"+c.Street], i)
	}
	weight := map[byte]int{'t': 3, 'm': 2, 's': 1}
	score := make([]int, len(site.Cases))
	for i, c := range site.Cases {
		var touched []int
		add := func(key string) {
			for _, j := range byTerm[key] {
				if j == i {
					continue
				}
				if score[j] == 0 {
					touched = append(touched, j)
				}
				score[j] += weight[key[0]]
			}
		}
		for _, t := range c.Topics {
			add("t:" + t)
		}
		for _, m := range c.Methods {
			add("m:" + m)
		}
		add("s:" + c.Street)
		sort.Slice(touched, func(a, b int) bool {
			x, y := touched[a], touched[b]
			if score[x] != score[y] {
				return score[x] > score[y]
			}
			return x < y
		})
		if len(touched) > relatedCount {
			touched = touched[:relatedCount]
		}
		var list []*model.Case
		for _, j := range touched {
			list = append(list, site.Cases[j])
		}
		out[c] = list
		for j := range score {
			score[j] = 0
		}
	}
	return out
}

var (
	testTopics  = []string{"居民自治", "养老服务", "物业服务", "邻里纠纷调解", "公益创投"}
	testMethods = []string{"议事协商", "个案工作", "小组工作"}
	testStreets = []string{"民族街道", "水塔街道", "花楼街道", ""}
)

// randomCase makes a case with a few topics and methods, sometimes naming
// one twice, so the scoring of repeats is covered too.
func randomCase(rng *rand.Rand, n int) *model.Case {
	pick := func(from []string, k int) []string {
		var out []string
		for i := 0; i < k; i++ {
			out = append(out, from[rng.Intn(len(from))])
		}
		return out
	}
	c := &model.Case{}
	c.Kind = model.Cases
	c.Slug = fmt.Sprintf("case-%04d", n)
	c.Title = fmt.Sprintf("案例%d", rng.Intn(50))
	c.Date = time.Date(2020, 1, 1+rng.Intn(30), 0, 0, 0, 0, time.UTC)
	c.Topics = pick(testTopics, 1+rng.Intn(3))
	c.Methods = pick(testMethods, rng.Intn(3))
	c.Street = testStreets[rng.Intn(len(testStreets))]
	return c
}

func sameRelated(t *testing.T, site *model.Site, step string) {
	t.Helper()
	want := referenceRelated(site)
	for _, c := range site.Cases {
		w := want[c]
		if len(w) != len(c.Related) {
			t.Fatalf("%s: %s has %d related cases, want %d", step, c.Slug, len(c.Related), len(w))
		}
		for i := range w {
			if w[i] != c.Related[i] {
				t.Fatalf("%s: %s related #%d is %s, want %s", step, c.Slug, i, c.Related[i].Slug, w[i].Slug)
			}
		}
	}
}

func TestRelated(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 300} {
		t.Run(fmt.Sprintf("%d cases", n), func(t *testing.T) {
			rng := rand.New(rand.NewSource(int64(n)))
			site := &model.Site{}
			for i := 0; i < n; i++ {
				site.Cases = append(site.Cases, randomCase(rng, i))
			}
			site.Index()
			Backlinks(site)
			sameRelated(t, site, "full")
		})
	}
}

// TestRelink edits, adds and removes cases one burst at a time and checks
// that the updated lists are those a full Backlinks computes.
func TestRelink(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	site := &model.Site{}
	for i := 0; i < 200; i++ {
		site.Cases = append(site.Cases, randomCase(rng, i))
	}
	site.Index()
	Backlinks(site)
	next := 200
	steps := []struct {
		name               string
		edit, add, removes int
	}{
		{"edit one", 1, 0, 0},
		{"add one", 0, 1, 0},
		{"remove one", 0, 0, 1},
		{"edit three", 3, 0, 0},
		{"mixed", 2, 2, 2},
		{"burst", 40, 0, 0},
	}
	for round := 0; round < 10; round++ {
		for _, st := range steps {
			t.Run(fmt.Sprintf("%d/%s", round, st.name), func(t *testing.T) {
				var changed []*model.Case
				for i := 0; i < st.edit; i++ {
					c := site.Cases[rng.Intn(len(site.Cases))]
					fresh := randomCase(rng, 0)
					c.Topics, c.Methods, c.Street, c.Date, c.Title = fresh.Topics, fresh.Methods, fresh.Street, fresh.Date, fresh.Title
					changed = append(changed, c)
				}
				for i := 0; i < st.removes; i++ {
					k := rng.Intn(len(site.Cases))
					changed = append(changed, site.Cases[k])
					site.Cases = append(site.Cases[:k:k], site.Cases[k+1:]...)
				}
				for i := 0; i < st.add; i++ {
					c := randomCase(rng, next)
					next++
					site.Cases = append(site.Cases, c)
					changed = append(changed, c)
				}
				site.Index()
				Relink(site, changed)
				sameRelated(t, site, st.name)
			})
		}
	}
}
