package load_test

import (
	"strings"
	"testing"

	"github.com/jianghan-district/jianghan/generator"
)

func TestSynonyms(t *testing.T) {
	okCase := file(
		"---",
		"title: 加装电梯",
		"street: 水塔街道",
		"topics: [居民自治]",
		"summary: 高低层住户达成一致。",
		"---",
	) + caseBody
	const yaml = "content/site.yaml"
	runChecks(t, []checkCase{
		{
			name: "groups of words that mean the same are fine",
			files: map[string]string{
				yaml:                    siteYAML + "synonyms:\n  - [加装电梯, 加梯, 装电梯]\n  - [业主委员会, 业委会]\n",
				"content/cases/lift.md": okCase,
			},
		},
		{
			name: "a group of one word, a repeated word, a word with nothing to search",
			files: map[string]string{
				yaml: siteYAML + "synonyms:\n" +
					"  - [加梯]\n" +
					"  - [业委会, 业主委员会, 业委会]\n" +
					"  - [ＡＢＣ, abc]\n" +
					"  - [电梯, ！！]\n" +
					"  - [一二三四五六七八九十一二三四, 甲乙]\n",
				"content/cases/lift.md": okCase,
			},
			want: []string{
				yaml + ":6:5: 同义词组只有「加梯」一个词：至少写两个意思相同的词，或删去这一组",
				yaml + ":7:18: 「业委会」在这一组里写了两次：删去重复的一个",
				yaml + ":8:11: 「abc」在这一组里写了两次：删去重复的一个",
				yaml + ":9:10: 「！！」里没有可以搜索的文字（汉字、字母或数字）",
				yaml + ":10:6: 「一二三四五六七八九十一二三四」太长了：同义词最多 13 个字",
			},
		},
		{
			name: "synonyms that are not a list of groups",
			files: map[string]string{
				yaml:                    siteYAML + "synonyms: 加梯\n",
				"content/cases/lift.md": okCase,
			},
			want: []string{yaml + ":5:11: synonyms 须是同义词组的列表，每组一行，例如 `- [加装电梯, 加梯]`"},
		},
		{
			name: "a group that is not a list",
			files: map[string]string{
				yaml:                    siteYAML + "synonyms:\n  - 加梯\n  - []\n  - [电梯, [升降梯]]\n",
				"content/cases/lift.md": okCase,
			},
			want: []string{
				yaml + ":6:5: 同义词组须写成 [词甲, 词乙] 这样的列表",
				yaml + ":7:5: 同义词组须写成 [词甲, 词乙] 这样的列表",
				yaml + ":8:10: 同义词组须写成 [词甲, 词乙] 这样的列表",
			},
		},
	})
	// the groups reach the site, the bad words left out
	_, site, _ := check(t, generator.Options{}, map[string]string{
		yaml:                    siteYAML + "synonyms:\n  - [加装电梯, 加梯, 加梯]\n  - [一]\n",
		"content/cases/lift.md": okCase,
	})
	if got := site.Config.Synonyms; len(got) != 1 || strings.Join(got[0], ",") != "加装电梯,加梯" {
		t.Errorf("synonyms %v", got)
	}
}
