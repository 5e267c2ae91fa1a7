// Package testcorpus generates the synthetic library the search tests and
// benchmarks share. It mirrors the benchmark corpus generator behind
// internal/benchcorpus: the same vocabularies and sentence pieces, cases
// with problem and solution sections, and workers, lectures, guides,
// courses and handbook chapters in proportion.
package testcorpus

import (
	"fmt"
	"math/rand"
	"strings"

	"github.com/jianghan-district/jianghan/search"
)

// The vocabularies of the generated library.

var (
	Streets = []string{"民族街道", "花楼街道", "水塔街道", "民权街道", "满春街道", "民益街道",
		"前进街道", "汉兴街道", "新华街道", "万松街道", "唐家墩街道", "北湖街道"}
	Topics = []string{"住宅小区综合治理", "业主委员会建设", "物业服务", "居民自治", "社区社会组织培育",
		"志愿者队伍建设", "养老服务", "青少年服务", "困难群体帮扶", "邻里纠纷调解",
		"社区环境整治", "公益创投"}
	Methods = []string{"个案工作", "小组工作", "社区工作", "三社联动", "议事协商", "赋权增能"}
	Clauses = []string{
		"社区工作者以问题为导向组织居民议事", "通过入户走访了解居民的真实需求", "引导居民共同参与社区公共事务",
		"物业服务企业与业主之间长期存在矛盾", "老旧小区缺乏专业化的物业管理", "业主委员会迟迟未能依法成立",
		"社区社会组织停留在自娱自乐的阶段", "居民志愿者缺乏必要的培训与协作", "社工室以专业方法介入社区治理",
		"三社联动机制为项目提供了资源保障", "持证社工担任项目经理负责全程运营", "专家导师与实践导师共同开展督导",
		"议事会按照提出议题、协商讨论、形成决议的程序运行", "楼栋长与网格员配合开展信息收集", "居民从旁观者转变为参与者",
		"项目在区级公益创投大赛中获得资助", "社区形成了可复制的特色工作法", "居民满意度在回访中明显提升",
		"老年人的助餐与照护需求得到回应", "青少年课后托管服务缓解了双职工家庭的压力", "困难家庭获得了持续的个案跟进",
		"邻里纠纷在调解小组的介入下得到化解", "小区环境整治方案经过多轮协商后确定", "停车难问题通过共建共治得到缓解",
		"社区工作者运用助人自助的理念向居民赋权增能", "项目经验被汇编进实务操作手册", "督导团队定期复盘项目进展",
		"街道社会工作服务中心提供了场地与培训支持", "居民骨干在过程中成长为社区领袖", "社区公益基金撬动了辖区单位的资源",
	}
	Descriptors = []string{"加装电梯", "楼道堆物", "垃圾分类", "停车管理", "独居老人", "流动儿童", "物业交接",
		"业委会换届", "公共空间改造", "志愿服务积分", "邻里节", "社区食堂", "四点半课堂", "雨污分流"}
	surnames = []rune("王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗")
	given    = []string{"敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "华", "平", "刚", "桂英", "红"}
)

// Docs returns a deterministic library of about 1.2·n documents, n of them cases.
func Docs(n int) []search.Document {
	rng := rand.New(rand.NewSource(int64(n)))
	pick := func(xs []string) string { return xs[rng.Intn(len(xs))] }
	sample := func(xs []string, k int) []string {
		p := rng.Perm(len(xs))[:k]
		out := make([]string, k)
		for i, j := range p {
			out[i] = xs[j]
		}
		return out
	}
	para := func(k int) string {
		parts := make([]string, k)
		for i := range parts {
			parts[i] = pick(Clauses)
		}
		return strings.Join(parts, "，") + "。"
	}
	body := func(paras int) string {
		ps := make([]string, paras)
		for i := range ps {
			ps[i] = para(3 + rng.Intn(4))
		}
		return strings.Join(ps, "\n\n")
	}
	person := func() string { return string(surnames[rng.Intn(len(surnames))]) + pick(given) }
	var docs []search.Document
	for i := 0; i < max(3, n/10); i++ {
		street := pick(Streets)
		d := pick(Descriptors)
		docs = append(docs, search.Document{
			URL: fmt.Sprintf("/workers/worker-%05d/", i), Title: person(), Kind: "workers", Street: street,
			Filed:    []string{street, d + "工作法"},
			Sections: []search.Section{{Heading: "工作经历", Text: body(3)}, {Heading: "特色工作法", Text: d + "工作法。" + body(2)}},
		})
	}
	for i := 0; i < max(2, n/20); i++ {
		topics := sample(Topics, 2)
		docs = append(docs, search.Document{
			URL:   fmt.Sprintf("/lectures/lecture-%05d/", i),
			Title: "微课堂：" + pick(Topics) + "中的" + pick(Methods), Kind: "lectures",
			Topics: topics, Filed: append([]string{person()}, topics...),
			Sections: []search.Section{
				{Text: "理解" + pick(Methods) + "的基本理念。掌握" + pick(Descriptors) + "问题的处理流程。"},
				{Heading: "课程要点", Text: body(4)},
			},
		})
	}
	for i := 0; i < n; i++ {
		street := pick(Streets)
		d := pick(Descriptors)
		topics, methods := sample(Topics, 1+rng.Intn(3)), sample(Methods, 1+rng.Intn(2))
		filed := append(append([]string{street, street[:6] + "社区", person()}, topics...), methods...)
		docs = append(docs, search.Document{
			URL:     fmt.Sprintf("/cases/case-%05d/", i),
			Title:   fmt.Sprintf("%s%s问题的协商解决（%d）", string([]rune(street)[:2]), d, i),
			Kind:    "cases",
			Date:    fmt.Sprintf("%d-%02d-%02d", 2016+rng.Intn(10), 1+rng.Intn(12), 1+rng.Intn(28)),
			Street:  street,
			Topics:  topics,
			Methods: methods,
			Filed:   append(filed, d),
			Summary: para(2),
			Sections: []search.Section{
				{Heading: "问题", Text: body(2 + rng.Intn(3))},
				{Heading: "解决方案", Text: body(2+rng.Intn(4)) + "\n\n" + para(2) + "\n" + para(2) + "\n" + para(2)},
				{Heading: "成效", Text: body(2) + fmt.Sprintf("\n\n指标 实施前 实施后 居民参与人次 %d %d", 10+rng.Intn(70), 80+rng.Intn(320))},
				{Heading: "反思", Text: body(1)},
			},
		})
	}
	for i := 0; i < max(2, n/50); i++ {
		docs = append(docs, search.Document{
			URL: fmt.Sprintf("/guides/guide-%05d/", i), Title: fmt.Sprintf("社区社会工作室运营指南（%d）", i), Kind: "guides",
			Sections: []search.Section{{Heading: "步骤", Text: para(2) + "\n" + para(2)}, {Text: body(4)}},
		})
	}
	for i := 0; i < max(1, n/100); i++ {
		docs = append(docs, search.Document{
			URL: fmt.Sprintf("/courses/course-%05d/", i), Title: fmt.Sprintf("培训课程（%d）", i), Kind: "courses",
			Sections: []search.Section{{Text: body(2)}},
		})
	}
	for i := 0; i < 12; i++ {
		docs = append(docs, search.Document{
			URL: fmt.Sprintf("/handbook/chapter-%02d/", i+1), Title: fmt.Sprintf("第%d章 实务操作", i+1), Kind: "handbook",
			Sections: []search.Section{{Heading: "要点", Text: body(5)}},
		})
	}
	return docs
}
