package static

import (
	"encoding/binary"
	"sort"

	"github.com/jianghan-district/jianghan/search"
)

// facetValues is every document's facet values as indexes into the
// vocabularies of meta.json, for the per-term facet counts of encodeTerm.
type facetValues struct {
	sizes [4]int     // vocabulary sizes: kinds, streets, topics, methods
	vals  [][4][]int // by document, by facet
	// flat[at[d]:at[d+1]] is document d's values numbered across the four
	// vocabularies one after the other (total values in all)
	flat  []int32
	at    []int32
	total int
}

// facetVocabularies fills the facet vocabularies of meta and returns every
// document's facet values as indexes into them.
func facetVocabularies(docs []*search.Document, meta *meta) *facetValues {
	vocab := func(get func(d *search.Document) []string) ([]string, map[string]int) {
		set := map[string]bool{}
		for _, d := range docs {
			for _, v := range get(d) {
				if v != "" {
					set[v] = true
				}
			}
		}
		list := make([]string, 0, len(set))
		for v := range set {
			list = append(list, v)
		}
		sort.Strings(list)
		idx := make(map[string]int, len(list))
		for i, v := range list {
			idx[v] = i
		}
		return list, idx
	}
	getters := [4]func(d *search.Document) []string{
		func(d *search.Document) []string { return []string{d.Kind} },
		func(d *search.Document) []string { return []string{d.Street} },
		func(d *search.Document) []string { return d.Topics },
		func(d *search.Document) []string { return d.Methods },
	}
	lists := [4]*[]string{&meta.Kinds, &meta.Streets, &meta.Topics, &meta.Methods}
	fv := &facetValues{vals: make([][4][]int, len(docs))}
	for k, get := range getters {
		var idx map[string]int
		*lists[k], idx = vocab(get)
		fv.sizes[k] = len(*lists[k])
		for i, d := range docs {
			for _, v := range search.FacetValues(get(d)) {
				fv.vals[i][k] = append(fv.vals[i][k], idx[v])
			}
		}
	}
	fv.at = make([]int32, len(docs)+1)
	for i := range fv.vals {
		base := 0
		for k, vs := range fv.vals[i] {
			for _, v := range vs {
				fv.flat = append(fv.flat, int32(base+v))
			}
			base += fv.sizes[k]
		}
		fv.at[i+1] = int32(len(fv.flat))
	}
	fv.total = fv.sizes[0] + fv.sizes[1] + fv.sizes[2] + fv.sizes[3]
	return fv
}

// facetColumns writes facets.bin:
//
//	"JF3" n:uvarint
//	n × kind (index into kinds, +1; 0 none)
//	n × street (index into streets, +1; 0 none)
//	n × (count, then count × index into topics)
//	n × (count, then count × index into methods)
//	n × the number of textSlot-byte slots the document's text takes
//
// all as uvarints, column after column (they compress better so), appended
// to out.
func facetColumns(out []byte, fv *facetValues, slots []uint32) []byte {
	n := len(fv.vals)
	out = append(out, "JF3"...)
	out = binary.AppendUvarint(out, uint64(n))
	for k := 0; k < 2; k++ {
		for i := 0; i < n; i++ {
			if vs := fv.vals[i][k]; len(vs) > 0 {
				out = binary.AppendUvarint(out, uint64(vs[0]+1))
			} else {
				out = append(out, 0)
			}
		}
	}
	for k := 2; k < 4; k++ {
		for i := 0; i < n; i++ {
			vs := fv.vals[i][k]
			out = binary.AppendUvarint(out, uint64(len(vs)))
			for _, v := range vs {
				out = binary.AppendUvarint(out, uint64(v))
			}
		}
	}
	for _, s := range slots {
		out = binary.AppendUvarint(out, uint64(s))
	}
	return out
}
