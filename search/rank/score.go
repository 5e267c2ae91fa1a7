package rank

import "sort"

// Doc is what scoring needs of one document, for each of a Plan's terms.
// The indexers fill it from their postings (package index) or from the
// document's text (search.js, and FillFromText).
type Doc struct {
	// TF is each term's frequency in each field.
	TF [][NumFields]uint32
	// Len is each field's length as BM25 counts it, 1/Norm²; only the
	// fields where some term occurs are read.
	Len [NumFields]float64
	// Pos are each term's positions in each field, ascending; nil when
	// they are not known (then Score gives an upper bound).
	Pos [][NumFields][]int32
}

// NewDoc makes an empty Doc for p's terms, to be reused with Reset.
func (p *Plan) NewDoc(withPositions bool) *Doc {
	d := &Doc{TF: make([][NumFields]uint32, len(p.Terms))}
	if withPositions {
		d.Pos = make([][NumFields][]int32, len(p.Terms))
	}
	return d
}

// Reset empties d for the next document, keeping its memory.
func (d *Doc) Reset() {
	clear(d.TF)
	d.Len = [NumFields]float64{}
	for i := range d.Pos {
		for f := range d.Pos[i] {
			d.Pos[i][f] = d.Pos[i][f][:0]
		}
	}
}

// has tells whether term i occurs in d.
func (d *Doc) has(i int32) bool {
	for _, n := range d.TF[i] {
		if n > 0 {
			return true
		}
	}
	return false
}

// Key is where a document ranks: by Tier, then Rel.
type Key struct {
	Tier int
	Rel  float64
}

// Score is the key as one number, as results show it: the tier plus
// rel/(1+rel), which orders documents as the key does.
func (k Key) Score() float64 { return float64(k.Tier) + k.Rel/(1+k.Rel) }

// Less orders keys from best to worst.
func (k Key) Less(o Key) bool {
	return k.Tier > o.Tier || k.Tier == o.Tier && k.Rel > o.Rel
}

// Score ranks d. ok is false when d does not match: it holds no term of
// the query, or lacks a quoted phrase. When d.Pos is nil the key is an
// upper bound (word order at its best, every phrase that could occur
// occurring), and ok is true unless d holds no term.
func (p *Plan) Score(d *Doc) (key Key, ok bool) {
	var kf [NumFields]float64
	for f, l := range d.Len {
		if l > 0 {
			kf[f] = p.params.LengthNorm(l, p.avg[f])
		}
	}
	// B: the terms as typed, then per part its best synonym held whole
	bsum := 0.0
	for i := range p.Terms {
		if t := &p.Terms[i]; t.Q == 1 && d.has(int32(i)) {
			bsum += p.params.TermScore(t.IDF, &d.TF[i], &kf)
		}
	}
	for _, pp := range p.parts {
		best := 0.0
		for _, a := range pp.alts {
			if !a.whole {
				continue
			}
			sum := 0.0
			for _, t := range a.terms {
				if !d.has(t) {
					sum = -1
					break
				}
				sum += p.params.TermScore(p.Terms[t].IDF, &d.TF[t], &kf)
			}
			best = max(best, sum)
		}
		bsum += float64(p.params.Synonym * best)
	}
	if bsum == 0 {
		return key, false
	}
	for _, ph := range p.strict {
		if !p.occurs(d, ph) {
			return key, false
		}
	}
	// coverage
	num, den := 0.0, 0.0
	for _, pp := range p.parts {
		if pp.w == 0 {
			continue
		}
		h := 0.0
		for _, a := range pp.alts {
			if len(a.terms) == 0 {
				continue
			}
			m := 0
			for _, t := range a.terms {
				if d.has(t) {
					m++
				}
			}
			h = max(h, a.w*float64(m)/float64(len(a.terms)))
		}
		num += float64(pp.w * h)
		den += pp.w
	}
	cov := num / den
	// word order
	on, ow := 0.0, 0.0
	for _, pr := range p.pairs {
		c := 0.0
		if d.has(pr.a) && d.has(pr.b) {
			c = p.closeness(d, pr)
		}
		on += float64(pr.w * c)
		ow += pr.w
	}
	ord := 0.0
	if ow > 0 {
		ord = on / ow
	}
	rel := float64(bsum*cov) * cov
	key.Rel = rel * (1 + float64(p.params.Order*ord))
	key.Tier = p.tier(d)
	return key, true
}

// tier is 2 when d holds every literal clause, 1 when it holds every part
// that occurs anywhere (or a synonym of it), else 0.
func (p *Plan) tier(d *Doc) int {
	all := true
	for _, ph := range p.raw {
		if !p.occurs(d, ph) {
			all = false
			break
		}
	}
	if all {
		return 2
	}
	for _, pp := range p.parts {
		if pp.w == 0 {
			continue
		}
		held := false
		for _, a := range pp.alts {
			if p.occurs(d, a.phrase) {
				held = true
				break
			}
		}
		if !held {
			return 0
		}
	}
	return 1
}

// occurs tells whether phrase ph occurs in one field of d (could occur,
// when positions are unknown).
func (p *Plan) occurs(d *Doc, ph phrase) bool {
	if ph == nil {
		return false
	}
	for _, t := range ph {
		if t >= 0 && !d.has(t) {
			return false
		}
	}
	if d.Pos == nil || len(ph) == 1 {
		return true
	}
	for f := 0; f < NumFields; f++ {
		first := d.Pos[ph[0]][f]
	next:
		for _, start := range first {
			for j := 1; j < len(ph); j++ {
				if ph[j] >= 0 && !hasPos(d.Pos[ph[j]][f], start+int32(j)) {
					continue next
				}
			}
			return true
		}
	}
	return false
}

// hasPos tells whether the ascending positions ps hold x.
func hasPos(ps []int32, x int32) bool {
	i := sort.Search(len(ps), func(i int) bool { return ps[i] >= x })
	return i < len(ps) && ps[i] == x
}

// closeness is how near the pair's terms come to their distance in the
// query, in the field where they come nearest: 1/(1+d), or 0 beyond
// MaxDev (1 when positions are unknown).
func (p *Plan) closeness(d *Doc, pr pair) float64 {
	if d.Pos == nil {
		return 1
	}
	best := int32(-1)
	for f := 0; f < NumFields; f++ {
		as, bs := d.Pos[pr.a][f], d.Pos[pr.b][f]
		j := 0
		for _, a := range as {
			want := a + pr.dist
			for j+1 < len(bs) && bs[j+1] <= want {
				j++
			}
			for _, k := range []int{j, j + 1} {
				if k < len(bs) {
					dev := bs[k] - want
					if dev < 0 {
						dev = -dev
					}
					if best < 0 || dev < best {
						best = dev
					}
				}
			}
		}
	}
	if best < 0 || best > int32(p.params.MaxDev) {
		return 0
	}
	return 1 / float64(1+best)
}
